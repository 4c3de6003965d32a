import { eq } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { notFound } from "../../platform/errors.ts";
import { organizations } from "./schema.ts";

export type OrganizationRow = typeof organizations.$inferSelect;

/** The organization with this slug, or "not found". Use cases check their policy on what it returns. */
export async function findOrganization(db: Database, slug: string): Promise<OrganizationRow> {
  const [org] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  if (!org) throw notFound("error.organization.notFound");
  return org;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from a URL are checked before they reach a uuid column: a malformed one is simply not found. */
export function assertUuid(id: string, messageKey = "error.notFound.detail"): void {
  if (!uuidPattern.test(id)) throw notFound(messageKey);
}
