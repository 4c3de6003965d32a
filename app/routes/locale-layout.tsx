import { data, Outlet } from "react-router";
import { isLocale } from "../../platform/i18n/locales.ts";
import { Shell } from "../components/shell.tsx";
import type { Route } from "./+types/locale-layout";

export function loader({ params }: Route.LoaderArgs) {
  if (!isLocale(params.lang)) throw data(null, { status: 404 });
  return null;
}

export default function LocaleLayout() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}
