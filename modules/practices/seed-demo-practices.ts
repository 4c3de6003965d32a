// The demo good-practice bank of Mercociudades, run at every start in demo mode after the demo
// network: its axes and city–university observatory (demo-bank.ts), every practice of
// demo-practices.ts taken through the real workflow (written by a person of its city's
// government, sent, reviewed and answered by the secretariat), the catalogue of real practices
// (import-practice-catalogue.ts) and a past call for inclusive-city practices with its published
// collection. Idempotent piece by piece: what exists is left as it is (people may have changed
// it), a second run adds nothing.
//
// Left out: practices whose city is not among the reference cities (Canelones, UY: under 50,000
// inhabitants), since a member government of the demo network is always a reference city's.
import { and, eq, inArray, like, sql } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context.ts";
import { type Database, queryRows } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { slugify } from "../../platform/slug.ts";
import { networkCategories, networkMembershipEvents, networkMemberships, networks } from "../networks/schema.ts";
import { demoNetworkSlug } from "../networks/seed-demo-network.ts";
import { addDays, cityKey, ensureLocalGovernments, ensureTeamPeople, resolveCities, stable } from "../networks/seed-demo-sources.ts";
import { type Actor, loadActor } from "../organizations/actor.ts";
import { createOrganizationRecord, findCityId } from "../organizations/factories.ts";
import { organizations } from "../organizations/schema.ts";
import { createPractice } from "./create-practice.ts";
import { createPracticeCall } from "./create-practice-call.ts";
import { decidePractice } from "./decide-practice.ts";
import { demoBankAxes, demoInclusiveCall, demoObservatory, demoObservatoryAxes, demoObservatoryPartner } from "./demo-bank.ts";
import { type DemoPractice, demoPractices } from "./demo-practices.ts";
import { importPracticeCatalogue } from "./import-practice-catalogue.ts";
import { savePracticeAxis } from "./save-practice-axis.ts";
import { saveObservatory } from "./save-observatory.ts";
import {
  practiceAxes,
  practiceCallEntries,
  practiceCalls,
  practiceCollectionItems,
  practiceCollections,
  practiceObservatories,
  practices,
} from "./schema.ts";
import { startReview } from "./start-review.ts";
import { submitPractice } from "./submit-practice.ts";

/** The demo practices' creation keys: how a second run recognizes them. */
export const demoPracticeKey = (key: string) => `demo-practice:${key}`;

/** The secretariat's person who moderates the demo bank (no password: nobody signs in as her). */
const moderatorPerson = { name: "Gabriela Núñez", locale: "es" as const, position: "Moderación del Banco de Buenas Prácticas" };

export interface DemoPracticesOptions {
  /** The day the demo is built around (YYYY-MM-DD); today by default. */
  today?: string;
}

/** Seeds the bank; returns what it created (empty when everything already existed). */
export async function seedDemoPractices(db: Database, options: DemoPracticesOptions = {}): Promise<string[]> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  return db.transaction(async (tx) => {
    const [network] = await tx.select().from(networks).where(eq(networks.slug, demoNetworkSlug));
    if (!network?.secretariatOrganizationId) return [];
    const ctx: ServiceContext = { db: tx };
    const bank = { id: network.id, slug: network.slug, secretariatId: network.secretariatOrganizationId };
    const moderator = await secretariatModerator(tx, bank);
    const created: string[] = [];
    const axes = await seedAxes(ctx, moderator, bank);
    if (axes > 0) created.push(`${axes} practice axes of Mercociudades`);
    if (await seedObservatory(ctx, moderator, bank)) created.push("the city–university observatory of Mercociudades and AUGM");
    const { written, refused } = await seedPractices(ctx, moderator, bank, today);
    if (written > 0) created.push(written === 1 ? "1 demo practice" : `${written} demo practices`);
    created.push(...refused);
    const catalogue = await importPracticeCatalogue(tx);
    if (catalogue > 0) created.push(`${catalogue} catalogue entries`);
    const call = await seedInclusiveCall(ctx, moderator, bank);
    if (call) created.push(call);
    return created;
  });
}

interface Bank {
  id: string;
  slug: string;
  secretariatId: string;
}

const personEmail = (name: string, slug: string) =>
  `${name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, ".")
    .replace(/^\.+|\.+$/g, "")}@${slug}.example`;

