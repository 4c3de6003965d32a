// A conversation between two organizations about an offer or a need: its messages (author and
// organization, time in the reader's zone, line breaks kept, attachments to download), the ones
// not read yet marked; a form to write (with files, sent once however often it is posted) and one
// to close it with its outcome. A closed conversation shows how it ended and takes no more messages.
import { randomUUID } from "node:crypto";
import { data, Form, Link, redirect } from "react-router";
import { closeConversation } from "../../modules/exchange/close-conversation.ts";
import { getConversation } from "../../modules/exchange/get-conversation.ts";
import { maxMessageFileBytes, maxMessageFiles, postMessage } from "../../modules/exchange/post-message.ts";
import { conversationOutcomes } from "../../modules/exchange/schema.ts";
import { Paragraphs } from "../components/exchange-parts.tsx";
import { CsrfField, ErrorSummary, type FormErrors, TextAreaField } from "../components/form.tsx";
import { RadiosField } from "../components/governance-fields.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, orNotFound, pageLocale, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/exchange.css?url";
import type { Route } from "./+types/exchange-conversation";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** Each attachment's limit, in MB (the page's body limit, uploadBodyLimit in server/app.ts, fits them all). */
const fileMb = maxMessageFileBytes / 1024 / 1024;

const doneKeys = ["accepted", "sent", "closed"] as const;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  // Reading the conversation marks its messages read for this person.
  const conversation = await orNotFound(getConversation(services(context), actor, params.id, locale));
  const done = new URL(request.url).searchParams.get("done");
  return {
    conversation,
    done: doneKeys.find((d) => d === done) ?? null,
    // One key per form shown: a message posted twice (a double click, a retry) is written once.
    key: randomUUID(),
    limits: { files: maxMessageFiles, mb: fileMb },
    // Values a component needs travel as loader data (the schema module stays on the server).
    outcomes: [...conversationOutcomes],
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const form = await request.formData();
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" ? value : "";
  };
  const intent = text("intent");
  const base = `/${locale}/exchange/conversations/${params.id}`;
  try {
    if (intent === "message") {
      // An empty file field still sends a nameless, empty part.
      const files = await Promise.all(
        form
          .getAll("files")
          .filter((f): f is File => typeof f !== "string" && f.size > 0)
          .map(async (f) => ({ bytes: new Uint8Array(await f.arrayBuffer()), name: f.name })),
      );
      const posted = await postMessage(ctx, actor, params.id, { body: text("body"), idempotencyKey: text("key") || undefined }, files);
      return redirect(`${base}?done=sent#message-${posted.id}`);
    }
    if (intent === "close") {
      await closeConversation(ctx, actor, params.id, { outcome: text("outcome") as (typeof conversationOutcomes)[number], note: text("note") });
      return redirect(`${base}?done=closed`);
    }
  } catch (error) {
    return formError(error, locale, { intent, values: { body: text("body"), outcome: text("outcome"), note: text("note") } });
  }
  throw data(null, { status: 400 });
}

/** A file's size in the reader's language: kilobytes, or megabytes past one. */
function useSize() {
  const { number } = useI18n();
  return (bytes: number) =>
    bytes >= 1024 * 1024
      ? number(bytes / (1024 * 1024), { style: "unit", unit: "megabyte", maximumFractionDigits: 1 })
      : number(Math.max(1, Math.round(bytes / 1024)), { style: "unit", unit: "kilobyte" });
}

