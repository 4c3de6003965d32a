import { Form, redirect } from "react-router";
import { listSessions } from "../../modules/accounts/list-sessions.ts";
import { signOutElsewhere } from "../../modules/accounts/sign-out-elsewhere.ts";
import { AppError } from "../../platform/errors.ts";
import { CsrfField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/account-sessions";

function toSignIn(error: unknown, locale: string): never {
  if (error instanceof AppError && error.code === "unauthorized") throw redirect(`/${locale}/sign-in`);
  throw error;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  try {
    const sessions = await listSessions(services(context), request.headers);
    return { sessions: sessions.map((s) => ({ ...s, createdAt: s.createdAt.toISOString(), lastActiveAt: s.lastActiveAt.toISOString() })) };
  } catch (error) {
    return toSignIn(error, pageLocale(params));
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  try {
    await signOutElsewhere(services(context), request.headers);
  } catch (error) {
    return toSignIn(error, pageLocale(params));
  }
  return { signedOutElsewhere: true };
}

export default function AccountSessions({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const others = loaderData.sessions.filter((s) => !s.current).length;
  return (
    <>
      <title>{`${t("sessions.title")} · Pares`}</title>
      <h1>{t("sessions.title")}</h1>
      <p>{t("sessions.intro")}</p>
      {actionData?.signedOutElsewhere && <p role="status">{t("sessions.done")}</p>}
      <ul className="cards">
        {loaderData.sessions.map((s) => (
          <li key={s.id} className="card">
            <h2 className="card-title">{s.current ? t("sessions.current") : t("sessions.other")}</h2>
            <p>{s.userAgent ?? t("sessions.unknownDevice")}</p>
            <p className="muted">
              {t("sessions.lastActive", { time: dateTime(s.lastActiveAt) })}
              {s.ipAddress && <> · {t("sessions.address", { ip: s.ipAddress })}</>}
            </p>
          </li>
        ))}
      </ul>
      {others > 0 && (
        <Form method="post">
          <CsrfField />
          <button type="submit">{t("sessions.signOutElsewhere", { count: others })}</button>
        </Form>
      )}
    </>
  );
}
