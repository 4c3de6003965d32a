import { sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import type { Locale } from "../../platform/i18n/locales.ts";
import type { TrainingText } from "./schema.ts";
import { pickText } from "./texts.ts";

export interface VerifiedCertificate {
  code: string;
  participant: string;
  organization: string;
  training: string;
  edition: string;
  startsOn: string;
  endsOn: string;
  issuedAt: string;
  network: string;
}

/** Anyone checks a certificate by its code: who earned it, for which training and edition, issued when. An unknown code is "not found". */
export async function verifyCertificate(ctx: ServiceContext, rawCode: string, locale: Locale): Promise<VerifiedCertificate> {
  const code = rawCode.trim().toUpperCase().replace(/[^0-9A-Z]/g, "").replace(/^(.{4})(.{4})(.{4})$/, "$1-$2-$3");
  const [row] = await queryRows<{ participant: string; organization: string; texts: Partial<Record<Locale, TrainingText>>; original: string; label: string; starts_on: string; ends_on: string; issued_at: Date; network: string }>(
    ctx.db,
    sql`select u.name as participant, o.name as organization, t.texts, t.original_language as original, ed.label,
               to_char(ed.starts_on, 'YYYY-MM-DD') as starts_on, to_char(ed.ends_on, 'YYYY-MM-DD') as ends_on, e.certificate_issued_at as issued_at, n.name as network
        from enrolments e join users u on u.id = e.user_id join organizations o on o.id = e.organization_id
        join training_editions ed on ed.id = e.edition_id join trainings t on t.id = ed.training_id
        join programmes p on p.id = t.programme_id join networks n on n.id = p.network_id
        where e.certificate_code = ${code} and e.status = 'completed'`,
  );
  if (!row) throw new AppError("not_found", "calls.error.certificateUnknown");
  return {
    code,
    participant: row.participant,
    organization: row.organization,
    training: pickText(row.texts, locale, row.original)?.value.name ?? "",
    edition: row.label,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    issuedAt: new Date(row.issued_at).toISOString(),
    network: row.network,
  };
}
