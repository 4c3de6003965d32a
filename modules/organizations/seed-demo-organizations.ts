// Demo organizations and one account per kind of actor, so a visitor of a demo installation can
// see the platform as each of them. Only seeded when DEMO_DATA is on; the server prints the
// accounts at start.
import { eq } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import type { DemoOptions } from "../manifest.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { networks } from "../networks/schema.ts";
import { demoNetworkSlug } from "../networks/seed-demo-network.ts";
import { addMember, createOrganizationRecord, createPerson, findCityId } from "./factories.ts";
import { type MemberRole, type OrganizationKind, organizations } from "./schema.ts";

/** Known only to demo installations; printed by `npm start` in demo mode. */
export const demoPassword = "Cidades-em-rede-2026";

export interface DemoAccount {
  email: string;
  name: string;
  /** The kind of actor the account shows (for the start-up message, in English like the log). */
  actor: string;
  organization?: string;
}

interface DemoOrganization {
  slug: string;
  name: string;
  kind: OrganizationKind;
  countryCode: string;
  city?: string;
  description: Partial<Record<Locale, string>>;
  descriptionLanguage: Locale;
  website?: string;
  verified: boolean;
}

const demoOrganizations: DemoOrganization[] = [
  {
    slug: "secretaria-tecnica-mercociudades",
    name: "Secretaría Técnica Permanente de Mercociudades",
    kind: "network_secretariat",
    countryCode: "UY",
    city: "Montevideo",
    descriptionLanguage: "es",
    description: {
      es: "Equipo permanente que acompaña a la presidencia de la red, gestiona la membresía, las instancias y la comunicación de Mercociudades.",
      pt: "Equipe permanente que acompanha a presidência da rede e cuida da filiação, das instâncias e da comunicação da Mercocidades.",
      en: "The permanent team supporting the network's presidency, running Mercociudades' membership, bodies and communication.",
    },
    verified: true,
  },
  {
    slug: "gobierno-de-la-ciudad-de-buenos-aires",
    name: "Gobierno de la Ciudad de Buenos Aires",
    kind: "local_government",
    countryCode: "AR",
    city: "Buenos Aires",
    descriptionLanguage: "es",
    description: { es: "Dirección General de Relaciones Internacionales y Cooperación: la participación de la ciudad en redes multilaterales." },
    verified: true,
  },
  {
    slug: "prefeitura-de-porto-alegre",
    name: "Prefeitura de Porto Alegre",
    kind: "local_government",
    countryCode: "BR",
    city: "Porto Alegre",
    descriptionLanguage: "pt",
    description: { pt: "Gabinete de Relações Internacionais e Captação de Recursos da capital gaúcha, cidade fundadora da Mercocidades." },
    verified: true,
  },
  {
    slug: "intendencia-de-montevideo",
    name: "Intendencia de Montevideo",
    kind: "local_government",
    countryCode: "UY",
    city: "Montevideo",
    descriptionLanguage: "es",
    description: { es: "Gobierno departamental de Montevideo, ciudad fundadora y sede de la Secretaría Técnica Permanente de Mercociudades." },
    verified: false,
  },
  {
    slug: "universidad-de-la-republica",
    name: "Universidad de la República",
    kind: "university",
    countryCode: "UY",
    city: "Montevideo",
    descriptionLanguage: "es",
    description: { es: "Universidad pública del Uruguay; socia del observatorio ciudad–universidad." },
    verified: false,
  },
];

interface DemoPerson {
  email: string;
  name: string;
  locale: Locale;
  position: string;
  languages: string[];
  timeZone: string;
  actor: string;
  platformAdmin?: boolean;
  membership?: { slug: string; role: MemberRole };
}

const demoPeople: DemoPerson[] = [
  { email: "admin@pares.example", name: "Sofía Administradora", locale: "es", position: "Administración de la plataforma", languages: ["es", "en"], timeZone: "America/Montevideo", actor: "platform administrator", platformAdmin: true },
  { email: "secretaria@mercociudades.example", name: "Valentina Rodríguez", locale: "es", position: "Coordinadora de la Secretaría Técnica Permanente", languages: ["es", "pt"], timeZone: "America/Montevideo", actor: "Mercociudades' technical secretariat", membership: { slug: "secretaria-tecnica-mercociudades", role: "focal_point" } },
  { email: "ana.souza@portoalegre.example", name: "Ana Souza", locale: "pt", position: "Coordenadora de Relações Internacionais", languages: ["pt", "es", "en"], timeZone: "America/Sao_Paulo", actor: "focal point, Prefeitura de Porto Alegre (Brazil)", membership: { slug: "prefeitura-de-porto-alegre", role: "focal_point" } },
  { email: "martin.pereyra@buenosaires.example", name: "Martín Pereyra", locale: "es", position: "Director de Relaciones Multilaterales", languages: ["es", "en"], timeZone: "America/Argentina/Buenos_Aires", actor: "focal point, Gobierno de la Ciudad de Buenos Aires (Argentina)", membership: { slug: "gobierno-de-la-ciudad-de-buenos-aires", role: "focal_point" } },
  { email: "lucia.fernandez@buenosaires.example", name: "Lucía Fernández", locale: "es", position: "Equipo técnico de Ambiente", languages: ["es"], timeZone: "America/Argentina/Buenos_Aires", actor: "staff, Gobierno de la Ciudad de Buenos Aires", membership: { slug: "gobierno-de-la-ciudad-de-buenos-aires", role: "staff" } },
  { email: "diego.silva@udelar.example", name: "Diego Silva", locale: "es", position: "Investigador, Facultad de Arquitectura", languages: ["es", "pt"], timeZone: "America/Montevideo", actor: "staff, Universidad de la República (a partner university)", membership: { slug: "universidad-de-la-republica", role: "staff" } },
  { email: "carla.mendes@example.org", name: "Carla Mendes", locale: "en", position: "Urban planner", languages: ["pt", "en"], timeZone: "Europe/Lisbon", actor: "no organization yet (can register one or ask to join)" },
];

/** The demo accounts, for the start-up message. */
export const demoAccounts: DemoAccount[] = demoPeople.map((p) => ({ email: p.email, name: p.name, actor: p.actor, organization: p.membership?.slug }));

export async function seedDemoOrganizations(db: Database, options: DemoOptions): Promise<string[]> {
  return db.transaction(async (tx) => {
    const [seeded] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, demoOrganizations[0]!.slug));
    if (seeded) return [];
    const [existing] = await tx.select().from(networks).where(eq(networks.slug, demoNetworkSlug));
    const ids = new Map<string, string>();
    for (const spec of demoOrganizations) {
      const cityId = spec.city ? await findCityId(tx, spec.city, spec.countryCode) : null;
      if (spec.city && cityId === null && (spec.kind === "local_government" || spec.kind === "local_government_group")) continue;
      const org = await createOrganizationRecord(tx, { ...spec, cityId });
      ids.set(spec.slug, org.id);
    }
    const secretariat = ids.get("secretaria-tecnica-mercociudades");
    if (existing && secretariat && !existing.secretariatOrganizationId) {
      await tx.update(networks).set({ secretariatOrganizationId: secretariat }).where(eq(networks.id, existing.id));
    }
    let created = 0;
    for (const person of options.accounts ? demoPeople : []) {
      const userId = await createPerson(tx, { ...person, password: demoPassword, role: person.platformAdmin ? "admin" : "user" });
      const orgId = person.membership && ids.get(person.membership.slug);
      if (orgId) await addMember(tx, orgId, userId, person.membership!.role);
      created++;
    }
    return [`${ids.size} demo organizations, ${created} demo accounts`];
  });
}
