import { Form, Link, redirect } from "react-router";
import { deleteAccount } from "../../modules/accounts/delete-account.ts";
import { getProfile } from "../../modules/accounts/get-profile.ts";
import { listDeletionBlockers } from "../../modules/accounts/list-deletion-blockers.ts";
import { AppError } from "../../platform/errors.ts";
import { CsrfField, ErrorSummary, TextField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, pageLocale, requireUser, services, signInRedirect } from "../route-helpers.ts";
import type { Route } from "./+types/account-delete";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(context, request, params);
  const ctx = services(context);
  const [profile, blockers] = await Promise.all([getProfile(ctx, user.id), listDeletionBlockers(ctx, user.id)]);
  return { confirmWith: profile.confirmWith, blockers };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const fields = await formFields(request);
  try {
    const { headers } = await deleteAccount(services(context), { password: fields.password, confirmEmail: fields.confirmEmail }, request.headers);
    const response = redirect(`/${locale}/account/deleted`);
    for (const cookie of headers.getSetCookie()) response.headers.append("Set-Cookie", cookie);
    return response;
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") throw signInRedirect(request, locale);
    return formError(error, locale);
  }
}

export default function AccountDelete({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const errors = actionData?.errors;
  const labels = { password: t("account.currentPassword"), confirmEmail: t("account.confirmEmail") };
  return (
    <>
      <title>{`${t("deleteAccount.title")} · Pares`}</title>
      <h1>{t("deleteAccount.title")}</h1>
      <p>{t("deleteAccount.erased")}</p>
      <p>{t("deleteAccount.kept")}</p>
      <p>
        {t("deleteAccount.exportFirst")} <a href={`/${locale}/account/export`} download>{t("account.export")}</a>
      </p>
      {loaderData.blockers.length > 0 ? (
        <div className="alert" role="note" aria-labelledby="blockers-title">
          <h2 id="blockers-title">{t("deleteAccount.blocked.title")}</h2>
          <p>{t("error.deleteAccount.lastFocalPoint")}</p>
          <ul>
            {loaderData.blockers.map((o) => (
              <li key={o.id}>{o.name}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <ErrorSummary errors={errors} labels={labels} />
          <Form method="post" className="stack narrow" noValidate>
            <CsrfField />
            {loaderData.confirmWith === "password" ? (
              <TextField name="password" label={labels.password} type="password" autoComplete="current-password" required error={errors?.fields?.password} />
            ) : (
              <TextField name="confirmEmail" label={labels.confirmEmail} type="email" required hint={t("account.confirmEmail.hint")} error={errors?.fields?.confirmEmail} />
            )}
            <div>
              <button type="submit" className="danger">
                {t("deleteAccount.submit")}
              </button>
            </div>
          </Form>
        </>
      )}
      <p>
        <Link to={`/${locale}/account`}>{t("account.back")}</Link>
      </p>
    </>
  );
}
