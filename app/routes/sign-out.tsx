import { redirect } from "react-router";
import { signOut } from "../../modules/accounts/sign-out.ts";
import { pageLocale, services } from "../route-helpers.ts";
import type { Route } from "./+types/sign-out";

export async function action({ request, params, context }: Route.ActionArgs) {
  const { headers } = await signOut(services(context), request.headers);
  const response = redirect(`/${pageLocale(params)}`);
  for (const cookie of headers.getSetCookie()) response.headers.append("Set-Cookie", cookie);
  return response;
}

/** Signing out is a form post; a visit by address goes home. */
export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/${pageLocale(params)}`);
}
