import { Form, Link } from "react-router";
import { getProfile } from "../../modules/accounts/get-profile.ts";
import { requestEmailChange } from "../../modules/accounts/request-email-change.ts";
import { AppError } from "../../platform/errors.ts";
import { CsrfField, ErrorSummary, TextField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, pageLocale, requireUser, services, signInRedirect } from "../route-helpers.ts";
import type { Route } from "./+types/account-email";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(context, request, params);
  const profile = await getProfile(services(context), user.id);
  return { email: profile.email, confirmWith: profile.confirmWith };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const fields = await formFields(request);
  try {
    const { newEmail } = await requestEmailChange(
      services(context),
      { newEmail: fields.newEmail ?? "", password: fields.password, confirmEmail: fields.confirmEmail },
      request.headers,
    );
    return { sent: newEmail };
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") throw signInRedirect(request, locale);
    return formError(error, locale, { newEmail: fields.newEmail ?? "" });
  }
}

export default function AccountEmail({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const labels = { newEmail: t("emailChange.newEmail"), password: t("account.currentPassword"), confirmEmail: t("account.confirmEmail") };
  return (
    <>
      <title>{`${t("emailChange.title")} · Pares`}</title>
      <h1>{t("emailChange.title")}</h1>
      {actionData && "sent" in actionData ? (
        <>
          <p role="status">{t("emailChange.sent", { email: actionData.sent })}</p>
          <p>
            <Link to={`/${locale}/account`}>{t("account.back")}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t("emailChange.intro")}</p>
          <dl className="facts">
            <dt>{t("emailChange.current")}</dt>
            <dd>{loaderData.email}</dd>
          </dl>
          <ErrorSummary errors={errors} labels={labels} />
          <Form method="post" className="stack narrow" noValidate>
            <CsrfField />
            <TextField
              name="newEmail"
              label={labels.newEmail}
              type="email"
              autoComplete="email"
              required
              defaultValue={actionData && "newEmail" in actionData ? actionData.newEmail : undefined}
              error={errors?.fields?.newEmail}
            />
            {loaderData.confirmWith === "password" ? (
              <TextField name="password" label={labels.password} type="password" autoComplete="current-password" required error={errors?.fields?.password} />
            ) : (
              <TextField name="confirmEmail" label={labels.confirmEmail} type="email" required hint={t("account.confirmEmail.hint")} error={errors?.fields?.confirmEmail} />
            )}
            <div>
              <button type="submit">{t("emailChange.submit")}</button>
            </div>
          </Form>
          <p>
            <Link to={`/${locale}/account`}>{t("account.back")}</Link>
          </p>
        </>
      )}
    </>
  );
}
