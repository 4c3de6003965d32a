import { data, Outlet, redirect } from "react-router";
import { actorOf } from "../route-helpers.ts";
import { isLocale } from "../../platform/i18n/locales.ts";
import { Shell } from "../components/shell.tsx";
import type { Route } from "./+types/locale-layout";

/** Pages a person who must set up two-factor sign-in may still open. */
const allowedBeforeTwoFactor = new Set(["account/two-factor", "sign-out", "sign-in", "sign-in/two-factor"]);

export async function loader({ params, request, context }: Route.LoaderArgs) {
  if (!isLocale(params.lang)) throw data(null, { status: 404 });
  // Administrators and network secretariats sign in with a second factor: until they set one
  // up their role's powers are withheld, and every page sends them to set it up.
  const actor = await actorOf(context, request);
  // With JavaScript, pages load their data from "<path>.data", which must match too.
  const rest = new URL(request.url).pathname.replace(/\.data$/, "").split("/").slice(2).join("/");
  if (actor.mustEnableTwoFactor && !allowedBeforeTwoFactor.has(rest)) throw redirect(`/${params.lang}/account/two-factor?required=1`);
  return null;
}

export default function LocaleLayout() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}
