import { redirect } from "react-router";
import { localeCookieName, negotiateLocale, readCookie } from "../../platform/i18n/negotiate.ts";
import type { Route } from "./+types/language-redirect";

/** "/" sends the visitor to their saved language, else the best match of Accept-Language. */
export function loader({ request }: Route.LoaderArgs) {
  const locale = negotiateLocale(
    request.headers.get("accept-language"),
    readCookie(request.headers.get("cookie"), localeCookieName),
  );
  return redirect(`/${locale}`, { headers: { Vary: "Accept-Language, Cookie" } });
}
