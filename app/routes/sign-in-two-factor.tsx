import { Form, Link, redirect, useSearchParams } from "react-router";
import { completeTwoFactorSignIn } from "../../modules/accounts/complete-two-factor-sign-in.ts";
import { CsrfField, ErrorSummary, TextField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, pageLocale, safeNext, services } from "../route-helpers.ts";
import type { Route } from "./+types/sign-in-two-factor";

/** Only a sign-in waiting for its second step has anything to do here. */
export function loader({ request, params }: Route.LoaderArgs) {
  if (!/(^|;\s*)(__Secure-)?better-auth\.two_factor=/.test(request.headers.get("cookie") ?? "")) {
    throw redirect(`/${pageLocale(params)}/sign-in`);
  }
  return null;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const fields = await formFields(request);
  try {
    const { headers } = await completeTwoFactorSignIn(services(context), { code: fields.code ?? "" }, request.headers);
    const response = redirect(safeNext(fields.next, locale));
    for (const cookie of headers.getSetCookie()) response.headers.append("Set-Cookie", cookie);
    return response;
  } catch (error) {
    return formError(error, locale);
  }
}

export default function SignInTwoFactor({ actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const errors = actionData?.errors;
  const labels = { code: t("signInTwoFactor.code") };
  // After too many wrong codes, or when the sign-in expired, only starting again helps.
  const startOver = errors?.form !== undefined && errors.fields === undefined;
  const [search] = useSearchParams();
  const next = search.get("next");
  return (
    <>
      <title>{`${t("signInTwoFactor.title")} · Pares`}</title>
      <h1>{t("signInTwoFactor.title")}</h1>
      <ErrorSummary errors={errors} labels={labels} />
      {startOver ? (
        <p>
          <Link to={`/${locale}/sign-in`}>{t("signInTwoFactor.startOver")}</Link>
        </p>
      ) : (
        <>
          <p>{t("signInTwoFactor.intro")}</p>
          <Form method="post" className="stack narrow" noValidate>
            <CsrfField />
            {next && <input type="hidden" name="next" value={next} />}
            <TextField
              name="code"
              label={labels.code}
              autoComplete="one-time-code"
              required
              maxLength={64}
              hint={t("signInTwoFactor.codeHint")}
              error={errors?.fields?.code}
            />
            <div>
              <button type="submit">{t("signInTwoFactor.submit")}</button>
            </div>
          </Form>
        </>
      )}
    </>
  );
}
