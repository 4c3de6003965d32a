// The page an e-mail's "stop e-mails of this kind" link opens, without signing in: it says which
// e-mails would stop and asks first (mail scanners follow links, so the GET changes nothing); the
// button does it. Mail clients' one-click unsubscribe (RFC 8058) posts to the API instead.
import { data, Form, Link, redirect } from "react-router";
import { describeUnsubscribe, unsubscribe } from "../../modules/notifications/unsubscribe.ts";
import { AppError } from "../../platform/errors.ts";
import { CsrfField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/notifications-unsubscribe";

/** A link that is not (or no longer) valid: said on the page, with the way to the settings. */
function invalidLink(error: unknown) {
  if (error instanceof AppError && error.code === "not_found") return data({ kind: null, done: false }, { status: 404 });
  throw error;
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  try {
    const { kind } = await describeUnsubscribe(services(context), params.token);
    return { kind, done: new URL(request.url).searchParams.has("done") };
  } catch (error) {
    return invalidLink(error);
  }
}

export async function action({ params, context }: Route.ActionArgs) {
  try {
    await unsubscribe(services(context), params.token);
    return redirect(`/${pageLocale(params)}/notifications/unsubscribe/${params.token}?done`);
  } catch (error) {
    return invalidLink(error);
  }
}

export default function NotificationsUnsubscribe({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { kind, done } = loaderData;
  const title = t("notificationsPages.unsubscribe.title");
  const what = kind === null ? "" : kind.startsWith("digest.") ? t(`notificationsPages.unsubscribe.${kind}`) : t(`notifications.kind.${kind}`);
  return (
    <>
      <title>{`${title} · Pares`}</title>
      <h1>{title}</h1>
      {kind === null ? (
        <p className="notice">{t("notifications.error.unsubscribeLink")}</p>
      ) : done ? (
        <div role="status" className="notice">
          <p>{t("notificationsPages.unsubscribe.done", { kind: what })}</p>
        </div>
      ) : (
        <>
          <p className="lead">{t(kind.startsWith("digest.") ? "notificationsPages.unsubscribe.askDigest" : "notificationsPages.unsubscribe.ask", { kind: what })}</p>
          <p>{t("notificationsPages.unsubscribe.inboxStays")}</p>
          <Form method="post">
            <CsrfField />
            <button type="submit">{t("notificationsPages.unsubscribe.submit")}</button>
          </Form>
        </>
      )}
      <p>
        {t("notificationsPages.unsubscribe.settingsIntro")} <Link to={`/${locale}/account/notifications`}>{t("notificationsPages.settings.title")}</Link>
      </p>
    </>
  );
}