export default function ExchangeConversation({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale, dateTime } = useI18n();
  const size = useSize();
  const { conversation: c, done, key, limits, outcomes } = loaderData;
  const errors = actionData?.errors as FormErrors | undefined;
  const intent = actionData?.intent;
  const values = actionData?.values;
  const base = `/${locale}/exchange/conversations/${c.id}`;
  const title = t("exchangePages.conversation.title", { title: c.item.title });
  const unread = c.messages.filter((m) => m.unread).length;
  const labels = {
    body: t("exchangePages.conversation.body"),
    files: t("exchangePages.conversation.files"),
    outcome: t("exchangePages.conversation.outcome"),
    note: t("exchangePages.conversation.note"),
  };
  return (
    <>
      <title>{`${title} · Pares`}</title>
      <p>
        <Link to={`/${locale}/exchange/conversations`}>{t("exchangePages.conversations.title")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">
        {t("exchangePages.conversation.between", { a: c.organizations[0]?.name ?? "", b: c.organizations[1]?.name ?? "" })}{" "}
        <Link to={`/${locale}/exchange/${c.item.id}`}>{t("exchangePages.conversation.seeItem")}</Link>
      </p>
      {done && !actionData && (
        <p role="status" className="notice">
          {t(`exchangePages.conversation.done.${done}`)}
        </p>
      )}
      <ErrorSummary errors={errors} labels={labels} />
      {!c.open && (
        <div className="notice">
          <p>
            <strong>{t("exchangePages.conversation.closedOn", { date: dateTime(c.closedAt ?? "") })}</strong>{" "}
            {t("exchangePages.conversation.outcomeIs", { outcome: c.outcome ? t(`exchange.outcome.${c.outcome}`) : "" })}
          </p>
          {c.outcomeNote && <Paragraphs text={c.outcomeNote} />}
        </div>
      )}

      <section aria-labelledby="messages-title">
        <h2 id="messages-title">{t("exchangePages.conversation.messages", { count: c.messages.length })}</h2>
        {unread > 0 && <p>{t("exchangePages.conversation.unreadNote", { count: unread })}</p>}
        <ol className="messages">
          {c.messages.map((m) => (
            <li key={m.id} id={`message-${m.id}`} className={`message${m.own ? " own" : ""}${m.unread ? " unread" : ""}`}>
              <p className="message-meta">
                {m.unread && (
                  <>
                    <span className="badge new">{t("exchangePages.conversation.new")}</span>{" "}
                  </>
                )}
                {/* The author's label names their organization ("Ana Souza · Prefeitura de X", or a former member of it). */}
                <strong>{m.author}</strong> · <time dateTime={m.createdAt}>{dateTime(m.createdAt)}</time>
              </p>
              <div className="message-body">
                <Paragraphs text={m.body} />
              </div>
              {m.files.length > 0 && (
                <ul className="files" aria-label={t("exchangePages.conversation.attachments")}>
                  {m.files.map((f) => (
                    <li key={f.id}>
                      <a href={`${base}/files/${f.id}`} download={f.name}>
                        {f.name}
                      </a>{" "}
                      <span className="muted">({size(f.bytes)})</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>

      {c.open && (
        <>
          <section aria-labelledby="write-title" className="exchange-actions">
            <h2 id="write-title">{t("exchangePages.conversation.write")}</h2>
            <Form method="post" encType="multipart/form-data" className="stack" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="message" />
              <input type="hidden" name="key" value={key} />
              <TextAreaField
                name="body"
                label={labels.body}
                rows={6}
                maxLength={8000}
                defaultValue={intent === "message" ? (values?.body ?? "") : ""}
                error={intent === "message" ? errors?.fields?.body : undefined}
              />
              <div className="field">
                <label htmlFor="files">{labels.files}</label>
                <input
                  id="files"
                  name="files"
                  type="file"
                  multiple
                  accept="image/png,image/jpeg,image/webp,application/pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.csv"
                  aria-describedby={`files-hint${intent === "message" && errors?.fields?.files ? " files-error" : ""}`}
                  aria-invalid={intent === "message" && errors?.fields?.files ? true : undefined}
                />
                <p id="files-hint" className="hint">
                  {t("exchangePages.conversation.filesHint", { files: limits.files, mb: limits.mb })}
                </p>
                {intent === "message" && errors?.fields?.files && (
                  <p id="files-error" className="field-error">
                    {errors.fields.files}
                  </p>
                )}
              </div>
              <div>
                <button type="submit">{t("exchangePages.conversation.send")}</button>
              </div>
            </Form>
          </section>

          <section aria-labelledby="close-title" className="exchange-actions">
            <h2 id="close-title">{t("exchangePages.conversation.closeTitle")}</h2>
            <p className="hint">{t("exchangePages.conversation.closeHint")}</p>
            <Form method="post" className="stack" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="close" />
              <RadiosField
                id="outcome"
                name="outcome"
                legend={labels.outcome}
                checked={intent === "close" ? values?.outcome : undefined}
                error={intent === "close" ? errors?.fields?.outcome : undefined}
                options={outcomes.map((o) => ({ value: o, label: t(`exchange.outcome.${o}`) }))}
              />
              <TextAreaField
                name="note"
                label={labels.note}
                hint={t("exchangePages.conversation.noteHint")}
                rows={3}
                maxLength={1000}
                defaultValue={intent === "close" ? (values?.note ?? "") : ""}
                error={intent === "close" ? errors?.fields?.note : undefined}
              />
              <div>
                <button type="submit" className="secondary">
                  {t("exchangePages.conversation.close")}
                </button>
              </div>
            </Form>
          </section>
        </>
      )}
    </>
  );
}
