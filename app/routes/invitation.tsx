import { Form, Link, redirect } from "react-router";
import { acceptInvitation } from "../../modules/organizations/accept-invitation.ts";
import { getInvitation } from "../../modules/organizations/get-invitation.ts";
import { CsrfField, ErrorSummary } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { actorOf, formError, orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/invitation";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const [invitation, actor] = await Promise.all([
    orPageError(getInvitation(services(context), params.token), request, params),
    actorOf(context, request),
  ]);
  return { invitation, signedIn: actor.userId !== null };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  try {
    const { slug } = await acceptInvitation(services(context), actor, params.token);
    return redirect(`/${locale}/organizations/${slug}`);
  } catch (error) {
    return formError(error, locale);
  }
}

export default function Invitation({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { invitation, signedIn } = loaderData;
  const here = `/${locale}/invitations/${encodeURIComponent(params.token)}`;
  return (
    <>
      <title>{`${t("invitation.title")} · Pares`}</title>
      <h1>{t("invitation.title")}</h1>
      <p>
        {t("invitation.summary", {
          organization: invitation.organization.name,
          role: t(`organization.role.${invitation.role}`),
          email: invitation.maskedEmail,
        })}
      </p>
      <ErrorSummary errors={actionData?.errors} labels={{}} />
      {invitation.status !== "open" ? (
        <p role="status">{t(`invitation.status.${invitation.status}`)}</p>
      ) : signedIn ? (
        <Form method="post">
          <CsrfField />
          <button type="submit">{t("invitation.accept")}</button>
        </Form>
      ) : (
        <>
          <p>{t("invitation.signInFirst")}</p>
          <ul className="actions-list">
            <li>
              <Link to={`/${locale}/sign-in?next=${encodeURIComponent(here)}`}>{t("signIn.title")}</Link>
            </li>
            <li>
              <Link to={`/${locale}/sign-up?next=${encodeURIComponent(here)}`}>{t("signUp.title")}</Link>
            </li>
          </ul>
        </>
      )}
    </>
  );
}
