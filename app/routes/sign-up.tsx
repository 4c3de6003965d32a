import { Form, Link, redirect } from "react-router";
import { signUp } from "../../modules/accounts/sign-up.ts";
import { CsrfField, ErrorSummary, NewPasswordField, TextField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/sign-up";

export async function action({ request, params, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const fields = await formFields(request);
  try {
    await signUp(services(context), { name: fields.name ?? "", email: fields.email ?? "", password: fields.password ?? "", locale });
  } catch (error) {
    return formError(error, locale);
  }
  return redirect(`/${locale}/check-email`);
}

export default function SignUp({ actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const errors = actionData?.errors;
  const labels = { name: t("account.name"), email: t("account.email"), password: t("account.password") };
  return (
    <>
      <title>{`${t("signUp.title")} · Pares`}</title>
      <h1>{t("signUp.title")}</h1>
      <p>{t("signUp.intro")}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" className="stack narrow" noValidate>
        <CsrfField />
        <TextField name="name" label={labels.name} autoComplete="name" required maxLength={200} error={errors?.fields?.name} />
        <TextField name="email" label={labels.email} type="email" autoComplete="email" required error={errors?.fields?.email} />
        <NewPasswordField label={labels.password} error={errors?.fields?.password} />
        <div>
          <button type="submit">{t("signUp.submit")}</button>
        </div>
      </Form>
      <p>
        {t("signUp.haveAccount")} <Link to={`/${locale}/sign-in`}>{t("signIn.title")}</Link>
      </p>
    </>
  );
}
