import { asc, eq, or } from "drizzle-orm";
import { auditEvents } from "../../platform/audit/schema.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { localizedText } from "../../platform/i18n/content.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { invitations, joinRequests, organizationMembers, organizations } from "../organizations/schema.ts";
import { themes } from "../themes/schema.ts";
import { accounts, personalAccessTokens, sessions, users, userThemes } from "./schema.ts";
import { expertiseProfiles } from "../exchange/schema.ts";
import { notificationInterests, notificationPreferences, notifications } from "../notifications/schema.ts";

/**
 * Everything Pares keeps about a person, for themselves (the right of access and portability of
 * the GDPR and of Latin American data-protection laws), as one JSON-ready object. Secrets are
 * left out by listing what goes in, never by removing: password hashes, session tokens, tokens
 * of sign-in providers, two-factor secrets and backup codes, hashes of invitation links and API
 * tokens.
 */
export async function exportPersonalData(ctx: ServiceContext, userId: string, locale: Locale) {
  const [profile] = await ctx.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      emailVerified: users.emailVerified,
      image: users.image,
      position: users.position,
      languages: users.languages,
      locale: users.locale,
      timeZone: users.timeZone,
      platformRole: users.role,
      banned: users.banned,
      banReason: users.banReason,
      banExpires: users.banExpires,
      twoFactorEnabled: users.twoFactorEnabled,
      actingOrganizationId: users.actingOrganizationId,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!profile) throw notFound();
  const db = ctx.db;
  const [followedThemes, openSessions, signInMethods, memberships, invitationsSent, invitationsReceived, requests, decided, created, tokens, events] =
    await Promise.all([
      db
        .select({ id: themes.id, scheme: themes.scheme, name: themes.name })
        .from(userThemes)
        .innerJoin(themes, eq(themes.id, userThemes.themeId))
        .where(eq(userThemes.userId, userId))
        .orderBy(asc(themes.scheme), asc(themes.position)),
      db
        .select({
          createdAt: sessions.createdAt,
          lastActiveAt: sessions.updatedAt,
          expiresAt: sessions.expiresAt,
          ipAddress: sessions.ipAddress,
          userAgent: sessions.userAgent,
          impersonatedBy: sessions.impersonatedBy,
        })
        .from(sessions)
        .where(eq(sessions.userId, userId))
        .orderBy(asc(sessions.createdAt)),
      db
        .select({ provider: accounts.providerId, accountId: accounts.accountId, scope: accounts.scope, createdAt: accounts.createdAt, updatedAt: accounts.updatedAt })
        .from(accounts)
        .where(eq(accounts.userId, userId))
        .orderBy(asc(accounts.createdAt)),
      db
        .select({ organizationId: organizations.id, organization: organizations.name, slug: organizations.slug, role: organizationMembers.role, since: organizationMembers.createdAt })
        .from(organizationMembers)
        .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
        .where(eq(organizationMembers.userId, userId))
        .orderBy(asc(organizationMembers.createdAt)),
      db
        .select({
          id: invitations.id,
          organizationId: invitations.organizationId,
          organization: organizations.name,
          email: invitations.email,
          role: invitations.role,
          locale: invitations.locale,
          createdAt: invitations.createdAt,
          expiresAt: invitations.expiresAt,
          acceptedAt: invitations.acceptedAt,
          revokedAt: invitations.revokedAt,
        })
        .from(invitations)
        .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
        .where(eq(invitations.invitedBy, userId))
        .orderBy(asc(invitations.createdAt)),
      db
        .select({
          id: invitations.id,
          organizationId: invitations.organizationId,
          organization: organizations.name,
          email: invitations.email,
          role: invitations.role,
          createdAt: invitations.createdAt,
          expiresAt: invitations.expiresAt,
          acceptedAt: invitations.acceptedAt,
          revokedAt: invitations.revokedAt,
        })
        .from(invitations)
        .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
        .where(or(eq(invitations.acceptedBy, userId), eq(invitations.email, profile.email)))
        .orderBy(asc(invitations.createdAt)),
      db
        .select({
          id: joinRequests.id,
          organizationId: joinRequests.organizationId,
          organization: organizations.name,
          message: joinRequests.message,
          status: joinRequests.status,
          createdAt: joinRequests.createdAt,
          decidedAt: joinRequests.decidedAt,
        })
        .from(joinRequests)
        .innerJoin(organizations, eq(organizations.id, joinRequests.organizationId))
        .where(eq(joinRequests.userId, userId))
        .orderBy(asc(joinRequests.createdAt)),
      db
        .select({ id: joinRequests.id, organizationId: joinRequests.organizationId, organization: organizations.name, status: joinRequests.status, decidedAt: joinRequests.decidedAt })
        .from(joinRequests)
        .innerJoin(organizations, eq(organizations.id, joinRequests.organizationId))
        .where(eq(joinRequests.decidedBy, userId))
        .orderBy(asc(joinRequests.decidedAt)),
      db
        .select({ id: organizations.id, name: organizations.name, slug: organizations.slug, createdAt: organizations.createdAt })
        .from(organizations)
        .where(eq(organizations.createdBy, userId))
        .orderBy(asc(organizations.createdAt)),
      db
        .select({
          id: personalAccessTokens.id,
          name: personalAccessTokens.name,
          scope: personalAccessTokens.scope,
          prefix: personalAccessTokens.prefix,
          createdAt: personalAccessTokens.createdAt,
          expiresAt: personalAccessTokens.expiresAt,
          lastUsedAt: personalAccessTokens.lastUsedAt,
          revokedAt: personalAccessTokens.revokedAt,
        })
        .from(personalAccessTokens)
        .where(eq(personalAccessTokens.userId, userId))
        .orderBy(asc(personalAccessTokens.createdAt)),
      db
        .select({
          id: auditEvents.id,
          at: auditEvents.at,
          kind: auditEvents.kind,
          actorUserId: auditEvents.actorUserId,
          subjectUserId: auditEvents.subjectUserId,
          organizationId: auditEvents.organizationId,
          ipAddress: auditEvents.ipAddress,
          details: auditEvents.details,
        })
        .from(auditEvents)
        .where(or(eq(auditEvents.actorUserId, userId), eq(auditEvents.subjectUserId, userId)))
        .orderBy(asc(auditEvents.at), asc(auditEvents.id)),
    ]);
  return {
    format: "pares-personal-data",
    version: 1,
    exportedAt: new Date(),
    profile,
    themes: followedThemes.map((t) => ({ id: t.id, scheme: t.scheme, name: localizedText(t.name, locale, "en") })),
    sessions: openSessions,
    signInMethods,
    organizationMemberships: memberships,
    organizationsCreated: created,
    invitationsSent,
    invitationsReceived,
    joinRequests: requests,
    joinRequestsDecided: decided,
    personalAccessTokens: tokens,
    // Events someone else did concerning the person: what happened and when, not who did it
    // from where (that is the other person's data).
    auditEvents: events.map((e) => (e.actorUserId === userId ? e : { ...e, actorUserId: null, ipAddress: null })),
    // What they follow and how they are told, and what they were told.
    notificationInterests:
      (
        await db
          .select({ themeIds: notificationInterests.themeIds, sdgGoals: notificationInterests.sdgGoals, countryCodes: notificationInterests.countryCodes, networkIds: notificationInterests.networkIds, kinds: notificationInterests.kinds, updatedAt: notificationInterests.updatedAt })
          .from(notificationInterests)
          .where(eq(notificationInterests.userId, userId))
      )[0] ?? null,
    notificationChannels: await db
      .select({ eventKind: notificationPreferences.eventKind, channel: notificationPreferences.channel, unsubscribedAt: notificationPreferences.unsubscribedAt })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId)),
    notifications: await db
      .select({ kind: notifications.eventKind, data: notifications.data, channel: notifications.channel, emailState: notifications.emailState, createdAt: notifications.createdAt, readAt: notifications.readAt })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(asc(notifications.createdAt)),
    // The directory of local expertise: the person's own entry and their consent.
    expertiseProfile:
      (
        await db
          .select({
            organizationId: expertiseProfiles.organizationId,
            position: expertiseProfiles.position,
            summary: expertiseProfiles.summary,
            themeIds: expertiseProfiles.themeIds,
            languages: expertiseProfiles.languages,
            listed: expertiseProfiles.listed,
            updatedAt: expertiseProfiles.updatedAt,
          })
          .from(expertiseProfiles)
          .where(eq(expertiseProfiles.userId, userId))
      )[0] ?? null,
  };
}

export type PersonalData = Awaited<ReturnType<typeof exportPersonalData>>;
