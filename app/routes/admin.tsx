import { data, Link } from "react-router";
import { accountPolicy } from "../../modules/accounts/policy.ts";
import { useI18n } from "../i18n.tsx";
import { requireActor } from "../route-helpers.ts";
import type { Route } from "./+types/admin";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = await requireActor(context, request, params);
  if (!accountPolicy.seeUsers(actor)) throw data(null, { status: 404 });
  return null;
}

export default function Admin() {
  const { t, locale } = useI18n();
  return (
    <>
      <title>{`${t("admin.title")} · Pares`}</title>
      <h1>{t("admin.title")}</h1>
      <ul className="cards">
        {(["users", "organizations", "audit"] as const).map((section) => (
          <li key={section} className="card">
            <h2 className="card-title">
              <Link to={`/${locale}/admin/${section}`}>{t(`admin.${section}.title`)}</Link>
            </h2>
            <p>{t(`admin.${section}.intro`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
