import { eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { ServiceContext } from "../../platform/context.ts";
import { invalid, notFound } from "../../platform/errors.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import { themes } from "../themes/schema.ts";
import { type UpdateProfileFields, updateProfileInput } from "./inputs.ts";
import { users, userThemes } from "./schema.ts";

/**
 * Saves a person's profile: name, position, languages spoken, the language of their pages and
 * e-mails, time zone and the themes they follow (replacing the previous choice).
 */
export async function updateProfile(ctx: ServiceContext, userId: string, raw: UpdateProfileFields): Promise<{ locale: Locale }> {
  const parsed = updateProfileInput.safeParse(raw);
  if (!parsed.success) throw invalid(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  await ctx.db.transaction(async (tx) => {
    if (input.themes.length > 0) {
      const known = await tx.select({ id: themes.id }).from(themes).where(inArray(themes.id, input.themes));
      if (known.length !== input.themes.length) throw invalid({ themes: ["i18n:validation.choice"] });
    }
    const updated = await tx
      .update(users)
      .set({
        name: input.name,
        position: input.position,
        languages: input.languages,
        locale: input.locale,
        timeZone: input.timeZone,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (updated.length === 0) throw notFound();
    await tx.delete(userThemes).where(eq(userThemes.userId, userId));
    if (input.themes.length > 0) await tx.insert(userThemes).values(input.themes.map((themeId) => ({ userId, themeId })));
  });
  return { locale: input.locale };
}
