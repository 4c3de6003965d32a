import { useI18n } from "../i18n.tsx";

export default function CheckEmail() {
  const { t } = useI18n();
  return (
    <>
      <title>{`${t("checkEmail.title")} · Pares`}</title>
      <h1>{t("checkEmail.title")}</h1>
      <p>{t("checkEmail.body")}</p>
      <p className="muted">{t("checkEmail.spam")}</p>
    </>
  );
}
