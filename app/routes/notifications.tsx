// The person's inbox: what happened that concerns them, newest first, the unread ones marked in
// words; "Mark all as read", pages, only the unread ones, and the way to the settings. Each line
// goes through this page (?read=<id>&to=<path>), which marks it read and sends the person on.
import { Form, Link, redirect } from "react-router";
import { listNotifications } from "../../modules/notifications/list-notifications.ts";
import { markNotificationsRead } from "../../modules/notifications/mark-notifications-read.ts";
import { CsrfField } from "../components/form.tsx";
import { Pagination } from "../components/pagination.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, pageLocale, requireActor, safeNext, services } from "../route-helpers.ts";
import stylesheet from "../styles/exchange.css?url";
import type { Route } from "./+types/notifications";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

const pageSize = 20;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const url = new URL(request.url);
  // Following a notification: marked read (only one's own: other ids are ignored), then where it points.
  const read = url.searchParams.get("read");
  if (read !== null) {
    if (uuidPattern.test(read)) await markNotificationsRead(ctx, actor, { ids: [read] });
    const to = `/${locale}${url.searchParams.get("to") ?? ""}`;
    // Only a page of this site: anything else comes back to the inbox.
    throw redirect(safeNext(to, locale) === to ? to : `/${locale}/notifications`);
  }
  const unreadOnly = url.searchParams.get("unread") === "1";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  const result = await listNotifications(ctx, actor, { page, pageSize, ...(unreadOnly ? { unread: "1" as const } : {}) }, locale);
  return { ...result, page, pageCount: Math.max(1, Math.ceil(result.total / pageSize)), unreadOnly, done: url.searchParams.get("done") === "read" };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const fields = await formFields(request);
  try {
    await markNotificationsRead(services(context), actor, { all: true });
    return redirect(`/${locale}/notifications?done=read${fields.unread === "1" ? "&unread=1" : ""}`);
  } catch (error) {
    return formError(error, locale);
  }
}

export default function Notifications({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale, dateTime } = useI18n();
  const { items, unread, total, page, pageCount, unreadOnly, done } = loaderData;
  const base = `/${locale}/notifications`;
  const link = (p: number) => `${base}?${new URLSearchParams({ ...(unreadOnly ? { unread: "1" } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`.replace(/\?$/, "");
  return (
    <>
      <title>{`${t("notificationsPages.inbox.title")} · Pares`}</title>
      <h1>{t("notificationsPages.inbox.title")}</h1>
      <p className="lead">{t("notificationsPages.inbox.unreadCount", { count: unread })}</p>
      {done && !actionData && (
        <p role="status" className="notice">
          {t("notificationsPages.inbox.allRead")}
        </p>
      )}
      {actionData?.errors?.form && (
        <p role="alert" className="alert">
          {actionData.errors.form}
        </p>
      )}
      <div className="inbox-tools">
        <nav aria-label={t("notificationsPages.inbox.show")}>
          <ul className="queue-states">
            <li>
              <Link to={base} aria-current={unreadOnly ? undefined : "page"}>
                {t("notificationsPages.inbox.all")}
              </Link>
            </li>
            <li>
              <Link to={`${base}?unread=1`} aria-current={unreadOnly ? "page" : undefined}>
                {t("notificationsPages.inbox.onlyUnread")}
              </Link>
            </li>
          </ul>
        </nav>
        {unread > 0 && (
          <Form method="post">
            <CsrfField />
            {unreadOnly && <input type="hidden" name="unread" value="1" />}
            <button type="submit" className="secondary">
              {t("notificationsPages.inbox.markAll")}
            </button>
          </Form>
        )}
        <p>
          <Link to={`/${locale}/account/notifications`}>{t("notificationsPages.settings.title")}</Link>
        </p>
      </div>
      {items.length === 0 ? (
        <p>{total === 0 && unreadOnly ? t("notificationsPages.inbox.noneUnread") : t("notificationsPages.inbox.none")}</p>
      ) : (
        <ol className="inbox">
          {items.map((n) => (
            <li key={n.id} className={n.read ? "read" : "unread"}>
              {!n.read && (
                <>
                  <span className="badge new">{t("notificationsPages.inbox.new")}</span>{" "}
                </>
              )}
              <Link to={`${base}?${new URLSearchParams({ read: n.id, to: n.path })}`}>{n.text}</Link>{" "}
              <span className="muted">
                · <time dateTime={n.createdAt}>{dateTime(n.createdAt)}</time>
              </span>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageCount={pageCount} link={link} />
    </>
  );
}
