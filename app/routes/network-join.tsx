import { data, Form, Link, redirect } from "react-router";
import { applyToNetwork } from "../../modules/networks/apply-to-network.ts";
import { getNetworkProfile } from "../../modules/networks/get-network-profile.ts";
import { joinExternalNetwork } from "../../modules/networks/join-external-network.ts";
import { withdrawMembership } from "../../modules/networks/withdraw-membership.ts";
import { CsrfField, ErrorSummary, TextAreaField } from "../components/form.tsx";
import { DateField } from "../components/network-fields.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/network-join";

/** Why the acting organization can or cannot apply here, in the order a person would ask. */
type Situation = "noOrganization" | "notFocalPoint" | "secretariat" | "member" | "pending" | "canApply" | "canRecord" | "recorded";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const network = await orPageError(getNetworkProfile(services(context), actor, params.slug, locale), request, params);
  const acting = network.viewer.acting;
  const status = acting?.membership?.status;
  const situation: Situation = !acting
    ? "noOrganization"
    : network.hosted && network.secretariat?.slug === acting.slug
      ? "secretariat"
      : status === "active" || status === "inactive" || status === "suspended"
        ? network.hosted
          ? "member"
          : "recorded"
        : status === "applicant"
          ? "pending"
          : acting.role !== "focal_point"
            ? "notFocalPoint"
            : network.hosted
              ? "canApply"
              : "canRecord";
  return { network, situation, done: new URL(request.url).searchParams.get("done") };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const fields = await formFields(request);
  try {
    switch (fields.intent) {
      case "apply": {
        const { membershipId } = await applyToNetwork(ctx, actor, params.slug, { message: fields.message ?? "" });
        return redirect(`/${locale}/networks/${params.slug}/memberships/${membershipId}?done=applied`);
      }
      case "record":
        await joinExternalNetwork(ctx, actor, params.slug, { since: fields.since ?? "" });
        return redirect(`/${locale}/networks/${params.slug}/join?done=recorded`);
      case "withdraw":
        await withdrawMembership(ctx, actor, params.slug, fields.membershipId ?? "", { reason: fields.reason ?? "" });
        return redirect(`/${locale}/networks/${params.slug}/join?done=withdrawn`);
      default:
        throw data(null, { status: 400 });
    }
  } catch (error) {
    return formError(error, locale, { intent: fields.intent, values: fields });
  }
}

export default function NetworkJoin({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { network: n, situation, done } = loaderData;
  const acting = n.viewer.acting;
  const errors = actionData?.errors;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const membershipLink = acting?.membership ? `/${locale}/networks/${n.slug}/memberships/${acting.membership.id}` : undefined;
  const title = n.hosted ? t("networks.join.title", { network: n.name }) : t("networks.join.recordTitle", { network: n.name });
  // Who decides an application: the secretariat, or the platform's administrators for a hosted
  // network without one. An external network has neither: its members record themselves.
  const byAdministrators = n.hosted && !n.secretariat;
  const withdrawReasonKey = !n.hosted
    ? "networks.membership.withdrawReasonRecorded"
    : byAdministrators
      ? "networks.membership.withdrawReasonAdministrators"
      : "networks.membership.withdrawReason";
  const messageLabel = byAdministrators ? t("networks.join.messageToAdministrators") : t("networks.join.message");
  return (
    <>
      <title>{`${title} · Pares`}</title>
      <p>
        <Link to={`/${locale}/networks/${n.slug}`}>{n.name}</Link>
      </p>
      <h1>{title}</h1>
      {done && <p role="status">{t(`networks.join.done.${done}`)}</p>}
      <ErrorSummary errors={errors} labels={{ message: messageLabel, since: t("networks.field.since"), organization: t("networks.field.organization") }} />
      {acting && <p>{t("networks.join.actingFor", { organization: acting.name })}</p>}
      {situation === "noOrganization" && (
        <>
          <p>{n.hosted ? t("networks.join.why.noOrganization") : t("networks.join.why.noOrganizationRecord")}</p>
          <ul className="links">
            <li>
              <Link to={`/${locale}/account/organizations`}>{t("nav.myOrganizations")}</Link>
            </li>
            <li>
              <Link to={`/${locale}/organizations/new`}>{t("organizations.create")}</Link>
            </li>
          </ul>
        </>
      )}
      {situation === "notFocalPoint" && acting && (
        <p>
          {t(n.hosted ? "networks.join.why.notFocalPoint" : "networks.join.why.notFocalPointRecord", { organization: acting.name })} <Link to={`/${locale}/organizations/${acting.slug}`}>{acting.name}</Link>
        </p>
      )}
      {situation === "secretariat" && <p>{t("networks.join.why.secretariat")}</p>}
      {(situation === "member" || situation === "recorded") && acting?.membership && (
        <>
          <p>{t(`networks.join.why.${situation}`, { organization: acting.name, status: t(`networks.status.${acting.membership.status}`) })}</p>
          {membershipLink && (
            <p>
              <Link to={membershipLink}>{t("networks.join.seeMembership")}</Link>
            </p>
          )}
          {situation === "recorded" && acting.role === "focal_point" && <WithdrawForm membershipId={acting.membership.id} label={t("networks.join.leave")} reasonLabel={t(withdrawReasonKey)} />}
        </>
      )}
      {situation === "pending" && acting?.membership && (
        <>
          <p>{t(byAdministrators ? "networks.join.why.pendingAdministrators" : "networks.join.why.pending", { organization: acting.name })}</p>
          {membershipLink && (
            <p>
              <Link to={membershipLink}>{t("networks.join.seeMembership")}</Link>
            </p>
          )}
          {acting.role === "focal_point" && <WithdrawForm membershipId={acting.membership.id} label={t("networks.join.cancel")} reasonLabel={t(withdrawReasonKey)} />}
        </>
      )}
      {situation === "canApply" && (
        <>
          <p>{t(byAdministrators ? "networks.join.introAdministrators" : "networks.join.intro", { network: n.name })}</p>
          <Form method="post" className="stack narrow" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="apply" />
            <TextAreaField
              name="message"
              label={messageLabel}
              hint={byAdministrators ? t("networks.join.messageHintAdministrators") : t("networks.join.messageHint")}
              maxLength={2000}
              defaultValue={values.message ?? ""}
              error={errors?.fields?.message}
            />
            <div>
              <button type="submit">{t("networks.join.submit")}</button>
            </div>
          </Form>
        </>
      )}
      {situation === "canRecord" && (
        <>
          <p>{t("networks.join.recordIntro", { network: n.name })}</p>
          <Form method="post" className="stack narrow" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="record" />
            <DateField
              name="since"
              label={t("networks.field.since")}
              hint={t("networks.field.sinceHint")}
              max={new Date().toISOString().slice(0, 10)}
              defaultValue={values.since ?? ""}
              error={errors?.fields?.since}
            />
            <div>
              <button type="submit">{t("networks.join.recordSubmit")}</button>
            </div>
          </Form>
        </>
      )}
    </>
  );
}

function WithdrawForm({ membershipId, label, reasonLabel }: { membershipId: string; label: string; reasonLabel: string }) {
  return (
    <Form method="post" className="stack narrow">
      <CsrfField />
      <input type="hidden" name="intent" value="withdraw" />
      <input type="hidden" name="membershipId" value={membershipId} />
      <TextAreaField name="reason" label={reasonLabel} maxLength={2000} rows={3} />
      <div>
        <button type="submit" className="secondary">
          {label}
        </button>
      </div>
    </Form>
  );
}