async function secretariatModerator(tx: Database, bank: Bank): Promise<Actor> {
  const [secretariat] = await tx.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, bank.secretariatId));
  const email = personEmail(moderatorPerson.name, secretariat!.slug);
  const { ids } = await ensureTeamPeople(tx, [{ person: { ...moderatorPerson, email }, organizationId: bank.secretariatId }]);
  const actor = (await loadActor({ db: tx }, ids.get(email)!))!;
  // The seed acts as this person of the secretariat: two-step sign-in guards a person's sign-in,
  // which the seed does not go through, so the secretariat's powers are not withheld here.
  return { ...actor, secretariatOf: new Set([...actor.secretariatOf, bank.id]), mustEnableTwoFactor: false };
}

/** The bank's and the observatory's axes that do not exist yet; returns how many were added. */
async function seedAxes(ctx: ServiceContext, moderator: Actor, bank: Bank): Promise<number> {
  const existing = new Set(
    (await ctx.db.select({ scope: practiceAxes.scope, key: practiceAxes.key }).from(practiceAxes).where(eq(practiceAxes.networkId, bank.id))).map((a) => `${a.scope}:${a.key}`),
  );
  let added = 0;
  for (const [scope, axes] of [["bank", demoBankAxes], ["observatory", demoObservatoryAxes]] as const) {
    for (const [position, axis] of axes.entries()) {
      if (existing.has(`${scope}:${axis.key}`)) continue;
      await savePracticeAxis(ctx, moderator, bank.slug, { scope, key: axis.key, names: axis.names, themeIds: axis.themeIds, position });
      added++;
    }
  }
  return added;
}

/** AUGM's organization and the observatory it co-moderates, unless the network has one. */
async function seedObservatory(ctx: ServiceContext, moderator: Actor, bank: Bank): Promise<boolean> {
  const [existing] = await ctx.db.select({ id: practiceObservatories.networkId }).from(practiceObservatories).where(eq(practiceObservatories.networkId, bank.id));
  if (existing) return false;
  const { city, ...partner } = demoObservatoryPartner;
  await createOrganizationRecord(ctx.db, { ...partner, cityId: await findCityId(ctx.db, city, partner.countryCode), verified: true });
  await saveObservatory(ctx, moderator, bank.slug, { names: demoObservatory.names, description: demoObservatory.description, partner: partner.slug });
  return true;
}

/** The bank axis a practice sits on: its first theme's. */
function axisOf(themeIds: string[]): string[] {
  const axis = demoBankAxes.find((a) => a.themeIds.includes(themeIds[0] ?? ""));
  return axis ? [axis.key] : [];
}

interface Author {
  organizationId: string;
  organizationSlug: string;
  userId: string;
  email: string;
}

/**
 * Each city's government (an active member of the network: created, and made a member, when the
 * demo has none) and the practice's contact as its author. Practices whose city is not a
 * reference city, or whose government's membership is not active, get none.
 */
