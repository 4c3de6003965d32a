// Who hears about a practice's progress: the secretariat when it is submitted, the organization's
// people when the moderators answer. E-mails go through the outbox in the change's transaction.
import { eq } from "drizzle-orm";
import type { Database } from "../../platform/db/client.ts";
import { sendEmail } from "../../platform/mail/send-email.ts";
import { networks } from "../networks/schema.ts";
import { recipientsOf } from "../networks/membership-history.ts";
import { organizations } from "../organizations/schema.ts";
import { practiceDecisionEmail, practiceSubmittedEmail } from "./emails.ts";
import { notify } from "../notifications/notify.ts";
import type { PracticeRow, VersionRow } from "./find.ts";

async function about(tx: Database, practice: PracticeRow, version: VersionRow) {
  const [network] = practice.networkId
    ? await tx.select({ name: networks.name, names: networks.names, secretariat: networks.secretariatOrganizationId }).from(networks).where(eq(networks.id, practice.networkId))
    : [];
  const [org] = practice.organizationId ? await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, practice.organizationId)) : [];
  const titles = Object.fromEntries(Object.entries(version.content.texts).flatMap(([l, text]) => (text?.title ? [[l, text.title]] : [])));
  return {
    network,
    data: { titles, originalLanguage: version.originalLanguage, slug: practice.slug, organizationName: org?.name ?? "", networkName: network?.name ?? "" },
  };
}

export async function notifySubmitted(tx: Database, practice: PracticeRow, version: VersionRow, actorUserId: string): Promise<void> {
  const { network, data } = await about(tx, practice, version);
  if (!network?.secretariat) return;
  for (const r of await recipientsOf(tx, network.secretariat, false)) {
    if (r.userId === actorUserId) continue;
    await sendEmail(tx, { to: r.email, locale: r.locale, template: practiceSubmittedEmail.name, data: { ...data, name: r.name } }, `practice-submitted:${version.id}:${r.userId}`);
  }
}

export async function notifyDecision(
  tx: Database,
  practice: PracticeRow,
  version: VersionRow,
  decision: "publish" | "request_changes" | "decline",
  comment: string | null,
  actorUserId: string,
): Promise<void> {
  if (!practice.organizationId) return;
  const { data } = await about(tx, practice, version);
  // The organization's focal points and whoever submitted the version; nobody hears of their own decision.
  const everyone = await recipientsOf(tx, practice.organizationId, false);
  const focalPoints = new Set((await recipientsOf(tx, practice.organizationId, true)).map((r) => r.userId));
  for (const r of everyone) {
    if (r.userId === actorUserId || !(focalPoints.has(r.userId) || r.userId === version.submittedBy)) continue;
    await sendEmail(
      tx,
      { to: r.email, locale: r.locale, template: practiceDecisionEmail.name, data: { ...data, name: r.name, decision, comment } },
      `practice-decision:${version.id}:${decision}:${r.userId}`,
    );
  }
}

/**
 * A practice published for the first time: the people whose interests it meets hear of it (the
 * practice is public, so anyone may see it; its own organization and the moderator do not).
 */
export async function notifyNewPractice(tx: Database, practice: PracticeRow, version: VersionRow, themeIds: string[], actorUserId: string): Promise<void> {
  if (practice.firstPublishedAt || !practice.organizationId) return;
  const { data } = await about(tx, practice, version);
  await notify(tx, {
    kind: "practices.new",
    key: `practices.new:${practice.id}`,
    data: { path: `/practices/${practice.slug}`, titles: data.titles, originalLanguage: data.originalLanguage, itemKind: "practice", organization: data.organizationName },
    audience: {
      type: "interested",
      itemKind: "practice",
      themeIds,
      sdgGoals: version.content.sdgGoals,
      countryCode: practice.countryCode,
      networkIds: practice.networkId ? [practice.networkId] : [],
      platform: true,
      excludeOrganizationId: practice.organizationId,
    },
    actorUserId,
    demo: practice.demo,
  });
}
