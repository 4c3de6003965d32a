// Anyone checks a training certificate by the code printed on it.
import { Form, redirect } from "react-router";
import { useI18n } from "../i18n.tsx";
import { pageLocale } from "../route-helpers.ts";
import type { Route } from "./+types/certificates";

export function loader({ params, request }: Route.LoaderArgs) {
  const code = new URL(request.url).searchParams.get("code")?.trim();
  if (code) throw redirect(`/${pageLocale(params)}/certificates/${encodeURIComponent(code)}`);
  return null;
}

export default function Certificates() {
  const { t } = useI18n();
  return (
    <>
      <title>{`${t("callsPages.certificate.verifyTitle")} · Pares`}</title>
      <h1>{t("callsPages.certificate.verifyTitle")}</h1>
      <p>{t("callsPages.certificate.verifyIntro")}</p>
      <Form method="get" className="stack narrow">
        <div className="field">
          <label htmlFor="code">{t("callsPages.certificate.code")}</label>
          <input id="code" name="code" required maxLength={40} autoComplete="off" />
        </div>
        <button type="submit">{t("callsPages.certificate.verify")}</button>
      </Form>
    </>
  );
}
