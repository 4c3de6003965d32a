// What a reader sees of offers and needs, in their language: the text (or the original when it is
// not translated), the organization and its place, the networks, the practice it points to, the
// contact person. Loaded for a page of items at once.
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../platform/db/client.ts";
import { localize, localizedText } from "../../platform/i18n/content.ts";
import type { Locale, Translated } from "../../platform/i18n/locales.ts";
import type { Actor } from "../organizations/actor.ts";
import type { ItemRow } from "./find.ts";
import type { ItemKind, ItemStatus, Modality, Visibility } from "./schema.ts";

export interface ItemView {
  id: string;
  kind: ItemKind;
  status: ItemStatus;
  title: string;
  description: string;
  /** The language title and description are in. */
  language: Locale;
  /** True when the item is not written in the reader's language. */
  fallback: boolean;
  originalLanguage: Locale;
  texts: Partial<Record<Locale, { title: string; description: string }>>;
  organization: { slug: string; name: string; city: string | null; country: { code: string; name: string } };
  themeIds: string[];
  sdgGoals: number[];
  modalities: Modality[];
  languages: string[];
  availableFrom: string | null;
  availableUntil: string | null;
  visibility: Visibility;
  networks: { slug: string; name: string }[];
  practice: { slug: string; title: string } | null;
  /** The e-mail is for the organization's own people; others reach the city through "Contact this city". */
  contact: { name: string; email: string | null } | null;
  expiresOn: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  demo: boolean;
  /** The reader belongs to the organization. */
  own: boolean;
  /** Its matches are being computed after the last change. */
  matchesPending: boolean;
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const uuidArray = (ids: readonly string[]) => `{${ids.join(",")}}`;

export async function describeItems(db: Database, rows: ItemRow[], locale: Locale, actor: Actor): Promise<ItemView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const orgs = await queryRows<{ id: string; slug: string; name: string; city: Translated | null; city_name: string | null; country_code: string; country_name: Translated }>(
    db,
    sql`select o.id, o.slug, o.name, c.names as city, c.name as city_name, o.country_code, k.name as country_name
        from organizations o left join cities c on c.id = o.city_id join countries k on k.code = o.country_code
        where o.id = any(${uuidArray([...new Set(rows.map((r) => r.organizationId))])}::uuid[])`,
  );
  const nets = await queryRows<{ item_id: string; slug: string; name: string; names: Translated }>(
    db,
    sql`select n.item_id, w.slug, w.name, w.names from exchange_item_networks n join networks w on w.id = n.network_id
        where n.item_id = any(${uuidArray(ids)}::uuid[]) order by w.name`,
  );
  const practiceIds = rows.flatMap((r) => (r.practiceId ? [r.practiceId] : []));
  const practiceRows = practiceIds.length
    ? await queryRows<{ id: string; slug: string; content: { texts: Record<string, { title?: string }> }; original_language: string }>(
        db,
        sql`select p.id, p.slug, v.content, v.original_language from practices p join practice_versions v on v.id = p.published_version_id
            where p.id = any(${uuidArray(practiceIds)}::uuid[]) and p.hidden_at is null`,
      )
    : [];
  const contactIds = rows.flatMap((r) => (r.contactUserId ? [r.contactUserId] : []));
  const contacts = contactIds.length
    ? await queryRows<{ id: string; name: string; email: string }>(db, sql`select id, name, email from users where id = any(${`{${contactIds.map((c) => `"${c}"`).join(",")}}`}::text[])`)
    : [];
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const practiceById = new Map(practiceRows.map((p) => [p.id, p]));
  const contactById = new Map(contacts.map((c) => [c.id, c]));
  return rows.map((r) => {
    const org = orgById.get(r.organizationId)!;
    const titles: Translated = Object.fromEntries(Object.entries(r.texts).map(([l, t]) => [l, t?.title ?? ""]));
    const descriptions: Translated = Object.fromEntries(Object.entries(r.texts).map(([l, t]) => [l, t?.description ?? ""]));
    const title = localize(titles, locale, r.originalLanguage) ?? { text: "", language: locale, fallback: false };
    const practice = r.practiceId ? practiceById.get(r.practiceId) : undefined;
    const practiceTitles: Translated = practice ? Object.fromEntries(Object.entries(practice.content.texts).map(([l, t]) => [l, t?.title ?? ""])) : {};
    const contact = r.contactUserId ? contactById.get(r.contactUserId) : undefined;
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      title: title.text,
      description: descriptions[title.language] ?? "",
      language: title.language,
      fallback: title.fallback,
      originalLanguage: r.originalLanguage as Locale,
      texts: r.texts,
      organization: {
        slug: org.slug,
        name: org.name,
        city: org.city ? localizedText(org.city, locale) || org.city_name : org.city_name,
        country: { code: org.country_code, name: localizedText(org.country_name, locale) },
      },
      themeIds: r.themeIds,
      sdgGoals: r.sdgGoals,
      modalities: r.modalities as Modality[],
      languages: r.languages,
      availableFrom: r.availableFrom,
      availableUntil: r.availableUntil,
      visibility: r.visibility,
      networks: nets.filter((n) => n.item_id === r.id).map((n) => ({ slug: n.slug, name: localizedText(n.names, locale) || n.name })),
      practice: practice ? { slug: practice.slug, title: localizedText(practiceTitles, locale, practice.original_language) } : null,
      contact: contact ? { name: contact.name, email: actor.memberships.has(r.organizationId) ? contact.email : null } : null,
      expiresOn: r.expiresOn,
      revision: r.revision,
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
      demo: r.demo,
      own: actor.memberships.has(r.organizationId),
      matchesPending: r.matchedRevision !== r.revision,
    };
  });
}
