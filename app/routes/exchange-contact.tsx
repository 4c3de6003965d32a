// A contact request (the page its e-mail links to): who asked, for which organization, about which
// offer or need, their message and where it stands. The organization asked accepts (the
// conversation opens and the page goes there) or declines, with a reason if it wants.
import { Form, Link, redirect } from "react-router";
import { decideContact } from "../../modules/exchange/decide-contact.ts";
import { getContact } from "../../modules/exchange/get-contact.ts";
import { Paragraphs } from "../components/exchange-parts.tsx";
import { CsrfField, ErrorSummary, type FormErrors, TextAreaField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, orNotFound, pageLocale, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/exchange.css?url";
import type { Route } from "./+types/exchange-contact";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** What the page confirms (?done=…): the request sent, one already sent, or declined. */
const doneKeys = ["sent", "repeated", "declined"] as const;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const contact = await orNotFound(getContact(services(context), actor, params.id, locale));
  const done = new URL(request.url).searchParams.get("done");
  return { contact, done: doneKeys.find((d) => d === done) ?? null };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const fields = await formFields(request);
  const decision = fields.decision === "accept" ? "accept" : "decline";
  try {
    const result = await decideContact(services(context), actor, params.id, { decision, reason: decision === "decline" ? (fields.reason ?? "") : "" });
    if (result.conversationId) return redirect(`/${locale}/exchange/conversations/${result.conversationId}?done=accepted`);
    return redirect(`/${locale}/exchange/contacts/${params.id}?done=declined`);
  } catch (error) {
    return formError(error, locale, { reason: fields.reason ?? "" });
  }
}

export default function ExchangeContact({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale, dateTime } = useI18n();
  const { contact, done } = loaderData;
  const errors = actionData?.errors as FormErrors | undefined;
  const incoming = contact.direction === "incoming";
  const title = t("exchangePages.contactPage.title", { title: contact.itemTitle });
  return (
    <>
      <title>{`${title} · Pares`}</title>
      <p>
        <Link to={`/${locale}/exchange/conversations`}>{t("exchangePages.conversations.title")}</Link>
      </p>
      <h1>{title}</h1>
      {done && !actionData && (
        <p role="status" className="notice">
          {t(`exchangePages.contactPage.done.${done}`)}
        </p>
      )}
      {/* Also when the answer was refused because a colleague answered first (the forms are gone then). */}
      <ErrorSummary errors={errors} labels={{ reason: t("exchangePages.contactPage.declineReason"), decision: t("exchangePages.contactPage.decideTitle") }} />
      <p className="lead">
        {incoming ? t("exchangePages.contactPage.incoming", { organization: contact.otherOrganization }) : t("exchangePages.contactPage.outgoing", { organization: contact.otherOrganization })}
      </p>
      <dl className="facts">
        <dt>{t("exchangePages.contactPage.item")}</dt>
        <dd>
          <Link to={`/${locale}/exchange/${contact.itemId}`}>{contact.itemTitle}</Link>
        </dd>
        <dt>{t("exchangePages.contactPage.requester")}</dt>
        <dd>
          {contact.requester ?? t("exchangePages.contactPage.formerMember")} · {incoming ? contact.otherOrganization : t("exchangePages.contactPage.yourOrganization")}
        </dd>
        <dt>{t("exchangePages.contactPage.sentOn")}</dt>
        <dd>
          <time dateTime={contact.createdAt}>{dateTime(contact.createdAt)}</time>
        </dd>
        <dt>{t("exchangePages.field.status")}</dt>
        <dd>
          <strong>{t(`exchangePages.contactStatus.${contact.status}`)}</strong>
        </dd>
        {contact.declineReason && (
          <>
            <dt>{t("exchangePages.contactPage.reason")}</dt>
            <dd>
              <Paragraphs text={contact.declineReason} />
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby="message-title">
        <h2 id="message-title">{t("exchangePages.contactPage.message")}</h2>
        <blockquote className="message-body">
          <Paragraphs text={contact.message} />
        </blockquote>
      </section>
      {contact.conversationId && (
        <p>
          <Link to={`/${locale}/exchange/conversations/${contact.conversationId}`} className="button-link">
            {t("exchangePages.contactPage.openConversation")}
          </Link>
        </p>
      )}
      {contact.status === "requested" && !incoming && <p className="notice">{t("exchangePages.contactPage.waiting", { organization: contact.otherOrganization })}</p>}
      {contact.canDecide && (
        <section className="exchange-actions" aria-labelledby="decide-title">
          <h2 id="decide-title">{t("exchangePages.contactPage.decideTitle")}</h2>
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="decision" value="accept" />
            <p className="hint">{t("exchangePages.contactPage.acceptHint")}</p>
            <div>
              <button type="submit">{t("exchangePages.contactPage.accept")}</button>
            </div>
          </Form>
          <Form method="post" className="stack decline-form" noValidate>
            <CsrfField />
            <input type="hidden" name="decision" value="decline" />
            <TextAreaField
              name="reason"
              label={t("exchangePages.contactPage.declineReason")}
              hint={t("exchangePages.contactPage.declineReasonHint")}
              rows={3}
              maxLength={1000}
              defaultValue={actionData?.reason ?? ""}
              error={errors?.fields?.reason}
            />
            <div>
              <button type="submit" className="secondary">
                {t("exchangePages.contactPage.decline")}
              </button>
            </div>
          </Form>
        </section>
      )}
    </>
  );
}
