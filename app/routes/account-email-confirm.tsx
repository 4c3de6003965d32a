import { Form, Link, useSearchParams } from "react-router";
import { confirmEmailChange } from "../../modules/accounts/confirm-email-change.ts";
import { CsrfField, ErrorSummary } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/account-email-confirm";

/**
 * The link sent to a new address lands here. Opening it changes nothing (mail scanners open
 * links too); the button does.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const fields = await formFields(request);
  try {
    await confirmEmailChange(services(context), fields.token, request.headers);
    return { done: true as const };
  } catch (error) {
    return formError(error, pageLocale(params));
  }
}

export default function AccountEmailConfirm({ actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  return (
    <>
      <title>{`${t("emailConfirm.title")} · Pares`}</title>
      <h1>{t("emailConfirm.title")}</h1>
      {actionData && "done" in actionData ? (
        <p role="status">
          {t("emailConfirm.done")} <Link to={`/${locale}/account`}>{t("account.title")}</Link>
        </p>
      ) : (
        <>
          <ErrorSummary errors={errors} labels={{}} />
          <p>{t("emailConfirm.intro")}</p>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="token" value={params.get("token") ?? ""} />
            <button type="submit">{t("emailConfirm.submit")}</button>
          </Form>
        </>
      )}
    </>
  );
}
