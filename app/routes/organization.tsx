import { data, Form, Link, redirect } from "react-router";
import { getOrganization } from "../../modules/organizations/get-organization.ts";
import { removeMember } from "../../modules/organizations/remove-member.ts";
import { requestToJoin } from "../../modules/organizations/request-to-join.ts";
import { setActingOrganization } from "../../modules/organizations/set-acting-organization.ts";
import { verifyOrganization } from "../../modules/organizations/verify-organization.ts";
import { formatDate } from "../../platform/i18n/format.ts";
import { CsrfField, ErrorSummary, TextAreaField } from "../components/form.tsx";
import { roleYears } from "../components/portfolio-view.tsx";
import { useI18n } from "../i18n.tsx";
import { actorOf, formError, formFields, orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/organization";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await actorOf(context, request);
  const organization = await orPageError(getOrganization(services(context), actor, params.slug, locale), request, params);
  if (organization.mergedIntoSlug) throw redirect(`/${locale}/organizations/${organization.mergedIntoSlug}`, 301);
  return { organization };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const fields = await formFields(request);
  try {
    switch (fields.intent) {
      case "join":
        await requestToJoin(ctx, actor, params.slug, { message: fields.message });
        return { done: "joinRequested" as const };
      case "act":
        await setActingOrganization(ctx, actor, params.slug);
        return { done: "actingFor" as const };
      case "leave":
        await removeMember(ctx, actor, params.slug, actor.userId);
        return { done: "left" as const };
      case "verify":
        await verifyOrganization(ctx, actor, params.slug);
        return { done: "verified" as const };
      default:
        throw data(null, { status: 400 });
    }
  } catch (error) {
    return formError(error, locale);
  }
}

export default function Organization({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { organization: o } = loaderData;
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const done = actionData && "done" in actionData ? actionData.done : undefined;
  return (
    <>
      <title>{`${o.name} · Pares`}</title>
      <h1>{o.name}</h1>
      <p className="lead">
        {t(`organization.kind.${o.kind}`)} ·{" "}
        {o.city ? (
          <>
            <Link to={`/${locale}/cities/${o.city.id}`}>{o.city.name}</Link>, {o.countryName}
          </>
        ) : (
          o.countryName
        )}
      </p>
      <p>{o.verified ? <strong>{t("organization.verified")}</strong> : <span className="muted">{t("organization.unverified")}</span>}</p>
      {done && <p role="status">{t(`organization.done.${done}`)}</p>}
      <ErrorSummary errors={errors} labels={{ message: t("organization.joinMessage") }} />
      {o.description && (
        <div lang={o.description.language}>
          {o.description.text.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
      {o.description?.fallback && <p className="muted">{t("content.originalLanguage", { language: t(`language.${o.description.language}`) })}</p>}
      <dl className="facts">
        {o.website && (
          <>
            <dt>{t("organization.website")}</dt>
            <dd>
              <a href={o.website} rel="noopener noreferrer nofollow">
                {o.website}
              </a>
            </dd>
          </>
        )}
        <dt>{t("organization.members")}</dt>
        <dd>{t("organization.memberCount", { count: o.memberCount })}</dd>
        {o.viewer.role && (
          <>
            <dt>{t("organization.yourRole")}</dt>
            <dd>{t(`organization.role.${o.viewer.role}`)}</dd>
          </>
        )}
      </dl>
      <ul className="actions-list">
        {o.viewer.canSeeMembers && (
          <li>
            <Link to={`/${locale}/organizations/${o.slug}/members`}>{o.viewer.canManageMembers ? t("organization.manageMembers") : t("organization.seeMembers")}</Link>
          </li>
        )}
        {o.viewer.canUpdate && (
          <li>
            <Link to={`/${locale}/organizations/${o.slug}/edit`}>{t("organization.edit")}</Link>
          </li>
        )}
        {/* The portfolio is for the same people who see the members (members and administrators). */}
        {o.viewer.canSeeMembers && (
          <li>
            <Link to={`/${locale}/organizations/${o.slug}/portfolio`}>{t("portfolio.title")}</Link>
          </li>
        )}
      </ul>
      {(o.networks.length > 0 || o.secretariatOf.length > 0) && (
        <section aria-labelledby="networks-title">
          <h2 id="networks-title">{t("organization.networks.title")}</h2>
          <ul className="links">
            {o.secretariatOf.map((n) => (
              <li key={`secretariat-${n.slug}`}>
                {t("organization.networks.secretariatOf")} <Link to={`/${locale}/networks/${n.slug}`}>{n.name}</Link>
              </li>
            ))}
            {o.networks.map((n) => (
              <li key={n.slug}>
                <Link to={`/${locale}/networks/${n.slug}`}>{n.name}</Link>
                {n.since && <span className="muted"> ({t("portfolio.memberSince", { date: formatDate(locale, n.since) })})</span>}
                {n.roles.length > 0 && (
                  <ul>
                    {n.roles.map((r, i) => (
                      <li key={i}>
                        {t("organization.networks.role", {
                          role: t(`portfolio.role.${r.role}`),
                          body: r.body.text,
                          period: r.termLabel ?? roleYears(r),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {o.viewer.role && !o.viewer.actingFor && (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="act" />
          <button type="submit">{t("organization.actFor", { organization: o.name })}</button>
        </Form>
      )}
      {o.viewer.actingFor && <p>{t("organization.actingFor")}</p>}
      {o.viewer.canRequestToJoin && (
        <section aria-labelledby="join-title">
          <h2 id="join-title">{t("organization.join.title")}</h2>
          <p>{t("organization.join.intro")}</p>
          <Form method="post" className="stack narrow">
            <CsrfField />
            <input type="hidden" name="intent" value="join" />
            <TextAreaField name="message" label={t("organization.joinMessage")} maxLength={1000} rows={3} error={errors?.fields?.message} />
            <div>
              <button type="submit">{t("organization.join.submit")}</button>
            </div>
          </Form>
        </section>
      )}
      {o.viewer.hasPendingJoinRequest && <p>{t("organization.join.pending")}</p>}
      {o.viewer.canVerify && (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="verify" />
          <button type="submit">{t("organization.verify")}</button>
        </Form>
      )}
      {o.viewer.role && (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="leave" />
          <button type="submit" className="secondary">
            {t("organization.leave")}
          </button>
        </Form>
      )}
    </>
  );
}
