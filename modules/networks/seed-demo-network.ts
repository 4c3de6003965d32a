// The demo networks, run at every start in demo mode after the demo organizations and accounts.
// Idempotent row by row: a second run adds only what is missing (so an older demo database gets
// the members, bodies and roles it lacks), and leaves alone what people changed since.
//
// Real facts come from data/reference/city_network_memberships_partial.csv and keep their
// source_url; illustrative rows have none, and each network's description says which is which.
import { eq } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { organizations } from "../organizations/schema.ts";
import { seedMercociudadesGovernance } from "./seed-demo-governance.ts";
import { mercociudadesSlug, seedMercociudadesMembers } from "./seed-demo-mercociudades.ts";
import { seedC40, seedUcci } from "./seed-demo-others.ts";

export const demoNetworkSlug = mercociudadesSlug;
export const demoSecretariatSlug = "secretaria-tecnica-mercociudades";

export interface DemoNetworkOptions {
  /** The day the demo is built around (YYYY-MM-DD): the current term is the one containing it. Today by default. */
  today?: string;
}

/** Seeds Mercociudades (members, bodies, terms, roles, candidacies, teams), UCCI and C40; true when anything was added. */
export async function seedDemoNetwork(db: Database, options: DemoNetworkOptions = {}): Promise<boolean> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  return db.transaction(async (tx) => {
    const [secretariat] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, demoSecretariatSlug));
    const seeded = await seedMercociudadesMembers(tx, today, secretariat?.id ?? null);
    let added = seeded.changed;
    added += await seedMercociudadesGovernance(tx, seeded, today);
    added += await seedUcci(tx, seeded.facts, seeded.cities, today);
    added += await seedC40(tx, seeded.facts, seeded.cities, today);
    return added > 0;
  });
}
