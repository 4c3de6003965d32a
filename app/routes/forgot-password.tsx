import { Form, Link } from "react-router";
import { requestPasswordReset } from "../../modules/accounts/request-password-reset.ts";
import { CsrfField, ErrorSummary, TextField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/forgot-password";

export async function action({ request, params, context }: Route.ActionArgs) {
  const fields = await formFields(request);
  try {
    await requestPasswordReset(services(context), { email: fields.email ?? "" });
    return { sent: true as const };
  } catch (error) {
    return formError(error, pageLocale(params));
  }
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const sent = actionData && "sent" in actionData;
  return (
    <>
      <title>{`${t("forgot.title")} · Pares`}</title>
      <h1>{t("forgot.title")}</h1>
      {sent ? (
        <p role="status">{t("forgot.sent")}</p>
      ) : (
        <>
          <p>{t("forgot.intro")}</p>
          <ErrorSummary errors={errors} labels={{ email: t("account.email") }} />
          <Form method="post" className="stack narrow" noValidate>
            <CsrfField />
            <TextField name="email" label={t("account.email")} type="email" autoComplete="email" required error={errors?.fields?.email} />
            <div>
              <button type="submit">{t("forgot.submit")}</button>
            </div>
          </Form>
        </>
      )}
      <p>
        <Link to={`/${locale}/sign-in`}>{t("signIn.title")}</Link>
      </p>
    </>
  );
}
