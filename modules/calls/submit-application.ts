import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { and, eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { type Database, queryRows } from "../../platform/db/client.ts";
import { AppError, invalid } from "../../platform/errors.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import { notify } from "../notifications/notify.ts";
import type { Actor } from "../organizations/actor.ts";
import { failed } from "./eligibility.ts";
import { eligibilityOf, loadPartners } from "./eligibility-facts.ts";
import { type ApplicationRow, type CallRow, findApplication } from "./find.ts";
import { localIn, submitApplicationInput } from "./inputs.ts";
import { callsPolicy } from "./policy.ts";
import { applications } from "./schema.ts";

export interface Receipt {
  id: string;
  submittedAt: Date;
  /** SHA-256 (hex) of the canonical JSON (RFC 8785) of what was submitted. */
  hash: string;
  repeated: boolean;
}

/** What is frozen at submission: the call, the lead, the confirmed partners, every section and budget line. */
async function snapshot(db: Database, application: ApplicationRow, call: CallRow) {
  const partners = (await loadPartners(db, application.id)).filter((p) => p.status === "confirmed");
  const [lead] = await queryRows<{ id: string; name: string; countryCode: string | null }>(
    db,
    sql`select id, name, country_code as "countryCode" from organizations where id = ${application.leadOrganizationId}`,
  );
  const budget = await queryRows<{ organization: string; description: string; requestedCents: number; counterpartCashCents: number; counterpartInKindCents: number }>(
    db,
    sql`select organization_id as organization, description, requested_cents::float8 as "requestedCents", counterpart_cash_cents::float8 as "counterpartCashCents",
               counterpart_in_kind_cents::float8 as "counterpartInKindCents"
        from application_budget_lines where application_id = ${application.id} order by position`,
  );
  return {
    application: application.id,
    call: { id: call.id, slug: call.slug, currency: call.currency },
    lead: lead!,
    partners: partners.map((p) => ({ id: p.id, name: p.name, countryCode: p.countryCode })),
    title: application.title,
    language: application.language,
    modality: application.modality,
    themeIds: application.themeIds,
    sdgGoals: application.sdgGoals,
    content: application.content,
    budget,
  };
}

/**
 * The lead submits: every rule is checked again here, by the server's clock (the database's: one
 * second after the close is late), and the application is frozen with a fingerprint of what was
 * sent; the lead's and partners' people get the receipt. Exactly once: a second press, a retry or
 * a request racing this one gets the same receipt.
 */
export async function submitApplication(ctx: ServiceContext, actor: Actor, id: string, raw: { idempotencyKey?: string } = {}): Promise<Receipt> {
  requireSignedIn(actor);
  parseOrThrow(submitApplicationInput, raw);
  const { facts } = await findApplication(ctx.db, id);
  authorize(callsPolicy.submit(actor, facts), { visible: callsPolicy.readApplication(actor, facts) });
  const userId = actor.userId;
  const result = await ctx.db.transaction(async (tx) => {
    // One submission at a time per application: the second waits here, then finds it submitted.
    const [application] = await tx.select().from(applications).where(eq(applications.id, id)).for("update");
    const { call } = await findApplication(tx, id);
    if (application!.status === "submitted" && application!.submissionHash) {
      return { id, submittedAt: application!.submittedAt!, hash: application!.submissionHash, repeated: true };
    }
    if (application!.status !== "draft") throw new AppError("conflict", "calls.error.notDraft");
    const [clock] = await queryRows<{ now: Date }>(tx, sql`select statement_timestamp() as now`);
    const now = new Date(clock!.now);
    if (call.status !== "published" || now.getTime() < call.opensAt.getTime()) throw new AppError("conflict", "calls.error.notOpenYet");
    if (now.getTime() > call.closesAt.getTime()) throw new AppError("conflict", "calls.error.closed");
    const failures = failed((await eligibilityOf(tx, application!, call)).results);
    if (failures.length > 0) throw invalid(Object.fromEntries(failures.map((f) => [`eligibility.${f.rule}`, [`i18n:calls.rule.${f.rule}.failed`]])), "calls.error.ineligible");
    const content = await snapshot(tx, application!, call);
    const hash = createHash("sha256").update(canonicalize(content)!).digest("hex");
    await tx
      .update(applications)
      .set({ status: "submitted", submittedAt: now, submissionHash: hash, submittedContent: content, submittedBy: userId, updatedAt: sql`now()` })
      .where(and(eq(applications.id, id), eq(applications.status, "draft")));
    await notify(tx, {
      kind: "calls.submitted",
      key: `calls.submitted:${id}:${hash}`,
      data: {
        path: `/applications/${id}`,
        titles: { [application!.language]: application!.title },
        originalLanguage: application!.language,
        organization: content.lead.name,
        date: localIn(now, call.timeZone).slice(0, 10),
        excerpt: hash,
      },
      audience: { type: "organizations", organizationIds: [application!.leadOrganizationId, ...content.partners.map((p) => p.id)] },
      actorUserId: null,
    });
    return { id, submittedAt: now, hash, repeated: false };
  });
  return result;
}
