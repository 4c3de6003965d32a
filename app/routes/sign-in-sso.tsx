import { redirect } from "react-router";
import { startSsoSignIn } from "../../modules/accounts/start-sso-sign-in.ts";
import { orNotFound, pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/sign-in-sso";

/** The single sign-on button's post: off to the provider, with the cookie that ties its answer to this browser. */
export async function action({ params, context }: Route.ActionArgs) {
  const { url, headers } = await orNotFound(startSsoSignIn(services(context), { locale: pageLocale(params) }));
  const response = redirect(url);
  for (const cookie of headers.getSetCookie()) response.headers.append("Set-Cookie", cookie);
  return response;
}

/** Starting is a form post; a visit by address goes to the sign-in page. */
export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/${pageLocale(params)}/sign-in`);
}
