import { aliasedTable, and, desc, eq, gte, lt, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { auditEvents } from "../../platform/audit/schema.ts";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid } from "../../platform/errors.ts";
import { users } from "../accounts/schema.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { listAuditEventsInput, type ListAuditEventsInput } from "./inputs.ts";
import { auditPolicy } from "./policy.ts";

export interface AuditEntry {
  id: number;
  at: Date;
  kind: string;
  actor: { id: string; name: string | null; email: string | null } | null;
  subject: { id: string; name: string | null; email: string | null } | null;
  organization: { id: string; slug: string | null; name: string | null } | null;
  ipAddress: string | null;
  details: Record<string, unknown>;
}

export interface AuditPage {
  items: AuditEntry[];
  page: number;
  pageSize: number;
  /** Whether another page follows (the log is not counted: it grows large). */
  hasMore: boolean;
}

/** The audit log, newest first, filtered by kind, person, organization and days (UTC). */
export async function listAuditEvents(ctx: ServiceContext, actor: Actor, raw: ListAuditEventsInput): Promise<AuditPage> {
  requireSignedIn(actor);
  authorize(auditPolicy.read(actor), { visible: false });
  const parsed = listAuditEventsInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  const filters: SQL[] = [];
  if (input.kind) filters.push(eq(auditEvents.kind, input.kind));
  if (input.from) filters.push(gte(auditEvents.at, new Date(`${input.from}T00:00:00Z`)));
  if (input.to) filters.push(lt(auditEvents.at, new Date(new Date(`${input.to}T00:00:00Z`).getTime() + 86_400_000)));
  if (input.person) {
    const [person] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, input.person.toLowerCase()));
    const id = person?.id ?? input.person;
    filters.push(or(eq(auditEvents.actorUserId, id), eq(auditEvents.subjectUserId, id))!);
  }
  if (input.organization) {
    const [org] = await ctx.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, input.organization));
    filters.push(org ? eq(auditEvents.organizationId, org.id) : sql`false`);
  }
  const where = filters.length ? and(...filters) : undefined;
  const actorUser = aliasedTable(users, "actor_user");
  const subjectUser = aliasedTable(users, "subject_user");
  // One row more than the page tells whether there is a next page without counting the whole log.
  const rows = await ctx.db
    .select({
      event: auditEvents,
      actorName: actorUser.name,
      actorEmail: actorUser.email,
      subjectName: subjectUser.name,
      subjectEmail: subjectUser.email,
      orgSlug: organizations.slug,
      orgName: organizations.name,
    })
    .from(auditEvents)
    .leftJoin(actorUser, eq(actorUser.id, auditEvents.actorUserId))
    .leftJoin(subjectUser, eq(subjectUser.id, auditEvents.subjectUserId))
    .leftJoin(organizations, eq(organizations.id, auditEvents.organizationId))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(input.pageSize + 1)
    .offset((input.page - 1) * input.pageSize);
  const more = rows.length > input.pageSize;
  const items = rows.slice(0, input.pageSize).map((r) => ({
    id: r.event.id,
    at: r.event.at,
    kind: r.event.kind,
    actor: r.event.actorUserId ? { id: r.event.actorUserId, name: r.actorName, email: r.actorEmail } : null,
    subject: r.event.subjectUserId ? { id: r.event.subjectUserId, name: r.subjectName, email: r.subjectEmail } : null,
    organization: r.event.organizationId ? { id: r.event.organizationId, slug: r.orgSlug, name: r.orgName } : null,
    ipAddress: r.event.ipAddress,
    details: r.event.details,
  }));
  return { items, page: input.page, pageSize: input.pageSize, hasMore: more };
}
