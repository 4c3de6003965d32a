import { Form, Link, redirect, useSearchParams } from "react-router";
import { signIn } from "../../modules/accounts/sign-in.ts";
import { CsrfField, ErrorSummary, TextField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, pageLocale, safeNext, services } from "../route-helpers.ts";
import type { Route } from "./+types/sign-in";

export async function action({ request, params, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const fields = await formFields(request);
  try {
    const { headers } = await signIn(services(context), { email: fields.email ?? "", password: fields.password ?? "" }, request.headers);
    const response = redirect(safeNext(fields.next, locale));
    for (const cookie of headers.getSetCookie()) response.headers.append("Set-Cookie", cookie);
    return response;
  } catch (error) {
    return formError(error, locale, { email: fields.email ?? "" });
  }
}

export default function SignIn({ actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const errors = actionData?.errors;
  const labels = { email: t("account.email"), password: t("account.password") };
  const [search] = useSearchParams();
  const next = search.get("next");
  return (
    <>
      <title>{`${t("signIn.title")} · Pares`}</title>
      <h1>{t("signIn.title")}</h1>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" className="stack narrow" noValidate>
        <CsrfField />
        {next && <input type="hidden" name="next" value={next} />}
        <TextField
          name="email"
          label={labels.email}
          type="email"
          autoComplete="username"
          required
          defaultValue={actionData?.email}
          error={errors?.fields?.email}
        />
        <TextField name="password" label={labels.password} type="password" autoComplete="current-password" required error={errors?.fields?.password} />
        <div>
          <button type="submit">{t("signIn.submit")}</button>
        </div>
      </Form>
      <p>
        <Link to={`/${locale}/forgot-password`}>{t("forgot.title")}</Link>
      </p>
      <p>
        {t("signIn.noAccount")} <Link to={`/${locale}/sign-up`}>{t("signUp.title")}</Link>
      </p>
    </>
  );
}
