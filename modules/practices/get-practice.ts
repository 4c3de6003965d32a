import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { localize, type LocalizedText } from "../../platform/i18n/content.ts";
import { type Locale, locales, type Translated } from "../../platform/i18n/locales.ts";
import { users } from "../accounts/schema.ts";
import { networks } from "../networks/schema.ts";
import type { Actor } from "../organizations/actor.ts";
import { organizations } from "../organizations/schema.ts";
import { languagesOf, readerText } from "./content.ts";
import { placeOf, sdgGoalNames, sdgTargetTitles, themeNames } from "./describe.ts";
import { findPractice, type VersionRow } from "./find.ts";
import { moderates, practicePolicy } from "./policy.ts";
import {
  type PracticeEventKind,
  practiceAxes,
  practiceEvents,
  practiceFiles,
  type PracticeText,
  type PracticeTextField,
  practiceVersions,
  type VersionStatus,
} from "./schema.ts";

export interface PracticeFile {
  id: string;
  kind: "image" | "attachment";
  name: string;
  contentType: string;
  bytes: number;
  width: number | null;
  height: number | null;
  alt: LocalizedText | null;
  alts: Translated;
}

export interface PracticeView {
  id: string;
  slug: string;
  network: { slug: string; name: string } | null;
  organization: { slug: string; name: string; kind: string } | null;
  city: { id: number; name: string } | null;
  country: { code: string; name: string } | null;
  /** Which version is shown: what the public reads, or the one being written or reviewed. */
  showing: "published" | "working";
  version: { number: number; status: VersionStatus; revision: number; updatedAt: Date; submittedAt: Date | null; decidedAt: Date | null };
  originalLanguage: Locale;
  /** The languages the shown version is written in, original first. */
  languages: Locale[];
  /** The text in the reader's language, else the original (marked by language and fallback). */
  text: PracticeText & { language: Locale; fallback: boolean };
  /** The language each field of `text` is in: a field not yet translated is shown in the original. */
  textLanguages: Record<PracticeTextField, Locale>;
  /** Every language's text: for the authors' editing form. */
  texts: Partial<Record<Locale, PracticeText>> | null;
  themes: { id: string; name: string }[];
  axes: { key: string; name: string }[];
  sdgGoals: { goal: number; name: string }[];
  sdgTargets: { code: string; title: string }[];
  startYear: number | null;
  endYear: number | null;
  budget: { amount: string; currency: string } | null;
  populationReached: number | null;
  partners: { name: string; kind: string; organizationSlug: string | null }[];
  contact: { name: string; position: string; email: string | null } | null;
  links: { url: string; label: string }[];
  files: PracticeFile[];
  observatory: boolean;
  catalogue: { sourceUrl: string } | null;
  demo: boolean;
  firstPublishedAt: Date | null;
  lastPublishedAt: Date | null;
  hidden: boolean;
  /** A newer version than the published one is being written or reviewed. */
  updateInProgress: boolean;
  /** The moderators' comment on the shown version (changes requested, declined): authors and moderators only. */
  decisionComment: string | null;
  viewer: {
    canEdit: boolean;
    canSubmit: boolean;
    canWithdraw: boolean;
    canModerate: boolean;
    canReport: boolean;
    canSeeWorking: boolean;
    workingStatus: VersionStatus | null;
  };
  /** Authors and moderators: what happened, and every version. */
  history: { kind: PracticeEventKind; at: Date; actorName: string | null; comment: string | null; versionNumber: number | null }[] | null;
  versions: { number: number; status: VersionStatus; createdAt: Date; decidedAt: Date | null; current: boolean; published: boolean }[] | null;
}

/**
 * A practice as the reader may see it: the published version for everyone; the version being
 * written or reviewed (`working`), an older version (`version`), the moderators' comments and
 * the history for its authors and moderators. Anything else is "not found".
 */
