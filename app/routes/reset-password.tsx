import { Form, Link, useSearchParams } from "react-router";
import { resetPassword } from "../../modules/accounts/reset-password.ts";
import { CsrfField, ErrorSummary, NewPasswordField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/reset-password";

export async function action({ request, params, context }: Route.ActionArgs) {
  const fields = await formFields(request);
  try {
    await resetPassword(services(context), { token: fields.token ?? "", password: fields.password ?? "" }, request.headers);
    return { done: true as const };
  } catch (error) {
    return formError(error, pageLocale(params));
  }
}

export default function ResetPassword({ actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  if (actionData && "done" in actionData) {
    return (
      <>
        <title>{`${t("reset.title")} · Pares`}</title>
        <h1>{t("reset.title")}</h1>
        <p role="status">
          {t("reset.done")} <Link to={`/${locale}/sign-in`}>{t("signIn.title")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <title>{`${t("reset.title")} · Pares`}</title>
      <h1>{t("reset.title")}</h1>
      <ErrorSummary errors={errors} labels={{ password: t("account.newPassword") }} />
      <Form method="post" className="stack narrow" noValidate>
        <CsrfField />
        <input type="hidden" name="token" value={params.get("token") ?? ""} />
        <NewPasswordField label={t("account.newPassword")} error={errors?.fields?.password} />
        <div>
          <button type="submit">{t("reset.submit")}</button>
        </div>
      </Form>
      <p>
        <Link to={`/${locale}/forgot-password`}>{t("forgot.title")}</Link>
      </p>
    </>
  );
}
