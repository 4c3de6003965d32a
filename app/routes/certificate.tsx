// A training certificate checked by its code: who earned it, for which training and edition.
import { data, Link } from "react-router";
import { verifyCertificate } from "../../modules/calls/verify-certificate.ts";
import { AppError } from "../../platform/errors.ts";
import { useI18n } from "../i18n.tsx";
import { pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/certificate";

export async function loader({ params, context }: Route.LoaderArgs) {
  try {
    return { certificate: await verifyCertificate(services(context), params.code, pageLocale(params)), code: params.code };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return data({ certificate: null, code: params.code }, { status: 404 });
    throw error;
  }
}

export default function Certificate({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { certificate, code } = loaderData;
  const day = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));
  return (
    <>
      <title>{`${t("callsPages.certificate.verifyTitle")} · Pares`}</title>
      <h1>{t("callsPages.certificate.verifyTitle")}</h1>
      {certificate ? (
        <div className="notice" role="status">
          <p>
            <strong>{t("callsPages.certificate.valid", { code: certificate.code })}</strong>
          </p>
          <dl>
            <dt>{t("callsPages.certificate.participant")}</dt>
            <dd>{certificate.participant}</dd>
            <dt>{t("callsPages.certificate.organization")}</dt>
            <dd>{certificate.organization}</dd>
            <dt>{t("callsPages.certificate.training")}</dt>
            <dd>{t("callsPages.certificate.trainingEdition", { training: certificate.training, edition: certificate.edition, network: certificate.network })}</dd>
            <dt>{t("callsPages.certificate.dates")}</dt>
            <dd>{t("callsPages.certificate.period", { from: day(certificate.startsOn), to: day(certificate.endsOn) })}</dd>
            <dt>{t("callsPages.certificate.issued")}</dt>
            <dd>{day(certificate.issuedAt)}</dd>
          </dl>
        </div>
      ) : (
        <p role="alert" className="alert">
          {t("calls.error.certificateUnknown")} ({code})
        </p>
      )}
      <p>
        <Link to={`/${locale}/certificates`}>{t("callsPages.certificate.another")}</Link>
      </p>
    </>
  );
}
