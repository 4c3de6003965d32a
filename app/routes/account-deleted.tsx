import { useI18n } from "../i18n.tsx";

/** Where a person lands once their account is erased (signed out by then). */
export default function AccountDeleted() {
  const { t } = useI18n();
  return (
    <>
      <title>{`${t("deleteAccount.done.title")} · Pares`}</title>
      <h1>{t("deleteAccount.done.title")}</h1>
      <p role="status">{t("deleteAccount.done.body")}</p>
    </>
  );
}
