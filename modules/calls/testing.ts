// Building blocks for the calls' tests: a network with its secretariat, a programme, a published
// call with the South–South rules (cap USD 10,000, 50 % funded, 2 partners from 2 countries), and
// member cities whose people apply.
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { memberCity } from "../exchange/testing.ts";
import { testNetwork } from "../networks/testing.ts";
import { calls } from "./schema.ts";
import { publishCall } from "./publish-call.ts";
import { saveCall } from "./save-call.ts";
import { saveProgramme } from "./save-programme.ts";

const local = (date: Date) => date.toISOString().slice(0, 16);

export async function testCall(db: Database, options: { closesInMinutes?: number } = {}) {
  const { network, officer, secretariatOrg } = await testNetwork(db, "Red con programa");
  const secretariat = await officer.actor();
  const programme = await saveProgramme({ db }, secretariat, {
    network: network.slug,
    slug: "cooperacion-sur-sur",
    texts: { es: { name: "Programa de Cooperación Sur–Sur", purpose: "Financiar iniciativas regionales.", principles: "Horizontalidad, consenso, beneficio equitativo.", linesOfAction: "Financiamiento; formación; resiliencia." } },
  });
  const closes = new Date(Date.now() + (options.closesInMinutes ?? 60 * 24 * 30) * 60_000);
  const call = await saveCall({ db }, secretariat, {
    programme: programme.id,
    slug: "convocatoria-2027",
    kind: "project_funding",
    texts: { es: { title: "Convocatoria 2027", description: "Proyectos de cooperación entre ciudades miembro." } },
    opensAt: local(new Date(Date.now() - 86_400_000)),
    closesAt: local(closes),
    timeZone: "UTC",
    totalBudget: "100000",
    projectCap: "10000",
    rules: { leadMustBeMember: true, leadKinds: ["local_government"], oneLeadPerCall: true, minPartners: 2, minCountries: 2, partnerKinds: ["local_government", "second_level_government", "civil_society", "university"] },
  });
  await publishCall({ db }, secretariat, call.id);
  const networkId = network.id;
  const lead = await memberCity(db, networkId, "AR", "Lucía", "es");
  const partnerA = await memberCity(db, networkId, "CO", "Martín", "es");
  const partnerB = await memberCity(db, networkId, "BR", "Ana", "pt");
  const outsider = await memberCity(db, networkId, "MX", "Pedro", "es");
  return { network, secretariat, secretariatOrg, programme, callId: call.id, lead, partnerA, partnerB, outsider };
}

/** Moves the call's deadline (seconds from the database's now; negative: already closed). */
export async function closeCallIn(db: Database, callId: string, seconds: number) {
  await db.update(calls).set({ closesAt: sql`statement_timestamp() + make_interval(secs => ${seconds})` }).where(eq(calls.id, callId));
}
