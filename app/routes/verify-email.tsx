import { data, Link } from "react-router";
import { verifyEmail } from "../../modules/accounts/verify-email.ts";
import { AppError } from "../../platform/errors.ts";
import { useI18n } from "../i18n.tsx";
import { services } from "../route-helpers.ts";
import type { Route } from "./+types/verify-email";

/** The link from the verification e-mail lands here. */
export async function loader({ request, context }: Route.LoaderArgs) {
  try {
    await verifyEmail(services(context), new URL(request.url).searchParams.get("token"));
    return { verified: true };
  } catch (error) {
    if (error instanceof AppError) return data({ verified: false }, { status: 400 });
    throw error;
  }
}

export default function VerifyEmail({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const title = loaderData.verified ? t("verify.done.title") : t("verify.failed.title");
  return (
    <>
      <title>{`${title} · Pares`}</title>
      <h1>{title}</h1>
      {loaderData.verified ? (
        <p>
          {t("verify.done.body")} <Link to={`/${locale}/sign-in`}>{t("signIn.title")}</Link>
        </p>
      ) : (
        <p role="alert">{t("error.verify.invalid")}</p>
      )}
    </>
  );
}
