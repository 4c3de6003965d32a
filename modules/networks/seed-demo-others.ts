// The demo's further networks, from the sourced file only: UCCI (hosted here, with its members)
// and C40 (external, recorded by Buenos Aires' government with its own membership and its seat on
// the steering committee). The file's EU programmes (IUC, IUC-LAC, IURC) are not networks: they
// are city pairings, which the pairings module will hold.
import { and, eq } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { networkBodies, networkRoles } from "../governance/schema.ts";
import { ensureCategories, ensureNetwork, type NetworkSeed, sourcedMembers, writeMembers } from "./seed-demo-mercociudades.ts";
import { cityKey, ensureLocalGovernments, type ReferenceCity, type SourcedFact } from "./seed-demo-sources.ts";

const ucci: NetworkSeed = {
  slug: "ucci",
  name: "Unión de Ciudades Capitales Iberoamericanas",
  names: { pt: "União das Cidades Capitais Ibero-americanas", en: "Union of Ibero-American Capital Cities" },
  acronyms: { es: "UCCI", pt: "UCCI", en: "UCCI" },
  kind: "regional",
  hosted: true,
  regionCodes: ["419", "039"],
  workingLanguages: ["es", "pt"],
  foundedOn: null,
  website: null,
  descriptionLanguage: "es",
  description: {
    es: "Red de las ciudades capitales de Iberoamérica.\n\nDatos de demostración: las ciudades miembro y su categoría provienen de una fuente pública (enlace «fuente»); sus fechas de ingreso no constan. La red no tiene aquí secretaría ni órganos cargados.",
    pt: "Rede das cidades capitais da Ibero-América.\n\nDados de demonstração: as cidades membro e sua categoria vêm de uma fonte pública (link «fonte»); suas datas de adesão não constam. A rede não tem aqui secretaria nem órgãos cadastrados.",
    en: "A network of the capital cities of Ibero-America.\n\nDemo data: the member cities and their category come from a public source (“source” link); their joining dates are not known. The network has no secretariat or bodies recorded here.",
  },
};

const c40: NetworkSeed = {
  slug: "c40",
  name: "C40 Cities Climate Leadership Group",
  names: {},
  acronyms: { es: "C40", pt: "C40", en: "C40" },
  kind: "global",
  hosted: false,
  regionCodes: [],
  workingLanguages: ["en"],
  foundedOn: null,
  website: "https://www.c40.org",
  descriptionLanguage: "es",
  description: {
    es: "Red mundial de grandes ciudades comprometidas con la acción climática. Registrada por el Gobierno de la Ciudad de Buenos Aires para su portafolio; su membresía y su lugar en el Comité Directivo provienen de una fuente pública (enlace «fuente»).",
    pt: "Rede mundial de grandes cidades comprometidas com a ação climática. Registrada pelo Governo da Cidade de Buenos Aires para sua carteira; sua filiação e seu lugar no Comitê Diretor vêm de uma fonte pública (link «fonte»).",
    en: "A worldwide network of large cities committed to climate action. Recorded by the Government of the City of Buenos Aires for its portfolio; its membership and its seat on the Steering Committee come from a public source (“source” link).",
  },
};

/** UCCI with the members of the sourced file; returns how many rows were added. */
export async function seedUcci(tx: Database, facts: SourcedFact[], cities: Map<string, ReferenceCity>, today: string): Promise<number> {
  const network = await ensureNetwork(tx, ucci);
  const categories = await ensureCategories(tx, network.id);
  const members = sourcedMembers(facts, "UCCI", cities, today);
  const governments = await ensureLocalGovernments(
    tx,
    members.map((m) => m.city),
  );
  const written = await writeMembers(
    tx,
    network.id,
    members.flatMap((spec) => (governments.byCity.has(spec.city.id) ? [{ spec, organizationId: governments.byCity.get(spec.city.id)! }] : [])),
    categories.ids,
  );
  return (network.changed ? 1 : 0) + categories.added + governments.created + written;
}

/** C40 as Buenos Aires recorded it: its membership and its steering-committee seat, both from the sourced file. */
export async function seedC40(tx: Database, facts: SourcedFact[], cities: Map<string, ReferenceCity>, today: string): Promise<number> {
  const fact = facts.find((f) => f.network === "C40" && f.city === "Buenos Aires" && f.country === "AR");
  const city = cities.get(cityKey("Buenos Aires", "AR"));
  if (!fact || !city) return 0;
  const governments = await ensureLocalGovernments(tx, [city]);
  const recorder = governments.byCity.get(city.id)!;
  const network = await ensureNetwork(tx, { ...c40, recordedByOrganizationId: recorder });
  let added = (network.changed ? 1 : 0) + governments.created;
  // An external network has no categories: each organization records only that it belongs.
  added += await writeMembers(
    tx,
    network.id,
    [{ spec: { ...sourcedMembers([fact], "C40", cities, today)[0]!, category: "full" }, organizationId: recorder }],
    new Map(),
  );
  added += (
    await tx
      .insert(networkBodies)
      .values({
        networkId: network.id,
        slug: "steering-committee",
        kind: "executive_direction",
        names: { es: "Comité Directivo", pt: "Comitê Diretor", en: "Steering Committee" },
        nameLanguage: "en",
      })
      .onConflictDoNothing()
      .returning({ id: networkBodies.id })
  ).length;
  const [body] = await tx.select({ id: networkBodies.id }).from(networkBodies).where(and(eq(networkBodies.networkId, network.id), eq(networkBodies.slug, "steering-committee")));
  const [held] = await tx
    .select({ id: networkRoles.id })
    .from(networkRoles)
    .where(and(eq(networkRoles.bodyId, body!.id), eq(networkRoles.organizationId, recorder), eq(networkRoles.role, "member")));
  if (!held) {
    // The source lists Buenos Aires on the steering committee without a date: the role is dated
    // from the day it was recorded here, and says so.
    await tx.insert(networkRoles).values({
      networkId: network.id,
      bodyId: body!.id,
      organizationId: recorder,
      role: "member",
      startsOn: today,
      endsOn: null,
      note: `La fuente no indica desde cuándo; registrado en Pares el ${today}.`,
      sourceUrl: fact.sourceUrl,
    });
    added++;
  }
  return added;
}
