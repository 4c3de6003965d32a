// Finding a network's bodies, terms, roles and candidacies by what a URL names (slug or id),
// and the organization a request acts for. A malformed id is simply not found.
import { and, eq } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { Actor } from "../organizations/actor.ts";
import { assertUuid, findOrganization } from "../organizations/find-organization.ts";
import { organizations } from "../organizations/schema.ts";
import type { NetworkRow } from "../networks/find-network.ts";
import type { NetworkFacts } from "../networks/policy.ts";
import { displayName } from "./display.ts";
import { networkBodies, networkCandidacies, networkRoles, networkTerms } from "./schema.ts";

export type BodyRow = typeof networkBodies.$inferSelect;
export type TermRow = typeof networkTerms.$inferSelect;
export type RoleRow = typeof networkRoles.$inferSelect;
export type CandidacyRow = typeof networkCandidacies.$inferSelect;

/** A network's name in the reader's language, else its own. */
export function networkName(network: Pick<NetworkRow, "name" | "names">, locale: Locale): string {
  return network.names[locale] ?? network.name;
}

export function factsOf(network: NetworkRow): NetworkFacts {
  return { id: network.id, hosted: network.hosted, recordedByOrganizationId: network.recordedByOrganizationId };
}

export async function findBody(db: Database, networkId: string, slug: string): Promise<BodyRow> {
  const [body] = await db
    .select()
    .from(networkBodies)
    .where(and(eq(networkBodies.networkId, networkId), eq(networkBodies.slug, slug)));
  if (!body) throw notFound("governance.error.bodyNotFound");
  return body;
}

export async function findTerm(db: Database, networkId: string, id: string): Promise<TermRow> {
  assertUuid(id, "governance.error.termNotFound");
  const [term] = await db
    .select()
    .from(networkTerms)
    .where(and(eq(networkTerms.networkId, networkId), eq(networkTerms.id, id)));
  if (!term) throw notFound("governance.error.termNotFound");
  return term;
}

export async function findRole(db: Database, networkId: string, id: string): Promise<RoleRow> {
  assertUuid(id, "governance.error.roleNotFound");
  const [role] = await db
    .select()
    .from(networkRoles)
    .where(and(eq(networkRoles.networkId, networkId), eq(networkRoles.id, id)));
  if (!role) throw notFound("governance.error.roleNotFound");
  return role;
}

export async function findCandidacy(db: Database, networkId: string, id: string): Promise<CandidacyRow> {
  assertUuid(id, "governance.error.candidacyNotFound");
  const [candidacy] = await db
    .select()
    .from(networkCandidacies)
    .where(and(eq(networkCandidacies.networkId, networkId), eq(networkCandidacies.id, id)));
  if (!candidacy) throw notFound("governance.error.candidacyNotFound");
  return candidacy;
}

export interface OrganizationRef {
  id: string;
  slug: string;
  name: string;
  countryCode: string;
}

/** An organization named in an input (a merged one counts as missing). */
export async function findOrganizationRef(db: Database, slug: string): Promise<OrganizationRef> {
  const org = await findOrganization(db, slug).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") throw new AppError("invalid", "error.invalid.detail", { organization: ["i18n:governance.validation.organization"] });
    throw error;
  });
  if (org.mergedIntoId) throw new AppError("invalid", "error.invalid.detail", { organization: ["i18n:governance.validation.organization"] });
  return { id: org.id, slug: org.slug, name: displayName(org.name), countryCode: org.countryCode };
}

/** The organization the actor acts for, or the one named: refused when they are not its member. */
export async function organizationActedFor(db: Database, actor: Actor, slug: string | undefined): Promise<OrganizationRef> {
  if (slug) return findOrganizationRef(db, slug);
  if (!actor.actingOrganizationId) throw new AppError("invalid", "error.invalid.detail", { organization: ["i18n:governance.validation.actingOrganization"] });
  const [org] = await db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, countryCode: organizations.countryCode })
    .from(organizations)
    .where(eq(organizations.id, actor.actingOrganizationId));
  if (!org) throw new AppError("invalid", "error.invalid.detail", { organization: ["i18n:governance.validation.actingOrganization"] });
  return { ...org, name: displayName(org.name) };
}
