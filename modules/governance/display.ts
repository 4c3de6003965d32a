// How the governance pages show organizations: names without the invisible direction marks the
// reference data carries ("Gualeguaychú\u200E"), holders in the order of the network's public
// page (coordinators before sub-coordinators before members), and a place that tells apart
// cities of the same name ("San Antonio — Valparaíso, Chile").
import type { RoleKind } from "./schema.ts";

/** Bidirectional marks, embeddings, overrides and isolates (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069). */
const invisibleFormatting = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A name as shown: without invisible direction marks, trimmed. */
export function displayName(name: string): string {
  return name.replace(invisibleFormatting, "").trim();
}

/** Presidents first, then vice-presidents, coordinators, sub-coordinators, council members and members. */
export const roleOrder: readonly RoleKind[] = ["president", "vice_president", "coordinator", "sub_coordinator", "council_member", "member"];

/** Holders by role (roleOrder), then by organization name in the reader's language. */
export function byRoleThenName(locale: string): (a: { role: RoleKind; organization: { name: string } }, b: { role: RoleKind; organization: { name: string } }) => number {
  const collator = new Intl.Collator(locale);
  return (a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || collator.compare(a.organization.name, b.organization.name);
}

/** "Valparaíso, Chile", or just the country when the organization has no city or its city no province. */
export function placeOf(admin1Name: string | null, countryName: string): string {
  const province = admin1Name ? displayName(admin1Name) : "";
  return province ? `${province}, ${countryName}` : countryName;
}
