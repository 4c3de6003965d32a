// E-mail templates: each turns validated data into content in the recipient's language.
// Modules declare theirs in their manifest (module.ts); the server gathers them.
import type { z } from "zod";
import type { Locale } from "../i18n/locales.ts";
import type { Translate } from "../i18n/translator.ts";
import type { EmailContent } from "./render.ts";

export interface EmailTemplate<S extends z.ZodType = z.ZodType> {
  name: string;
  data: S;
  content: (t: Translate, data: z.output<S>, context: { locale: Locale; publicUrl: string }) => EmailContent;
}

export function defineEmailTemplate<S extends z.ZodType>(template: EmailTemplate<S>): EmailTemplate<S> {
  return template;
}
