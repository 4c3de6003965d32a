import { Link, redirect } from "react-router";
import { getCurrentUser } from "../../modules/accounts/get-current-user.ts";
import { useI18n } from "../i18n.tsx";
import { pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/account";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await getCurrentUser(services(context), request.headers);
  if (!user) throw redirect(`/${pageLocale(params)}/sign-in`);
  return { user };
}

export default function Account({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { user } = loaderData;
  return (
    <>
      <title>{`${t("account.title")} · Pares`}</title>
      <h1>{t("account.title")}</h1>
      <dl className="facts">
        <dt>{t("account.name")}</dt>
        <dd>{user.name}</dd>
        <dt>{t("account.email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("account.language")}</dt>
        <dd>{t(`language.${user.locale}`)}</dd>
        {user.role === "admin" && (
          <>
            <dt>{t("account.role")}</dt>
            <dd>{t("account.role.admin")}</dd>
          </>
        )}
      </dl>
      <p>
        <Link to={`/${locale}/account/sessions`}>{t("sessions.title")}</Link>
      </p>
    </>
  );
}
