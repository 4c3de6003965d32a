import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { authorize, requireSignedIn } from "../../platform/authz.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { queryRows } from "../../platform/db/client.ts";
import { localize } from "../../platform/i18n/content.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import { parseOrThrow } from "../../platform/parse.ts";
import type { Actor } from "../organizations/actor.ts";
import { themeNames } from "../practices/describe.ts";
import { listExpertiseInput } from "./inputs.ts";
import { exchangePolicy } from "./policy.ts";

export interface ExpertView {
  userId: string;
  name: string;
  position: string;
  summary: string;
  summaryLanguage: Locale | null;
  organization: { slug: string; name: string };
  themes: { id: string; name: string }[];
  languages: string[];
}

/** The community of local expertise: people who agreed to be listed, by name; for people signed in. */
export async function listExpertise(ctx: ServiceContext, actor: Actor, raw: z.input<typeof listExpertiseInput>, locale: Locale): Promise<{ experts: ExpertView[]; total: number }> {
  requireSignedIn(actor);
  authorize(exchangePolicy.readDirectory(actor));
  const input = parseOrThrow(listExpertiseInput, raw);
  const where: SQL[] = [sql`p.listed`];
  if (input.theme) where.push(sql`${input.theme} = any(p.theme_ids)`);
  if (input.language) where.push(sql`${input.language} = any(p.languages)`);
  if (input.network) {
    where.push(sql`exists (select 1 from network_memberships m join networks n on n.id = m.network_id
                          where m.organization_id = p.organization_id and m.status = 'active' and n.slug = ${input.network})`);
  }
  const rows = await queryRows<{ user_id: string; name: string; position: string; summary: Translated; theme_ids: string[]; languages: string[]; org_slug: string; org_name: string; total: number }>(
    ctx.db,
    sql`select p.user_id, u.name, p.position, p.summary, p.theme_ids, p.languages, o.slug as org_slug, o.name as org_name, count(*) over () as total
        from expertise_profiles p join users u on u.id = p.user_id join organizations o on o.id = p.organization_id
        where ${sql.join(where, sql` and `)}
        order by u.name, p.user_id limit ${input.pageSize} offset ${(input.page - 1) * input.pageSize}`,
  );
  const names = new Map((await themeNames(ctx.db, [...new Set(rows.flatMap((r) => r.theme_ids))], locale)).map((t) => [t.id, t.name]));
  return {
    total: rows.length > 0 ? Number(rows[0]!.total) : 0,
    experts: rows.map((r) => {
      const summary = localize(r.summary, locale);
      return {
        userId: r.user_id,
        name: r.name,
        position: r.position,
        summary: summary?.text ?? "",
        summaryLanguage: summary?.language ?? null,
        organization: { slug: r.org_slug, name: r.org_name },
        themes: r.theme_ids.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : [])),
        languages: r.languages,
      };
    }),
  };
}
