import { and, asc, desc, eq, gt, gte, isNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Database } from "../../platform/db/client.ts";
import { invalid } from "../../platform/errors.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { type Holding, holdingOn, today } from "./dates.ts";
import { displayName } from "./display.ts";
import { factsOf } from "./find.ts";
import { listRolesInput, type ListRolesInput } from "./inputs.ts";
import { governancePolicy } from "./policy.ts";
import { type BodyKind, networkBodies, networkRoles, networkTerms, type RoleKind } from "./schema.ts";

export interface RoleView {
  id: string;
  role: RoleKind;
  body: { slug: string; name: string; kind: BodyKind };
  organization: { slug: string; name: string };
  term: { id: string; label: string } | null;
  startsOn: string;
  endsOn: string | null;
  /** Where the role stands today. */
  holding: Holding;
  seatCountryCode: string | null;
  /** Where a real role is documented (demo data from sourced files). */
  sourceUrl: string | null;
  candidacyId: string | null;
}

/** Roles matching `where`, with their body, organization and term, in the reader's language. */
export async function selectRoles(db: Database, where: SQL | undefined, locale: Locale, order: SQL[] = [asc(networkRoles.startsOn)], limit?: number, offset?: number): Promise<RoleView[]> {
  const query = db
    .select({
      id: networkRoles.id,
      role: networkRoles.role,
      bodySlug: networkBodies.slug,
      bodyNames: networkBodies.names,
      bodyNameLanguage: networkBodies.nameLanguage,
      bodyKind: networkBodies.kind,
      organizationSlug: organizations.slug,
      organizationName: organizations.name,
      termId: networkTerms.id,
      termLabel: networkTerms.label,
      startsOn: networkRoles.startsOn,
      endsOn: networkRoles.endsOn,
      seatCountryCode: networkRoles.seatCountryCode,
      sourceUrl: networkRoles.sourceUrl,
      candidacyId: networkRoles.candidacyId,
    })
    .from(networkRoles)
    .innerJoin(networkBodies, eq(networkBodies.id, networkRoles.bodyId))
    .innerJoin(organizations, eq(organizations.id, networkRoles.organizationId))
    .leftJoin(networkTerms, eq(networkTerms.id, networkRoles.termId))
    .where(where)
    .orderBy(...order, asc(organizations.nameNorm));
  const rows = await (limit !== undefined ? query.limit(limit).offset(offset ?? 0) : query);
  const day = today();
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    body: { slug: r.bodySlug, name: localizedText(r.bodyNames, locale, r.bodyNameLanguage), kind: r.bodyKind },
    organization: { slug: r.organizationSlug, name: displayName(r.organizationName) },
    term: r.termId ? { id: r.termId, label: r.termLabel! } : null,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    holding: holdingOn(r, day),
    seatCountryCode: r.seatCountryCode,
    sourceUrl: r.sourceUrl,
    candidacyId: r.candidacyId,
  }));
}

/** The SQL condition for roles current, upcoming or past today. */
export function holdingCondition(when: Holding): SQL {
  const day = today();
  if (when === "upcoming") return gt(networkRoles.startsOn, day);
  if (when === "past") return lt(networkRoles.endsOn, day);
  return and(lte(networkRoles.startsOn, day), or(isNull(networkRoles.endsOn), gte(networkRoles.endsOn, day)))!;
}

/** A network's roles, public: by body, organization and whether current, upcoming or past. */
export async function listRoles(ctx: ServiceContext, actor: Actor, networkSlug: string, raw: ListRolesInput, locale: Locale) {
  const network = await findNetwork(ctx.db, networkSlug);
  authorize(governancePolicy.view(actor, factsOf(network)), { visible: false });
  const parsed = listRolesInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  const where = and(
    eq(networkRoles.networkId, network.id),
    input.body ? eq(networkBodies.slug, input.body) : undefined,
    input.organization ? eq(organizations.slug, input.organization) : undefined,
    input.when ? holdingCondition(input.when) : undefined,
  );
  const [count] = await ctx.db
    .select({ total: sql<number>`count(*)::int` })
    .from(networkRoles)
    .innerJoin(networkBodies, eq(networkBodies.id, networkRoles.bodyId))
    .innerJoin(organizations, eq(organizations.id, networkRoles.organizationId))
    .where(where);
  const items = await selectRoles(ctx.db, where, locale, [desc(networkRoles.startsOn)], input.pageSize, (input.page - 1) * input.pageSize);
  const total = count?.total ?? 0;
  return { items, total, page: input.page, pageSize: input.pageSize, pageCount: Math.ceil(total / input.pageSize) };
}
