import { eq, sql } from "drizzle-orm";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import type { Actor } from "../organizations/actor.ts";
import { findProject } from "./find.ts";
import { callsPolicy } from "./policy.ts";
import { applicationDecisions, milestones, projectExtensions, projectReports, type ProjectStatus, type ReportExpense, type ReportKind, type ProjectReportStatus } from "./schema.ts";

export interface ProjectView {
  id: string;
  applicationId: string;
  title: string;
  status: ProjectStatus;
  lead: string;
  currency: string;
  awardedCents: number;
  startsOn: string;
  endsOn: string;
  extendedMonths: number;
  extensionMonthsAllowed: number;
  milestones: { title: string; dueOn: string; doneOn: string | null }[];
  reports: { kind: ReportKind; dueOn: string; status: ProjectReportStatus; narrative: string; expenses: ReportExpense[]; reviewNote: string | null; submittedAt: string | null }[];
  extensions: { id: string; months: number; reason: string; status: string; decisionNote: string | null }[];
  /** Per organization: what the budget planned and what the reports say was spent (the latest report counts). */
  budget: { organization: string; name: string; plannedFundedCents: number; plannedCounterpartCents: number; spentFundedCents: number; spentCounterpartCents: number }[];
  canReport: boolean;
  canSupervise: boolean;
}

/** A funded project for its lead, its partners and the secretariat: milestones, reports, extensions and the budget against what was spent. */
export async function getProject(ctx: ServiceContext, actor: Actor, projectId: string): Promise<ProjectView> {
  requireSignedIn(actor);
  const { project, application, call, projectFacts } = await findProject(ctx.db, projectId);
  authorize(callsPolicy.readProject(actor, projectFacts), { visible: false });
  const [decision] = await ctx.db.select().from(applicationDecisions).where(eq(applicationDecisions.applicationId, application.id));
  const reports = await ctx.db.select().from(projectReports).where(eq(projectReports.projectId, projectId)).orderBy(projectReports.dueOn);
  const latest = [...reports].reverse().find((r) => r.status !== "due");
  const planned = await queryRows<{ organization: string; name: string; funded: number; counterpart: number }>(
    ctx.db,
    sql`select o.id as organization, o.name, coalesce(sum(b.requested_cents), 0)::float8 as funded, coalesce(sum(b.counterpart_cash_cents + b.counterpart_in_kind_cents), 0)::float8 as counterpart
        from organizations o left join application_budget_lines b on b.organization_id = o.id and b.application_id = ${application.id}
        where o.id = ${application.leadOrganizationId} or o.id in (select organization_id from application_partners where application_id = ${application.id} and status = 'confirmed')
        group by o.id, o.name order by (o.id = ${application.leadOrganizationId}) desc, o.name`,
  );
  const spent = (organization: string) =>
    (latest?.expenses ?? []).filter((e) => e.organization === organization).reduce((s, e) => ({ funded: s.funded + e.fundedCents, counterpart: s.counterpart + e.counterpartCashCents + e.counterpartInKindCents }), { funded: 0, counterpart: 0 });
  return {
    id: project.id,
    applicationId: application.id,
    title: application.title,
    status: project.status,
    lead: planned[0]?.name ?? "",
    currency: call.currency,
    awardedCents: decision?.awardedCents ?? 0,
    startsOn: project.startsOn,
    endsOn: project.endsOn,
    extendedMonths: project.extendedMonths,
    extensionMonthsAllowed: call.extensionMonths,
    milestones: (await ctx.db.select().from(milestones).where(eq(milestones.projectId, projectId)).orderBy(milestones.position)).map((m) => ({ title: m.title, dueOn: m.dueOn, doneOn: m.doneOn })),
    reports: reports.map((r) => ({ kind: r.kind, dueOn: r.dueOn, status: r.status, narrative: r.narrative, expenses: r.expenses, reviewNote: r.reviewNote, submittedAt: r.submittedAt?.toISOString() ?? null })),
    extensions: (await ctx.db.select().from(projectExtensions).where(eq(projectExtensions.projectId, projectId)).orderBy(projectExtensions.requestedAt)).map((e) => ({
      id: e.id,
      months: e.months,
      reason: e.reason,
      status: e.status,
      decisionNote: e.decisionNote,
    })),
    budget: planned.map((p) => ({ organization: p.organization, name: p.name, plannedFundedCents: p.funded, plannedCounterpartCents: p.counterpart, spentFundedCents: spent(p.organization).funded, spentCounterpartCents: spent(p.organization).counterpart })),
    canReport: callsPolicy.reportProject(actor, projectFacts),
    canSupervise: callsPolicy.superviseProject(actor, projectFacts),
  };
}
