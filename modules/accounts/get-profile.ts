import { asc, eq } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import { isLocale, type Locale } from "../../platform/i18n/locales.ts";
import { type ProofKind, proofKindOf } from "./confirm-identity.ts";
import { users, userThemes } from "./schema.ts";

export interface Profile {
  id: string;
  name: string;
  email: string;
  role: string;
  position: string | null;
  /** ISO 639-1 codes of the languages the person speaks. */
  languages: string[];
  /** The language of the person's pages and e-mails. */
  locale: Locale;
  /** IANA time zone; null until the person chooses one. */
  timeZone: string | null;
  /** Ids of the themes the person follows. */
  themeIds: string[];
  /** How the person confirms sensitive changes (password, or their address when they have none). */
  confirmWith: ProofKind;
}

/** The profile of a person, for themselves. */
export async function getProfile(ctx: ServiceContext, userId: string): Promise<Profile> {
  const [user] = await ctx.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      position: users.position,
      languages: users.languages,
      locale: users.locale,
      timeZone: users.timeZone,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw notFound();
  const themes = await ctx.db
    .select({ id: userThemes.themeId })
    .from(userThemes)
    .where(eq(userThemes.userId, userId))
    .orderBy(asc(userThemes.themeId));
  return {
    ...user,
    locale: isLocale(user.locale) ? user.locale : "es",
    themeIds: themes.map((t) => t.id),
    confirmWith: await proofKindOf(ctx, userId),
  };
}
