import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import { requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import type { Database } from "../../platform/db/client.ts";
import { invalid } from "../../platform/errors.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { today } from "./dates.ts";
import { displayName } from "./display.ts";
import { factsOf, networkName } from "./find.ts";
import { listCandidaciesInput, type ListCandidaciesInput } from "./inputs.ts";
import { describeTerm, type Term } from "./list-terms.ts";
import { governancePolicy } from "./policy.ts";
import { type CandidacyStatus, type decidingBodies, networkBodies, networkCandidacies, networkTerms } from "./schema.ts";

export interface CandidacyView {
  id: string;
  body: { slug: string; name: string };
  term: { id: string; label: string; startsOn: string; endsOn: string };
  organization: { id: string; slug: string; name: string };
  role: "coordinator" | "sub_coordinator";
  statement: string | null;
  status: CandidacyStatus;
  createdAt: Date;
  decidedAt: Date | null;
  decidingBody: (typeof decidingBodies)[number] | null;
  decisionReference: string | null;
  decisionReason: string | null;
  /** The role an approved candidacy became. */
  roleId: string | null;
}

export async function selectCandidacies(db: Database, where: SQL | undefined, locale: Locale): Promise<CandidacyView[]> {
  const rows = await db
    .select({
      c: networkCandidacies,
      bodySlug: networkBodies.slug,
      bodyNames: networkBodies.names,
      bodyNameLanguage: networkBodies.nameLanguage,
      termLabel: networkTerms.label,
      termStartsOn: networkTerms.startsOn,
      termEndsOn: networkTerms.endsOn,
      organizationSlug: organizations.slug,
      organizationName: organizations.name,
    })
    .from(networkCandidacies)
    .innerJoin(networkBodies, eq(networkBodies.id, networkCandidacies.bodyId))
    .innerJoin(networkTerms, eq(networkTerms.id, networkCandidacies.termId))
    .innerJoin(organizations, eq(organizations.id, networkCandidacies.organizationId))
    .where(where)
    .orderBy(desc(networkTerms.startsOn), asc(networkBodies.position), asc(networkBodies.slug), asc(networkCandidacies.createdAt));
  return rows.map((r) => ({
    id: r.c.id,
    body: { slug: r.bodySlug, name: localizedText(r.bodyNames, locale, r.bodyNameLanguage) },
    term: { id: r.c.termId, label: r.termLabel, startsOn: r.termStartsOn, endsOn: r.termEndsOn },
    organization: { id: r.c.organizationId, slug: r.organizationSlug, name: displayName(r.organizationName) },
    role: r.c.role,
    statement: r.c.statement,
    status: r.c.status,
    createdAt: r.c.createdAt,
    decidedAt: r.c.decidedAt,
    decidingBody: r.c.decidingBody,
    decisionReference: r.c.decisionReference,
    decisionReason: r.c.decisionReason,
    roleId: r.c.roleId,
  }));
}

/**
 * Candidacies of a network. The secretariat sees all of them (by term, unit and status); anyone
 * else sees their own organizations' only — a unit's coordinators may be candidates themselves,
 * so they do not see the others'.
 */
export async function listCandidacies(ctx: ServiceContext, actor: Actor, networkSlug: string, raw: ListCandidaciesInput, locale: Locale) {
  requireSignedIn(actor);
  const network = await findNetwork(ctx.db, networkSlug);
  const facts = factsOf(network);
  const parsed = listCandidaciesInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  const all = governancePolicy.seeCandidacies(actor, facts);
  const own = [...actor.memberships.keys()];
  const visible = all ? undefined : own.length ? inArray(networkCandidacies.organizationId, own) : undefined;
  const items =
    all || own.length
      ? await selectCandidacies(
          ctx.db,
          and(
            eq(networkCandidacies.networkId, network.id),
            visible,
            input.term ? eq(networkCandidacies.termId, input.term) : undefined,
            input.body ? eq(networkBodies.slug, input.body) : undefined,
            input.status ? eq(networkCandidacies.status, input.status) : undefined,
          ),
          locale,
        )
      : [];
  const terms = await ctx.db.select().from(networkTerms).where(eq(networkTerms.networkId, network.id)).orderBy(desc(networkTerms.startsOn));
  const bodies = await ctx.db
    .select({ slug: networkBodies.slug, names: networkBodies.names, nameLanguage: networkBodies.nameLanguage, kind: networkBodies.kind })
    .from(networkBodies)
    .where(eq(networkBodies.networkId, network.id))
    .orderBy(asc(networkBodies.position), asc(networkBodies.slug));
  const day = today();
  return {
    network: { slug: network.slug, name: networkName(network, locale), hosted: network.hosted },
    items,
    terms: terms.map((t): Term => describeTerm(t, day)),
    bodies: bodies.filter((b) => ["thematic_unit", "working_group", "commission"].includes(b.kind)).map((b) => ({ slug: b.slug, name: localizedText(b.names, locale, b.nameLanguage) })),
    viewer: {
      seesAll: all,
      canDecide: governancePolicy.decideCandidacy(actor, facts),
      /** Organizations whose candidacies the viewer may withdraw. */
      withdrawFor: own.filter((id) => governancePolicy.withdrawCandidacy(actor, id)),
    },
  };
}
