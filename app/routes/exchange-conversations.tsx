// The conversations of the person's organizations with other cities (the latest first, with the
// messages they have not read), and the contact requests received and sent, with where each stands.
import { Link } from "react-router";
import { listContacts, listConversations } from "../../modules/exchange/list-conversations.ts";
import { useI18n } from "../i18n.tsx";
import { pageLocale, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/exchange.css?url";
import type { Route } from "./+types/exchange-conversations";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const [conversations, contacts] = await Promise.all([listConversations(ctx, actor, locale), listContacts(ctx, actor, locale)]);
  return {
    hasOrganizations: actor.memberships.size > 0,
    conversations,
    received: contacts.filter((c) => c.direction === "incoming"),
    sent: contacts.filter((c) => c.direction === "outgoing"),
  };
}

type Contact = Awaited<ReturnType<typeof loader>>["sent"][number];

function ContactTable({ id, caption, contacts, otherLabel }: { id: string; caption: string; contacts: Contact[]; otherLabel: string }) {
  const { t, locale, dateTime } = useI18n();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{caption}</h2>
      {contacts.length === 0 ? (
        <p>{t("exchangePages.conversations.noContacts")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("exchangePages.contactPage.item")}</th>
                <th scope="col">{otherLabel}</th>
                <th scope="col">{t("exchangePages.contactPage.sentOn")}</th>
                <th scope="col">{t("exchangePages.field.status")}</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/${locale}/exchange/contacts/${c.id}`}>{c.itemTitle}</Link>
                  </td>
                  <td>{c.otherOrganization}</td>
                  <td>
                    <time dateTime={c.createdAt}>{dateTime(c.createdAt)}</time>
                  </td>
                  <td>
                    {c.status === "requested" && c.direction === "incoming" ? <strong>{t("exchangePages.contactStatus.toAnswer")}</strong> : t(`exchangePages.contactStatus.${c.status}`)}
                    {c.conversationId && (
                      <>
                        {" · "}
                        <Link to={`/${locale}/exchange/conversations/${c.conversationId}`}>
                          {t("exchangePages.conversations.open")}
                          <span className="visually-hidden">: {c.itemTitle}</span>
                        </Link>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export default function ExchangeConversations({ loaderData }: Route.ComponentProps) {
  const { t, locale, dateTime } = useI18n();
  const { conversations, received, sent, hasOrganizations } = loaderData;
  return (
    <>
      <title>{`${t("exchangePages.conversations.title")} · Pares`}</title>
      <p>
        <Link to={`/${locale}/exchange`}>{t("exchangePages.browse.title")}</Link>
      </p>
      <h1>{t("exchangePages.conversations.title")}</h1>
      <p className="lead">{t("exchangePages.conversations.intro")}</p>
      {!hasOrganizations && (
        <p className="notice">
          {t("exchangePages.conversations.noOrganization")} <Link to={`/${locale}/account/organizations`}>{t("exchangePages.browse.myOrganizations")}</Link>
        </p>
      )}
      <section aria-labelledby="conversations-title">
        <h2 id="conversations-title">{t("exchangePages.conversations.listTitle")}</h2>
        {conversations.length === 0 ? (
          <p>{t("exchangePages.conversations.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="conversations">
              <caption className="visually-hidden">{t("exchangePages.conversations.listTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("exchangePages.contactPage.item")}</th>
                  <th scope="col">{t("exchangePages.conversations.with")}</th>
                  <th scope="col">{t("exchangePages.conversations.lastMessage")}</th>
                  <th scope="col">{t("exchangePages.conversations.unread")}</th>
                  <th scope="col">{t("exchangePages.field.status")}</th>
                </tr>
              </thead>
              <tbody>
                {conversations.map((c) => (
                  <tr key={c.id} className={c.unread > 0 ? "has-unread" : undefined}>
                    <td>
                      <Link to={`/${locale}/exchange/conversations/${c.id}`}>{c.itemTitle}</Link>
                    </td>
                    <td>{c.otherOrganization}</td>
                    <td>
                      <time dateTime={c.lastMessageAt}>{dateTime(c.lastMessageAt)}</time>
                    </td>
                    <td>{c.unread > 0 ? <strong>{t("exchangePages.conversations.unreadCount", { count: c.unread })}</strong> : t("exchangePages.conversations.unreadCount", { count: 0 })}</td>
                    <td>{c.open ? t("exchangePages.conversations.statusOpen") : t("exchangePages.conversations.statusClosed", { outcome: c.outcome ? t(`exchange.outcome.${c.outcome}`) : "" })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <ContactTable id="received-title" caption={t("exchangePages.conversations.received")} contacts={received} otherLabel={t("exchangePages.conversations.from")} />
      <ContactTable id="sent-title" caption={t("exchangePages.conversations.sent")} contacts={sent} otherLabel={t("exchangePages.conversations.to")} />
    </>
  );
}