export async function getPractice(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  locale: Locale,
  options: { working?: boolean; version?: number } = {},
): Promise<PracticeView> {
  const { practice, current, published, facts } = await findPractice(ctx.db, slug);
  const canRead = practicePolicy.read(actor, facts);
  const canSeeWorking = practicePolicy.readWorking(actor, facts);
  if (!canRead && !canSeeWorking) throw notFound("practices.error.notFound");
  let shown: VersionRow;
  if (options.version !== undefined) {
    if (!canSeeWorking) {
      if (!published || options.version !== published.number) throw notFound("practices.error.versionNotFound");
      shown = published;
    } else {
      const [row] = await ctx.db
        .select()
        .from(practiceVersions)
        .where(and(eq(practiceVersions.practiceId, practice.id), eq(practiceVersions.number, options.version)));
      if (!row || (row.status === "draft" && !practicePolicy.edit(actor, facts) && !actor.platformAdmin)) throw notFound("practices.error.versionNotFound");
      shown = row;
    }
  } else if (options.working || !canRead || !published) {
    if (!canSeeWorking) throw notFound("practices.error.notFound");
    shown = current;
  } else {
    shown = published;
  }
  const content = shown.content;
  const originalLanguage = (locales as readonly string[]).includes(shown.originalLanguage) ? (shown.originalLanguage as Locale) : "es";
  const languages = languagesOf(content, originalLanguage);
  const shownText = readerText(content, locale, originalLanguage);

  const [network] = practice.networkId
    ? await ctx.db.select({ slug: networks.slug, name: networks.name, names: networks.names }).from(networks).where(eq(networks.id, practice.networkId))
    : [];
  const [org] = practice.organizationId
    ? await ctx.db.select({ slug: organizations.slug, name: organizations.name, kind: organizations.kind }).from(organizations).where(eq(organizations.id, practice.organizationId))
    : [];
  const place = await placeOf(ctx.db, practice.cityId, practice.countryCode, locale);
  const axes =
    practice.networkId && content.axisKeys.length > 0
      ? await ctx.db
          .select({ key: practiceAxes.key, names: practiceAxes.names, position: practiceAxes.position })
          .from(practiceAxes)
          .where(and(eq(practiceAxes.networkId, practice.networkId), eq(practiceAxes.scope, "bank"), inArray(practiceAxes.key, content.axisKeys)))
          .orderBy(asc(practiceAxes.position))
      : [];
  const fileRows = content.fileIds.length > 0 ? await ctx.db.select().from(practiceFiles).where(inArray(practiceFiles.id, content.fileIds)) : [];
  const filesById = new Map(fileRows.map((f) => [f.id, f]));
  const partnerSlugs = content.partners.flatMap((p) => (p.organizationId ? [p.organizationId] : []));
  const partnerOrgs = partnerSlugs.length > 0 ? await ctx.db.select({ id: organizations.id, slug: organizations.slug }).from(organizations).where(inArray(organizations.id, partnerSlugs)) : [];
  const slugOf = new Map(partnerOrgs.map((o) => [o.id, o.slug]));

  const working = canSeeWorking;
  const history = working
    ? await ctx.db
        .select({ kind: practiceEvents.kind, at: practiceEvents.createdAt, actorName: users.name, comment: practiceEvents.comment, versionNumber: practiceVersions.number })
        .from(practiceEvents)
        .leftJoin(users, eq(users.id, practiceEvents.actorUserId))
        .leftJoin(practiceVersions, eq(practiceVersions.id, practiceEvents.versionId))
        .where(eq(practiceEvents.practiceId, practice.id))
        .orderBy(desc(practiceEvents.createdAt))
    : null;
  const versions = working
    ? (
        await ctx.db
          .select({ id: practiceVersions.id, number: practiceVersions.number, status: practiceVersions.status, createdAt: practiceVersions.createdAt, decidedAt: practiceVersions.decidedAt })
          .from(practiceVersions)
          .where(eq(practiceVersions.practiceId, practice.id))
          .orderBy(desc(practiceVersions.number))
      ).map((v) => ({ number: v.number, status: v.status, createdAt: v.createdAt, decidedAt: v.decidedAt, current: v.id === current.id, published: v.id === published?.id }))
    : null;

  if (practice.hiddenAt && !working) throw new AppError("not_found", "practices.error.notFound");
  const editable = practicePolicy.edit(actor, facts);
  return {
    id: practice.id,
    slug: practice.slug,
    network: network ? { slug: network.slug, name: network.names[locale] ?? network.name } : null,
    organization: org ?? null,
    city: place.city,
    country: place.country,
    showing: shown.id === published?.id && !options.working ? "published" : "working",
    version: { number: shown.number, status: shown.status, revision: shown.revision, updatedAt: shown.updatedAt, submittedAt: shown.submittedAt, decidedAt: shown.decidedAt },
    originalLanguage,
    languages,
    text: { ...shownText.text, language: shownText.language, fallback: shownText.fallback },
    textLanguages: shownText.fieldLanguages,
    texts: working && editable ? content.texts : null,
    themes: await themeNames(ctx.db, content.themeIds, locale),
    axes: axes.map((a) => ({ key: a.key, name: a.names[locale] ?? Object.values(a.names)[0] ?? a.key })),
    sdgGoals: await sdgGoalNames(ctx.db, content.sdgGoals, locale),
    sdgTargets: await sdgTargetTitles(ctx.db, content.sdgTargets, locale),
    startYear: content.startYear,
    endYear: content.endYear,
    budget: content.budgetAmount && content.budgetCurrency ? { amount: content.budgetAmount, currency: content.budgetCurrency } : null,
    populationReached: content.populationReached,
    partners: content.partners.map((p) => ({ name: p.name, kind: p.kind, organizationSlug: p.organizationId ? (slugOf.get(p.organizationId) ?? null) : null })),
    contact: content.contact
      ? { name: content.contact.name, position: content.contact.position, email: practicePolicy.seeContactEmail(actor) && content.contact.email ? content.contact.email : null }
      : null,
    links: content.links,
    files: content.fileIds.flatMap((id) => {
      const f = filesById.get(id);
      if (!f) return [];
      return [
        {
          id: f.id,
          kind: f.kind,
          name: f.displayName,
          contentType: f.contentType,
          bytes: f.bytes,
          width: f.width,
          height: f.height,
          alt: f.kind === "image" ? (localize(f.alt, locale, originalLanguage) ?? null) : null,
          alts: f.alt,
        },
      ];
    }),
    observatory: facts.observatory,
    catalogue: practice.sourceUrl ? { sourceUrl: practice.sourceUrl } : null,
    demo: practice.demo,
    firstPublishedAt: practice.firstPublishedAt,
    lastPublishedAt: practice.lastPublishedAt,
    hidden: practice.hiddenAt !== null,
    updateInProgress: published !== null && current.id !== published.id && current.status !== "declined",
    decisionComment: working ? shown.decisionComment : null,
    viewer: {
      canEdit: editable && current.status !== "submitted" && current.status !== "in_review",
      canSubmit: practicePolicy.submit(actor, facts) && current.status === "draft",
      canWithdraw: practicePolicy.withdraw(actor, facts) && current.status === "submitted",
      canModerate: practicePolicy.moderate(actor, facts) && moderates(actor, facts),
      canReport: practicePolicy.report(actor, facts) && !editable,
      canSeeWorking,
      workingStatus: canSeeWorking ? current.status : null,
    },
    history,
    versions,
  };
}
