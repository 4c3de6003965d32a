// An offer or a need: everything its readers may know (text in their language or the original,
// marked; themes, SDGs, ways of working, window, networks, the practice, the contact person).
// For the organization's people: edit, close, mark matched or reopen, and the ranked suggestions
// with their score and reasons, each of which can be left out as not relevant (and brought back).
// For people of other organizations: "Contact this city" (opened from one of their suggestions, the
// request names their own item), or the way to the request already waiting.
import { randomUUID } from "node:crypto";
import { data, Form, Link, redirect } from "react-router";
import { changeItemStatus } from "../../modules/exchange/change-item-status.ts";
import { dismissMatch } from "../../modules/exchange/dismiss-match.ts";
import { getItem } from "../../modules/exchange/get-item.ts";
import { listDismissedMatches } from "../../modules/exchange/list-dismissed-matches.ts";
import { listContacts } from "../../modules/exchange/list-conversations.ts";
import { listMatches } from "../../modules/exchange/list-matches.ts";
import { requestContact } from "../../modules/exchange/request-contact.ts";
import { listSdgs } from "../../modules/themes/list-sdgs.ts";
import { listThemes } from "../../modules/themes/list-themes.ts";
import type { Actor } from "../../modules/organizations/actor.ts";
import type { ServiceContext } from "../../platform/context.ts";
import { formatDate } from "../../platform/i18n/format.ts";
import { type Locale, locales } from "../../platform/i18n/locales.ts";
import { excerpt, KindBadges, OriginalNote, Paragraphs, Place } from "../components/exchange-parts.tsx";
import { CsrfField, ErrorSummary, type FormErrors, TextAreaField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, orNotFound, pageLocale, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/exchange.css?url";
import type { Route } from "./+types/exchange-item";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const item = await orNotFound(getItem(ctx, actor, params.id, locale));
  const [themes, sdgs] = await Promise.all([listThemes(ctx, {}, locale), listSdgs(ctx, {}, locale)]);
  const matches = item.own ? await listMatches(ctx, actor, item.id, { limit: 10 }, locale) : null;
  const dismissed = matches && matches.dismissed > 0 ? await listDismissedMatches(ctx, actor, item.id, locale) : [];
  const url = new URL(request.url);
  return {
    item,
    contact: item.own || actor.actingOrganizationId === null ? null : await contactState(ctx, actor, item.id, url.searchParams.get("from"), locale),
    themes: item.themeIds.flatMap((id) => themes.filter((th) => th.id === id).map((th) => ({ id, name: th.name }))),
    sdgs: item.sdgGoals.flatMap((goal) => sdgs.filter((g) => g.goal === goal).map((g) => ({ goal, name: g.shortName }))),
    matches,
    dismissed: dismissed.map((d) => ({ id: d.id, title: d.title, language: d.language, organization: d.organization.name })),
    done: doneKeys.find((d) => d === url.searchParams.get("done")) ?? null,
    other: url.searchParams.get("other"),
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What "Contact this city" needs: the request of the reader's organizations still waiting for an
 * answer and the conversation already open about this item, if any; and, when the page was opened
 * from the suggestions of one of the reader's own items (?from=), that item.
 */
async function contactState(ctx: ServiceContext, actor: Actor, itemId: string, from: string | null, locale: Locale) {
  const asked = (await listContacts(ctx, actor, locale)).filter((c) => c.itemId === itemId && c.direction === "outgoing");
  const own = from && uuidPattern.test(from) ? await getItem(ctx, actor, from, locale).catch(() => null) : null;
  return {
    pending: asked.find((c) => c.status === "requested")?.id ?? null,
    conversation: asked.find((c) => c.conversationId !== null)?.conversationId ?? null,
    fromItem: own?.own ? { id: own.id, title: own.title, language: own.language } : null,
    // One key per form shown: sending it twice asks once.
    key: randomUUID(),
  };
}

/** What the page confirms after a change (?done=…). */
const doneKeys = ["posted", "saved", "open", "matched", "closed", "dismissed", "restored"] as const;

const intents = ["close", "mark_matched", "reopen", "dismiss", "undo", "contact"] as const;
type Intent = (typeof intents)[number];

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const fields = await formFields(request);
  const intent = fields.intent as Intent;
  if (!(intents as readonly string[]).includes(intent)) throw data(null, { status: 400 });
  const base = `/${locale}/exchange/${params.id}`;
  try {
    switch (intent) {
      case "close":
      case "mark_matched":
      case "reopen": {
        const result = await changeItemStatus(ctx, actor, params.id, { action: intent });
        return redirect(`${base}?done=${result.status}`);
      }
      case "dismiss":
        await dismissMatch(ctx, actor, params.id, { other: fields.other ?? "" });
        return redirect(`${base}?done=dismissed&other=${encodeURIComponent(fields.other ?? "")}#matches-title`);
      case "undo":
        await dismissMatch(ctx, actor, params.id, { other: fields.other ?? "" }, { undo: true });
        return redirect(`${base}?done=restored#matches-title`);
      case "contact": {
        const made = await requestContact(ctx, actor, { item: params.id, fromItem: fields.fromItem || undefined, message: fields.message ?? "", idempotencyKey: fields.key || undefined });
        return redirect(`/${locale}/exchange/contacts/${made.id}?done=${made.repeated ? "repeated" : "sent"}`);
      }
    }
  } catch (error) {
    return formError(error, locale, { intent, message: fields.message ?? "" });
  }
}

/** A form with one button that posts an intent (and the suggestion it is about). */
function IntentButton({ intent, other, label, hidden, className }: { intent: Intent; other?: string; label: string; hidden?: { text: string; lang: string }; className?: string }) {
  return (
    <Form method="post" className="inline">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      {other && <input type="hidden" name="other" value={other} />}
      <button type="submit" className={className}>
        {label}
        {hidden && (
          <span className="visually-hidden">
            {": "}
            <span lang={hidden.lang}>{hidden.text}</span>
          </span>
        )}
      </button>
    </Form>
  );
}

export default function ExchangeItem({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale, number, dateTime } = useI18n();
  const { item, themes, sdgs, matches, dismissed, done, other, contact } = loaderData;
  const base = `/${locale}/exchange/${item.id}`;
  const day = (value: string) => formatDate(locale, value);
  const errors = actionData?.errors as FormErrors | undefined;
  const contactErrors = actionData?.intent === "contact" ? errors : undefined;
  const otherTexts = locales.filter((l) => l !== item.language && item.texts[l]?.title);
  const window =
    item.availableFrom && item.availableUntil
      ? t("exchangePages.item.window", { from: day(item.availableFrom), until: day(item.availableUntil) })
      : item.availableFrom
        ? t("exchangePages.item.windowFrom", { from: day(item.availableFrom) })
        : item.availableUntil
          ? t("exchangePages.item.windowUntil", { until: day(item.availableUntil) })
          : null;
  const open = item.status === "open" || item.status === "in_conversation";
  const justDismissed = done === "dismissed" && other ? dismissed.find((d) => d.id === other) : undefined;
  return (
    <>
      <title>{`${item.title} · Pares`}</title>
      <p>
        <Link to={`/${locale}/exchange`}>{t("exchangePages.browse.title")}</Link>
      </p>
      <article className="exchange-item" aria-labelledby="item-title">
        <header>
          <p className="kind-line">
            <KindBadges kind={item.kind} status={item.status} always />
          </p>
          <h1 id="item-title" lang={item.language}>
            {item.title}
          </h1>
          <p className="lead-meta">
            <Place organization={item.organization} />
          </p>
        </header>
        {done && done !== "dismissed" && (
          <p role="status" className="notice">
            {t(`exchangePages.done.${done}`)}
          </p>
        )}
        {errors?.form && !contactErrors && (
          <p role="alert" className="alert">
            {errors.form}
          </p>
        )}
        {item.fallback && <OriginalNote language={item.language} />}
        <Paragraphs text={item.description} lang={item.language} />
        <dl className="facts">
          <dt>{t("exchangePages.field.kind")}</dt>
          <dd>{t(`exchange.kind.${item.kind}`)}</dd>
          <dt>{t("exchangePages.field.status")}</dt>
          <dd>{t(`exchange.status.${item.status}`)}</dd>
          {themes.length > 0 && (
            <>
              <dt>{t("exchangePages.field.themes")}</dt>
              <dd>
                <ul className="inline-list">
                  {themes.map((th) => (
                    <li key={th.id}>
                      <Link to={`/${locale}/exchange?theme=${encodeURIComponent(th.id)}`}>{th.name}</Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {sdgs.length > 0 && (
            <>
              <dt>{t("exchangePages.field.sdgGoals")}</dt>
              <dd>
                <ul className="inline-list">
                  {sdgs.map((g) => (
                    <li key={g.goal}>
                      <Link to={`/${locale}/exchange?sdg=${g.goal}`}>{t("exchangePages.sdg", { goal: g.goal, name: g.name })}</Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {item.modalities.length > 0 && (
            <>
              <dt>{t("exchangePages.field.modalities")}</dt>
              <dd>{item.modalities.map((m) => t(`exchange.modality.${m}`)).join(", ")}</dd>
            </>
          )}
          {item.languages.length > 0 && (
            <>
              <dt>{t("exchangePages.field.languages")}</dt>
              <dd>{item.languages.map((l) => t(`language.${l}`)).join(", ")}</dd>
            </>
          )}
          {window && (
            <>
              <dt>{t("exchangePages.item.available")}</dt>
              <dd>{window}</dd>
            </>
          )}
          <dt>{t("exchangePages.field.visibility")}</dt>
          <dd>
            {item.visibility === "platform" ? (
              t("exchangePages.item.visibleToAll")
            ) : (
              <ul className="inline-list">
                {item.networks.map((n) => (
                  <li key={n.slug}>
                    <Link to={`/${locale}/networks/${n.slug}`}>{n.name}</Link>
                  </li>
                ))}
              </ul>
            )}
          </dd>
          {item.practice && (
            <>
              <dt>{t("exchangePages.field.practice")}</dt>
              <dd>
                <Link to={`/${locale}/practices/${item.practice.slug}`}>{item.practice.title}</Link>
              </dd>
            </>
          )}
          {item.contact && (
            <>
              <dt>{t("exchangePages.field.contact")}</dt>
              <dd>
                {item.contact.name}
                {item.contact.email && (
                  <>
                    {" · "}
                    <a href={`mailto:${item.contact.email}`}>{item.contact.email}</a>
                  </>
                )}
              </dd>
            </>
          )}
          <dt>{t("exchangePages.field.expiresOn")}</dt>
          <dd>{day(item.expiresOn)}</dd>
          <dt>{t("exchangePages.item.updated")}</dt>
          <dd>{dateTime(item.updatedAt)}</dd>
        </dl>
        {otherTexts.length > 0 && (
          <section aria-labelledby="other-languages-title">
            <h2 id="other-languages-title">{t("exchangePages.item.otherLanguages")}</h2>
            {otherTexts.map((l) => (
              <details key={l} className="translation">
                <summary>{t("exchangePages.item.readIn", { language: t(`language.${l}`) })}</summary>
                <h3 lang={l}>{item.texts[l]!.title}</h3>
                <Paragraphs text={item.texts[l]!.description} lang={l} />
              </details>
            ))}
          </section>
        )}
      </article>

      {contact && (
        <section className="exchange-contact" aria-labelledby="contact-title">
          <h2 id="contact-title">{t("exchangePages.contact.title")}</h2>
          {contact.conversation && (
            <p>
              <Link to={`/${locale}/exchange/conversations/${contact.conversation}`}>{t("exchangePages.contact.openConversation")}</Link>
            </p>
          )}
          {contact.pending ? (
            <p className="notice">
              {t("exchangePages.contact.pending")} <Link to={`/${locale}/exchange/contacts/${contact.pending}`}>{t("exchangePages.contact.seeRequest")}</Link>
            </p>
          ) : !open ? (
            <p>{t("exchangePages.contact.notOpen")}</p>
          ) : (
            <>
              <p>{t("exchangePages.contact.intro", { organization: item.organization.name })}</p>
              {contact.fromItem && (
                <p>
                  {t("exchangePages.contact.fromItem")}{" "}
                  <Link to={`/${locale}/exchange/${contact.fromItem.id}`} lang={contact.fromItem.language}>
                    {contact.fromItem.title}
                  </Link>
                </p>
              )}
              <ErrorSummary errors={contactErrors} labels={{ message: t("exchangePages.contact.message"), fromItem: t("exchangePages.contact.fromItem") }} />
              <Form method="post" className="stack" noValidate>
                <CsrfField />
                <input type="hidden" name="intent" value="contact" />
                <input type="hidden" name="key" value={contact.key} />
                {contact.fromItem && <input type="hidden" name="fromItem" value={contact.fromItem.id} />}
                <TextAreaField
                  name="message"
                  label={t("exchangePages.contact.message")}
                  hint={t("exchangePages.contact.messageHint")}
                  rows={6}
                  maxLength={4000}
                  defaultValue={actionData?.intent === "contact" ? ((actionData as { message?: string }).message ?? "") : ""}
                  error={contactErrors?.fields?.message}
                />
                <div>
                  <button type="submit">{t("exchangePages.contact.send")}</button>
                </div>
              </Form>
            </>
          )}
        </section>
      )}

      {item.own && (
        <section className="exchange-actions" aria-labelledby="actions-title">
          <h2 id="actions-title">{t("exchangePages.actions.title")}</h2>
          <ul className="actions-list">
            <li>
              <Link to={`${base}/edit`} className="button-link">
                {t("exchangePages.actions.edit")}
              </Link>
            </li>
            {open && (
              <li>
                <IntentButton intent="mark_matched" label={t("exchangePages.actions.markMatched")} className="secondary" />
              </li>
            )}
            {(open || item.status === "matched") && (
              <li>
                <IntentButton intent="close" label={t("exchangePages.actions.close")} className="secondary" />
              </li>
            )}
            {!open && (
              <li>
                <IntentButton intent="reopen" label={t("exchangePages.actions.reopen")} className="secondary" />
              </li>
            )}
          </ul>
          <p className="hint">{t("exchangePages.actions.hint")}</p>
        </section>
      )}

      {matches && (
        <section aria-labelledby="matches-title" className="matches">
          <h2 id="matches-title">{t(item.kind === "need" ? "exchangePages.matches.titleNeed" : "exchangePages.matches.titleOffer")}</h2>
          <p className="hint">{t("exchangePages.matches.intro")}</p>
          {justDismissed && (
            <div role="status" className="notice">
              <p>{t("exchangePages.done.dismissed")}</p>
              <IntentButton intent="undo" other={justDismissed.id} label={t("exchangePages.matches.undo")} hidden={{ text: justDismissed.title, lang: justDismissed.language }} className="secondary" />
            </div>
          )}
          {matches.pending && (
            <p role="status" className="notice">
              {t("exchangePages.matches.pending")} <Link to={base}>{t("exchangePages.matches.reload")}</Link>
            </p>
          )}
          {!open ? (
            <p>{t("exchangePages.matches.notOpen")}</p>
          ) : matches.matches.length === 0 ? (
            !matches.pending && <p>{t("exchangePages.matches.none")}</p>
          ) : (
            <ol className="match-list">
              {matches.matches.map((m) => (
                <li key={m.item.id} className="match card">
                  <p className="kind-line">
                    <KindBadges kind={m.item.kind} status={m.item.status} />{" "}
                    <strong className="score">{t("exchangePages.matches.score", { score: number(m.score, { style: "percent", maximumFractionDigits: 0 }) })}</strong>
                  </p>
                  <h3 className="card-title">
                    <Link to={`/${locale}/exchange/${m.item.id}?from=${item.id}`} lang={m.item.language}>
                      {m.item.title}
                    </Link>
                  </h3>
                  <p className="muted">
                    <Place organization={m.item.organization} />
                  </p>
                  {m.item.description && <p lang={m.item.language}>{excerpt(m.item.description, 200)}</p>}
                  {m.item.fallback && <OriginalNote language={m.item.language} />}
                  <h4 className="reasons-title">{t("exchangePages.matches.why")}</h4>
                  <ul className="reasons">
                    {m.explanation.reasons.map((reason, i) => (
                      <li key={i}>{reason}</li>
                    ))}
                  </ul>
                  <Link to={`/${locale}/exchange/${m.item.id}?from=${item.id}#contact-title`} className="button-link">
                    {t("exchangePages.contact.title")}
                    <span className="visually-hidden">
                      {": "}
                      <span lang={m.item.language}>{m.item.title}</span>
                    </span>
                  </Link>{" "}
                  <IntentButton intent="dismiss" other={m.item.id} label={t("exchangePages.matches.dismiss")} hidden={{ text: m.item.title, lang: m.item.language }} className="secondary" />
                </li>
              ))}
            </ol>
          )}
          {dismissed.length > 0 && (
            <details className="dismissed">
              <summary>{t("exchangePages.matches.dismissedCount", { count: dismissed.length })}</summary>
              <ul className="links">
                {dismissed.map((d) => (
                  <li key={d.id}>
                    <Link to={`/${locale}/exchange/${d.id}`} lang={d.language}>
                      {d.title}
                    </Link>{" "}
                    <span className="muted">· {d.organization}</span>{" "}
                    <IntentButton intent="undo" other={d.id} label={t("exchangePages.matches.undo")} hidden={{ text: d.title, lang: d.language }} className="secondary" />
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}
    </>
  );
}
