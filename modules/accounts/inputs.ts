import { z } from "zod";
import { minPasswordLength } from "../../platform/auth.ts";
import { locales } from "../../platform/i18n/locales.ts";

export const createAdminInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(minPasswordLength).max(128),
  /** The language of the administrator's e-mails. */
  locale: z.enum(locales).default("es"),
});
export type CreateAdminInput = z.input<typeof createAdminInput>;
