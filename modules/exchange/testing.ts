// Building blocks for the exchange's tests: a network with member cities whose focal points post
// offers and needs, an outsider in another network, and texts about the same problem in two
// languages (and one about something else).
import { eq } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { outbox } from "../../platform/outbox/schema.ts";
import { networkMemberships } from "../networks/schema.ts";
import { freeCity, testNetwork, testPerson } from "../networks/testing.ts";
import { createOrganizationRecord } from "../organizations/factories.ts";
import { computeMatches, matchOutboxKind } from "./compute-matches.ts";

export async function memberCity(db: Database, networkId: string, countryCode: string, name: string, locale: "es" | "pt" | "en") {
  const place = await freeCity(db, countryCode);
  const org = await createOrganizationRecord(db, { name: `${name} ${Math.random().toString(36).slice(2, 6)}`, kind: "local_government", countryCode, cityId: place.id });
  await db.insert(networkMemberships).values({ networkId, organizationId: org.id, status: "active" });
  const person = await testPerson(db, { name, locale, organization: { id: org.id, role: "focal_point" } });
  return { org, person };
}

/** A network with a Brazilian, an Argentine and a Colombian city, and a Peruvian city in another network. */
export async function testExchange(db: Database) {
  const { network } = await testNetwork(db, "Red del intercambio");
  const other = await testNetwork(db, "Otra red");
  return {
    network,
    otherNetwork: other.network,
    br: await memberCity(db, network.id, "BR", "Ana", "pt"),
    ar: await memberCity(db, network.id, "AR", "Martín", "es"),
    co: await memberCity(db, network.id, "CO", "Lucía", "es"),
    outsider: await memberCity(db, other.network.id, "PE", "Pedro", "es"),
  };
}

/** Delivers the exchange's outbox rows as the server's worker would. */
export async function deliverMatches(db: Database) {
  const rows = await db.select().from(outbox).where(eq(outbox.kind, matchOutboxKind));
  for (const row of rows) await computeMatches(db, row.payload.itemId as string);
}

export const waterNeed = {
  title: "Reduzir as perdas de água potável na rede de distribuição",
  description:
    "A cidade perde quase 40% da água tratada em vazamentos da rede de distribuição. Precisamos de apoio técnico para setorizar a rede, medir pressões e priorizar a troca de tubulações antigas.",
};
export const waterOffer = {
  title: "Reducción de pérdidas de agua potable en la red de distribución",
  description:
    "Sectorizamos la red de distribución de agua potable, instalamos medición de presión y reemplazamos tuberías antiguas: las pérdidas bajaron del 38% al 22% en cinco años. Ofrecemos asistencia técnica.",
};
export const wasteOffer = {
  title: "Recolección selectiva de residuos con cooperativas de recicladores",
  description: "Organizamos la recolección selectiva de residuos reciclables con cooperativas de recicladores, con contratos municipales y capacitación.",
};
