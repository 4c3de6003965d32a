import { asc, eq } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { findNetwork } from "../networks/find-network.ts";
import type { Actor } from "../organizations/actor.ts";
import { authorize } from "../../platform/authz.ts";
import { today } from "./dates.ts";
import { factsOf, networkName, type TermRow } from "./find.ts";
import { governancePolicy } from "./policy.ts";
import { networkTerms } from "./schema.ts";

export interface Term {
  id: string;
  label: string;
  startsOn: string;
  endsOn: string;
  candidaciesOpenOn: string | null;
  candidaciesCloseOn: string | null;
  /** Where the term stands today. */
  status: "upcoming" | "current" | "past";
  /** Candidacies are received today (the term has not started and its window is open). */
  windowOpen: boolean;
}

export function describeTerm(term: TermRow, day = today()): Term {
  return {
    id: term.id,
    label: term.label,
    startsOn: term.startsOn,
    endsOn: term.endsOn,
    candidaciesOpenOn: term.candidaciesOpenOn,
    candidaciesCloseOn: term.candidaciesCloseOn,
    status: term.startsOn > day ? "upcoming" : term.endsOn < day ? "past" : "current",
    windowOpen: term.startsOn > day && !!term.candidaciesOpenOn && !!term.candidaciesCloseOn && term.candidaciesOpenOn <= day && term.candidaciesCloseOn >= day,
  };
}

/** A network's terms, oldest first, with their candidacy windows. Public. */
export async function listTerms(ctx: ServiceContext, actor: Actor, networkSlug: string, locale: Locale) {
  const network = await findNetwork(ctx.db, networkSlug);
  const facts = factsOf(network);
  authorize(governancePolicy.view(actor, facts), { visible: false });
  const rows = await ctx.db.select().from(networkTerms).where(eq(networkTerms.networkId, network.id)).orderBy(asc(networkTerms.startsOn));
  const day = today();
  return {
    network: { slug: network.slug, name: networkName(network, locale), hosted: network.hosted },
    terms: rows.map((t) => describeTerm(t, day)),
    viewer: { canManage: governancePolicy.manage(actor, facts) },
  };
}
