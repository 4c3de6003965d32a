import { Form, Link, redirect } from "react-router";
import { acceptMyInvitation } from "../../modules/organizations/accept-my-invitation.ts";
import { listMyOrganizations } from "../../modules/organizations/list-my-organizations.ts";
import { setActingOrganization } from "../../modules/organizations/set-acting-organization.ts";
import { CsrfField, ErrorSummary } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, pageLocale, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/account-organizations";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = await requireActor(context, request, params);
  const mine = await listMyOrganizations(services(context), actor);
  return {
    ...mine,
    pendingRequests: mine.pendingRequests.map((r) => ({ ...r, since: r.since.toISOString() })),
    invitations: mine.invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = await requireActor(context, request, params);
  const fields = await formFields(request);
  try {
    if (fields.intent === "accept") {
      const { slug } = await acceptMyInvitation(services(context), actor, fields.invitationId ?? "");
      return redirect(`/${pageLocale(params)}/organizations/${slug}`);
    }
    await setActingOrganization(services(context), actor, fields.slug ?? "");
    return { done: true };
  } catch (error) {
    return formError(error, pageLocale(params));
  }
}

export default function AccountOrganizations({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale, dateTime } = useI18n();
  const { memberships, pendingRequests, invitations } = loaderData;
  return (
    <>
      <title>{`${t("myOrganizations.title")} · Pares`}</title>
      <h1>{t("myOrganizations.title")}</h1>
      {actionData && "done" in actionData && <p role="status">{t("organization.done.actingFor")}</p>}
      <ErrorSummary errors={actionData && "errors" in actionData ? actionData.errors : undefined} labels={{}} />
      {memberships.length === 0 ? (
        <p>{t("myOrganizations.none")}</p>
      ) : (
        <ul className="cards">
          {memberships.map((m) => (
            <li key={m.slug} className="card">
              <h2 className="card-title">
                <Link to={`/${locale}/organizations/${m.slug}`}>{m.name}</Link>
              </h2>
              <p>
                {t(`organization.kind.${m.kind}`)} · {t(`organization.role.${m.role}`)}
              </p>
              {m.actingFor ? (
                <p>
                  <strong>{t("organization.actingFor")}</strong>
                </p>
              ) : (
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="slug" value={m.slug} />
                  <button type="submit" className="secondary">
                    {t("organization.actFor", { organization: m.name })}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      {invitations.length > 0 && (
        <section aria-labelledby="my-invitations">
          <h2 id="my-invitations">{t("myOrganizations.invitations")}</h2>
          <ul>
            {invitations.map((i) => (
              <li key={i.id}>
                {i.organizationName} · {t(`organization.role.${i.role}`)} · {t("members.invitations.expires", { time: dateTime(i.expiresAt) })}{" "}
                <Form method="post" className="inline">
                  <CsrfField />
                  <input type="hidden" name="intent" value="accept" />
                  <input type="hidden" name="invitationId" value={i.id} />
                  <button type="submit" aria-label={t("myOrganizations.acceptNamed", { organization: i.organizationName })}>
                    {t("invitation.accept")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      )}
      {pendingRequests.length > 0 && (
        <section aria-labelledby="my-requests">
          <h2 id="my-requests">{t("myOrganizations.pending")}</h2>
          <ul>
            {pendingRequests.map((r) => (
              <li key={r.slug}>
                <Link to={`/${locale}/organizations/${r.slug}`}>{r.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <Link to={`/${locale}/organizations/new`}>{t("organizations.create")}</Link> · <Link to={`/${locale}/organizations`}>{t("myOrganizations.find")}</Link>
      </p>
    </>
  );
}