async function demoAuthors(tx: Database, bank: Bank, wanted: DemoPractice[]): Promise<Map<string, Author>> {
  // Every demo city's government is kept a member (on every start, like the network's own seed
  // keeps its members), the authors only of the practices still to write.
  const cities = await resolveCities(tx, demoPractices.map((p) => ({ name: p.city, country: p.country })));
  const { byCity } = await ensureLocalGovernments(tx, [...cities.values()]);
  const orgIds = [...new Set(byCity.values())];
  const orgs = new Map((await tx.select({ id: organizations.id, slug: organizations.slug }).from(organizations).where(inArray(organizations.id, orgIds))).map((o) => [o.id, o.slug]));
  const memberships = new Map(
    (
      await tx
        .select({ organizationId: networkMemberships.organizationId, status: networkMemberships.status })
        .from(networkMemberships)
        .where(and(eq(networkMemberships.networkId, bank.id), inArray(networkMemberships.organizationId, orgIds)))
    ).map((m) => [m.organizationId, m.status]),
  );
  const newMembers = orgIds.filter((id) => !memberships.has(id));
  if (newMembers.length > 0) {
    const [full] = await tx.select({ id: networkCategories.id }).from(networkCategories).where(and(eq(networkCategories.networkId, bank.id), eq(networkCategories.key, "full")));
    const cityOf = new Map([...byCity].map(([cityId, organizationId]) => [organizationId, cityId]));
    for (const organizationId of newMembers) {
      const since = addDays("2005-01-01", Math.floor(stable(`practices-member:${cityOf.get(organizationId)}`) * 5000));
      const [membership] = await tx
        .insert(networkMemberships)
        .values({ networkId: bank.id, organizationId, status: "active", categoryId: full?.id ?? null, since, statusChangedAt: new Date(`${since}T12:00:00Z`) })
        .onConflictDoNothing()
        .returning({ id: networkMemberships.id });
      if (membership) {
        await tx.insert(networkMembershipEvents).values({
          membershipId: membership.id,
          fromStatus: null,
          toStatus: "active",
          categoryId: full?.id ?? null,
          reason: "Dato ilustrativo de la demostración.",
          effectiveOn: since,
        });
      }
      memberships.set(organizationId, "active");
    }
  }
  const people: { practice: DemoPractice; person: { name: string; email: string; locale: DemoPractice["language"]; position: string }; organizationId: string }[] = [];
  for (const practice of wanted) {
    const city = cities.get(cityKey(practice.city, practice.country));
    const organizationId = city && byCity.get(city.id);
    if (!organizationId || memberships.get(organizationId) !== "active") continue;
    const email = personEmail(practice.contact.name, orgs.get(organizationId)!);
    people.push({ practice, person: { name: practice.contact.name, email, locale: practice.language, position: practice.contact.position }, organizationId });
  }
  const { ids } = await ensureTeamPeople(tx, people);
  return new Map(
    people.flatMap((p) => {
      const userId = ids.get(p.person.email);
      return userId ? [[p.practice.key, { organizationId: p.organizationId, organizationSlug: orgs.get(p.organizationId)!, userId, email: p.person.email }] as const] : [];
    }),
  );
}

/** When each step of a practice's workflow happened, made up and stable for its key. */
interface Timeline {
  created: Date;
  submitted: Date;
  reviewed: Date;
  decided: Date;
}

