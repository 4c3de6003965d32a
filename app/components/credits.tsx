import { useI18n } from "../i18n.tsx";

/** GeoNames' licence (CC BY 4.0) asks for this credit wherever its data is shown. */
export function GeoNamesCredit() {
  const { t } = useI18n();
  return <p className="credit">{t("credits.geonames")}</p>;
}
