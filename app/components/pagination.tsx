// Previous / next links for a paged list; the page count is shown when it is known (the audit
// log is not counted: it only knows whether another page follows).
import { Link } from "react-router";
import { useI18n } from "../i18n.tsx";

export function Pagination(props: { page: number; pageCount?: number; hasMore?: boolean; link: (page: number) => string }) {
  const { t } = useI18n();
  const more = props.hasMore ?? (props.pageCount !== undefined && props.page < props.pageCount);
  if (props.page <= 1 && !more) return null;
  return (
    <nav aria-label={t("pagination.label")} className="pagination">
      {props.page > 1 && <Link to={props.link(props.page - 1)}>{t("pagination.previous")}</Link>}{" "}
      {props.pageCount !== undefined && <span>{t("pagination.status", { page: props.page, pageCount: props.pageCount })}</span>}{" "}
      {more && <Link to={props.link(props.page + 1)}>{t("pagination.next")}</Link>}
    </nav>
  );
}
