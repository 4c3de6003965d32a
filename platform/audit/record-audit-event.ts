import type { Database } from "../db/client.ts";
import { auditEvents } from "./schema.ts";

/** The kinds of security-relevant events; the admin screen filters by them. */
export const auditEventKinds = [
  "sign_in",
  "sign_in_failed",
  "sign_out",
  "password_reset",
  "email_change_requested",
  "email_changed",
  "two_factor_enabled",
  "two_factor_disabled",
  "account_deleted",
  "user_disabled",
  "user_enabled",
  "token_created",
  "token_revoked",
  "organization_created",
  "organization_updated",
  "organization_verified",
  "organization_merged",
  "member_added",
  "member_role_changed",
  "member_removed",
  "invitation_created",
  "invitation_revoked",
  "invitation_accepted",
  "join_request_created",
  "join_request_approved",
  "join_request_declined",
  "network_created",
  "network_updated",
  "network_logo_changed",
  "network_category_saved",
  "external_network_recorded",
  "network_membership_applied",
  "network_membership_approved",
  "network_membership_declined",
  "network_membership_changed",
  "network_membership_withdrawn",
  "network_members_imported",
  "network_body_created",
  "network_body_updated",
  "network_seats_set",
  "network_term_created",
  "network_term_updated",
  "network_role_assigned",
  "network_role_ended",
  "candidacy_submitted",
  "candidacy_withdrawn",
  "candidacy_approved",
  "candidacy_rejected",
  "unit_joined",
  "unit_left",
  "team_member_added",
  "team_member_removed",
] as const;
export type AuditEventKind = (typeof auditEventKinds)[number];

export interface AuditEvent {
  kind: AuditEventKind;
  actorUserId?: string | null;
  subjectUserId?: string | null;
  organizationId?: string | null;
  ipAddress?: string | null;
  details?: Record<string, unknown>;
}

/** Records an event. Pass the transaction of the change it records, so both commit or neither does. */
export async function recordAuditEvent(db: Database, event: AuditEvent): Promise<void> {
  await db.insert(auditEvents).values({
    kind: event.kind,
    actorUserId: event.actorUserId ?? null,
    subjectUserId: event.subjectUserId ?? null,
    organizationId: event.organizationId ?? null,
    ipAddress: event.ipAddress ?? null,
    details: event.details ?? {},
  });
}