function timeline(practice: DemoPractice, today: string): Timeline {
  const r = (salt: string) => stable(`${practice.key}:${salt}`);
  const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, "0")}:${String(Math.floor(r("minute") * 60)).padStart(2, "0")}:00Z`);
  const hour = 12 + Math.floor(r("hour") * 8);
  let submitted: string;
  if (practice.inclusiveCall) {
    // Entered in the call while it was open.
    submitted = addDays("2025-03-10", Math.floor(r("day") * 95));
  } else if (practice.status === "published") {
    submitted = addDays(today, -(40 + Math.floor(r("day") * 540)));
  } else {
    submitted = addDays(today, -(6 + Math.floor(r("day") * 40)));
  }
  return {
    created: at(addDays(submitted, -(3 + Math.floor(r("created") * 20))), hour),
    submitted: at(submitted, hour),
    reviewed: at(addDays(submitted, 1 + Math.floor(r("reviewed") * 3)), hour),
    decided: at(addDays(submitted, 5 + Math.floor(r("decided") * 14)), hour),
  };
}

/**
 * Writes the demo practices that do not exist yet through the workflow's use cases; returns how
 * many, and those the use cases refused (the demo file is wrong there: said, not thrown, so that
 * the rest of the demo is still built).
 */
async function seedPractices(ctx: ServiceContext, moderator: Actor, bank: Bank, today: string): Promise<{ written: number; refused: string[] }> {
  const tx = ctx.db;
  const existing = new Set(
    (await tx.select({ key: practices.creationKey }).from(practices).where(and(eq(practices.networkId, bank.id), like(practices.creationKey, "demo-practice:%")))).map((r) => r.key),
  );
  const wanted = demoPractices.filter((p) => !existing.has(demoPracticeKey(p.key)));
  const authors = await demoAuthors(tx, bank, wanted);
  if (wanted.length === 0) return { written: 0, refused: [] };
  // Partners registered on Pares under the very name the practice gives are tied to them.
  const partnerNames = [...new Set(wanted.flatMap((p) => p.partners.map((x) => x.name)))];
  const registered = new Map(
    (await tx.select({ name: organizations.name, slug: organizations.slug }).from(organizations).where(inArray(organizations.name, partnerNames))).map((o) => [o.name, o.slug]),
  );
  const written: { id: string; practice: DemoPractice; when: Timeline }[] = [];
  const refused: string[] = [];
  for (const practice of wanted) {
    const author = authors.get(practice.key);
    if (!author) continue;
    try {
      // One practice at a time, so one the use cases refuse leaves nothing half-written behind.
      const id = await tx.transaction((ptx) => writePractice({ db: ptx }, moderator, bank, practice, author, registered));
      written.push({ id, practice, when: timeline(practice, today) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused.push(`demo practice ${practice.key} refused (${error.messageKey}${error.fieldErrors ? ` ${Object.keys(error.fieldErrors).join(", ")}` : ""})`);
    }
  }
  if (written.length === 0) return { written: 0, refused };
  const ids = written.map((w) => w.id);
  await tx.update(practices).set({ demo: true }).where(inArray(practices.id, ids));
  await backdate(tx, written);
  // What happened in the demo's past was never news: nobody is e-mailed about it.
  await tx.execute(sql`delete from outbox o where o.status = 'pending' and exists (
    select 1 from practice_versions v where v.practice_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})
      and (o.idempotency_key like 'practice-submitted:' || v.id || ':%' or o.idempotency_key like 'practice-decision:' || v.id || ':%'))`);
  return { written: written.length, refused };
}

/** Writes one demo practice as its author would and takes it to its status as the secretariat would; returns its id. */
async function writePractice(ctx: ServiceContext, moderator: Actor, bank: Bank, practice: DemoPractice, author: Author, registered: Map<string, string>): Promise<string> {
  const writer = (await loadActor(ctx, author.userId))!;
  const { id, slug } = await createPractice(ctx, writer, {
    network: bank.slug,
    organization: author.organizationSlug,
    idempotencyKey: demoPracticeKey(practice.key),
    originalLanguage: practice.language,
    texts: practice.text,
    themeIds: practice.themes,
    axisKeys: axisOf(practice.themes),
    sdgGoals: practice.sdgGoals,
    sdgTargets: practice.sdgTargets,
    startYear: practice.period.from,
    endYear: practice.period.to,
    budgetAmount: practice.budget ? practice.budget.amount.toFixed(2) : null,
    budgetCurrency: practice.budget?.currency ?? null,
    populationReached: practice.populationReached,
    partners: practice.partners.map((p) => ({ name: p.name, kind: p.kind, organization: registered.get(p.name) })),
    contact: { name: practice.contact.name, position: practice.contact.position, email: author.email },
    links: practice.links,
  });
  if (practice.status !== "draft") await submitPractice(ctx, writer, slug);
  if (practice.status === "in_review" || practice.status === "published" || practice.status === "changes_requested") await startReview(ctx, moderator, slug);
  if (practice.status === "published") await decidePractice(ctx, moderator, slug, { decision: "publish" });
  if (practice.status === "changes_requested") {
    await decidePractice(ctx, moderator, slug, { decision: "request_changes", comment: practice.moderatorComment ?? "Completar los resultados con cifras." });
  }
  return id;
}

/** Moves each practice's history to its made-up timeline (the use cases stamp the moment of the seed). */
async function backdate(tx: Database, written: { id: string; practice: DemoPractice; when: Timeline }[]): Promise<void> {
  const values = sql.join(
    written.map(({ id, practice, when }) => {
      const last = practice.status === "draft" ? when.created : practice.status === "submitted" ? when.submitted : practice.status === "in_review" ? when.reviewed : when.decided;
      return sql`(${id}::uuid, ${when.created.toISOString()}::timestamptz, ${when.submitted.toISOString()}::timestamptz,
        ${when.reviewed.toISOString()}::timestamptz, ${when.decided.toISOString()}::timestamptz, ${last.toISOString()}::timestamptz)`;
    }),
    sql`, `,
  );
  const d = sql`(values ${values}) as d(id, created, submitted, reviewed, decided, last)`;
  await tx.execute(sql`update practices p set created_at = d.created, updated_at = d.last,
    first_published_at = case when p.first_published_at is null then null else d.decided end,
    last_published_at = case when p.last_published_at is null then null else d.decided end
    from ${d} where p.id = d.id`);
  await tx.execute(sql`update practice_versions v set created_at = d.created, updated_at = d.created,
    submitted_at = case when v.submitted_at is null then null else d.submitted end,
    decided_at = case when v.decided_at is null then null else d.decided end
    from ${d} where v.practice_id = d.id`);
  await tx.execute(sql`update practice_events e set created_at = case e.kind when 'created' then d.created when 'submitted' then d.submitted
    when 'review_started' then d.reviewed else d.decided end from ${d} where e.practice_id = d.id`);
  await tx.execute(sql`update practice_search s set published_at = d.decided from ${d} where s.practice_id = d.id`);
}

/**
 * The call for inclusive-city practices, opened and closed in the past: the practices flagged for
 * it entered, the published ones selected and gathered, in the file's order, in its published
 * collection. When the call exists, only flagged practices written since (not entered yet) are
 * added; whatever else the call holds is left as it is. Returns what it did, null for nothing.
 */
async function seedInclusiveCall(ctx: ServiceContext, moderator: Actor, bank: Bank): Promise<string | null> {
  const tx = ctx.db;
  const call = demoInclusiveCall;
  const keys = demoPractices.filter((p) => p.inclusiveCall).map((p) => demoPracticeKey(p.key));
  const flagged = keys.length > 0 ? await tx.select().from(practices).where(and(eq(practices.networkId, bank.id), inArray(practices.creationKey, keys))) : [];
  const ordered = keys.flatMap((k) => flagged.filter((p) => p.creationKey === k));
  if (ordered.length === 0) return null;

  const slug = slugify(call.title[call.language], 60);
  const find = () =>
    tx
      .select({ id: practiceCalls.id, collectionId: practiceCalls.collectionId })
      .from(practiceCalls)
      .where(and(eq(practiceCalls.networkId, bank.id), eq(practiceCalls.slug, slug)));
  let [row] = await find();
  const isNew = !row;
  if (!row) {
    await createPracticeCall(ctx, moderator, bank.slug, {
      title: call.title[call.language],
      description: call.description[call.language],
      language: call.language,
      themeIds: call.themeIds,
      opensAt: call.opensAt,
      closesAt: call.closesAt,
    });
    [row] = await find();
    await tx
      .update(practiceCalls)
      .set({ title: call.title, description: call.description, createdAt: new Date(addDays(call.opensAt.slice(0, 10), -20)) })
      .where(eq(practiceCalls.id, row!.id));
    if (row!.collectionId) {
      await tx
        .update(practiceCollections)
        .set({ title: call.title, subtitle: call.collection.subtitle, foreword: call.collection.foreword, publishedAt: new Date(call.publishedAt), updatedAt: new Date(call.publishedAt) })
        .where(eq(practiceCollections.id, row!.collectionId));
    }
  }
  const { id: callId, collectionId } = row!;
  const entered = new Set(
    (await tx.select({ practiceId: practiceCallEntries.practiceId }).from(practiceCallEntries).where(eq(practiceCallEntries.callId, callId))).map((e) => e.practiceId),
  );
  const newcomers = ordered.filter((p) => !entered.has(p.id));
  const said = isNew ? "the inclusive-cities call and its published collection" : newcomers.length === 1 ? "1 new entry in the inclusive-cities call" : `${newcomers.length} new entries in the inclusive-cities call`;
  if (newcomers.length === 0) return isNew ? said : null;
  await tx
    .insert(practiceCallEntries)
    .values(
      newcomers.map((p) => ({
        callId,
        practiceId: p.id,
        status: p.publishedVersionId ? ("selected" as const) : ("not_selected" as const),
        submittedBy: p.createdBy,
        // Entered when it was sent to the moderators, inside the call's window.
        submittedAt: sql`(select coalesce(min(submitted_at), ${call.opensAt}::timestamptz) from practice_versions where practice_id = ${p.id})`,
        decidedBy: moderator.userId,
        decidedAt: new Date(call.selectedAt),
        note: p.publishedVersionId ? null : call.notSelectedNote,
      })),
    )
    .onConflictDoNothing();
  const selected = newcomers.filter((p) => p.publishedVersionId);
  if (collectionId && selected.length > 0) {
    const [last] = await queryRows<{ position: number | null }>(tx, sql`select max(position) as position from practice_collection_items where collection_id = ${collectionId}`);
    const start = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
    await tx
      .insert(practiceCollectionItems)
      .values(selected.map((p, i) => ({ collectionId, practiceId: p.id, position: start + i })))
      .onConflictDoNothing();
  }
  return said;
}
