import { Form, Link, redirect, useSearchParams } from "react-router";
import { signIn } from "../../modules/accounts/sign-in.ts";
import { CsrfField, ErrorSummary, type FormErrors, TextField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, pageLocale, safeNext, services } from "../route-helpers.ts";
import type { Route } from "./+types/sign-in";

/** Single sign-on errors Better Auth reports back (?error=…) that the page explains specifically. */
const ssoErrors: Record<string, string> = {
  email_not_verified: "error.sso.unverified",
  account_not_linked: "error.sso.notLinked",
};

/** The single sign-on button (when a provider is configured), and why it failed when it did. */
export function loader({ request, context }: Route.LoaderArgs) {
  const { config } = services(context);
  const sso = config.OIDC_ISSUER ? (config.OIDC_NAME ?? null) : null;
  const error = new URL(request.url).searchParams.get("error");
  return { sso, ssoError: sso && error ? (ssoErrors[error] ?? "error.sso.failed") : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const fields = await formFields(request);
  try {
    const { headers, twoFactorRequired } = await signIn(services(context), { email: fields.email ?? "", password: fields.password ?? "" }, request.headers);
    const next = safeNext(fields.next ?? new URL(request.url).searchParams.get("next"), locale);
    const response = redirect(twoFactorRequired ? `/${locale}/sign-in/two-factor?${new URLSearchParams({ next })}` : next);
    for (const cookie of headers.getSetCookie()) response.headers.append("Set-Cookie", cookie);
    return response;
  } catch (error) {
    return formError(error, locale, { email: fields.email ?? "" });
  }
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { sso, ssoError } = loaderData;
  const errors: FormErrors | undefined = actionData?.errors ?? (sso && ssoError ? { form: t(ssoError, { provider: sso }) } : undefined);
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
      {sso && (
        // A plain post that reloads the document: its answer redirects to the provider's site.
        <Form method="post" action={`/${locale}/sign-in/sso`} reloadDocument>
          <CsrfField />
          <button type="submit">{t("signIn.sso", { provider: sso })}</button>
        </Form>
      )}
      <p>
        <Link to={`/${locale}/forgot-password`}>{t("forgot.title")}</Link>
      </p>
      <p>
        {t("signIn.noAccount")} <Link to={`/${locale}/sign-up`}>{t("signUp.title")}</Link>
      </p>
    </>
  );
}
