import { data, Form, Link, redirect } from "react-router";
import { changeMembershipStatus } from "../../modules/networks/change-membership-status.ts";
import { decideMembership } from "../../modules/networks/decide-membership.ts";
import { getMembership } from "../../modules/networks/get-membership.ts";
import { memberStatuses } from "../../modules/networks/inputs.ts";
import { withdrawMembership } from "../../modules/networks/withdraw-membership.ts";
import { formatDate } from "../../platform/i18n/format.ts";
import { CsrfField, ErrorSummary, SelectField, TextAreaField } from "../components/form.tsx";
import { DateField } from "../components/network-fields.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, orNotFound, pageLocale, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/network-membership";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  // Memberships are confidential: whoever may not see this one is told it does not exist.
  const membership = await orNotFound(getMembership(services(context), actor, params.slug, params.membershipId, locale));
  return {
    membership: { ...membership, statusChangedAt: membership.statusChangedAt.toISOString(), createdAt: membership.createdAt.toISOString(), history: membership.history.map((h) => ({ ...h, at: h.at.toISOString() })) },
    done: new URL(request.url).searchParams.get("done"),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const fields = await formFields(request);
  const back = (done: string) => redirect(`/${locale}/networks/${params.slug}/memberships/${params.membershipId}?done=${done}`);
  try {
    switch (fields.intent) {
      case "decide":
        await decideMembership(ctx, actor, params.slug, params.membershipId, { decision: fields.decision as never, category: fields.category ?? "", reason: fields.reason ?? "" });
        return back(fields.decision === "approve" ? "approved" : "declined");
      case "status":
        await changeMembershipStatus(ctx, actor, params.slug, params.membershipId, {
          status: fields.status as never,
          category: fields.category ?? "",
          reason: fields.reason ?? "",
          effectiveOn: fields.effectiveOn ?? "",
        });
        return back("changed");
      case "withdraw":
        await withdrawMembership(ctx, actor, params.slug, params.membershipId, { reason: fields.reason ?? "" });
        return back("withdrawn");
      default:
        throw data(null, { status: 400 });
    }
  } catch (error) {
    return formError(error, locale, { intent: fields.intent, values: fields });
  }
}

export default function NetworkMembership({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale, dateTime } = useI18n();
  const { membership: m, done } = loaderData;
  const intent = actionData?.intent;
  const errors = actionData?.errors;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const errorsFor = (which: string) => (intent === which ? errors : undefined);
  const labels = {
    reason: t("networks.membership.reason"),
    category: t("networks.membership.category"),
    status: t("networks.members.status"),
    effectiveOn: t("networks.membership.effectiveOn"),
    decision: t("networks.membership.decision"),
  };
  const categoryOptions = m.categories.map((c) => ({ value: c.key, label: c.name }));
  const status = (s: string | null) => (s ? t(`networks.status.${s}`) : "—");
  const date = (d: string | null) => (d ? formatDate(locale, d) : t("networks.date.unknown"));
  // A hosted network without a secretariat organization is run by the platform's administrators.
  const withdrawReasonKey = !m.network.hosted
    ? "networks.membership.withdrawReasonRecorded"
    : m.network.hasSecretariat
      ? "networks.membership.withdrawReason"
      : "networks.membership.withdrawReasonAdministrators";
  const doneKey = done === "applied" && m.network.hosted && !m.network.hasSecretariat ? "appliedToAdministrators" : done;
  const title = t("networks.membership.title", { organization: m.organization.name, network: m.network.name });
  return (
    <>
      <title>{`${title} · Pares`}</title>
      <p>
        <Link to={`/${locale}/networks/${m.network.slug}`}>{m.network.name}</Link>
        {m.viewer.canManage && (
          <>
            {" · "}
            <Link to={`/${locale}/networks/${m.network.slug}/members`}>{t("networks.members.title")}</Link>
          </>
        )}
      </p>
      <h1>{title}</h1>
      {done && <p role="status">{t(`networks.membership.done.${doneKey}`)}</p>}
      <dl className="facts">
        <dt>{t("networks.membership.organization")}</dt>
        <dd>
          <Link to={`/${locale}/organizations/${m.organization.slug}`}>{m.organization.name}</Link>
          {" · "}
          {m.organization.cityName ? `${m.organization.cityName}, ${m.organization.countryName}` : m.organization.countryName}
        </dd>
        <dt>{t("networks.members.status")}</dt>
        <dd>{status(m.status)}</dd>
        <dt>{t("networks.membership.category")}</dt>
        <dd>{m.category?.name ?? "—"}</dd>
        <dt>{t("networks.membership.since")}</dt>
        <dd>{date(m.since)}</dd>
        {m.founding && (
          <>
            <dt>{t("networks.members.founding")}</dt>
            <dd>{t("networks.export.yes")}</dd>
          </>
        )}
      </dl>
      {m.message && (
        <section aria-labelledby="message-title">
          <h2 id="message-title">{t("networks.membership.message")}</h2>
          <blockquote>{m.message}</blockquote>
        </section>
      )}
      {m.viewer.canManage && m.status === "applicant" && (
        <section aria-labelledby="decide-title">
          <h2 id="decide-title">{t("networks.membership.decideTitle")}</h2>
          <ErrorSummary errors={errorsFor("decide")} labels={labels} />
          <Form method="post" className="stack narrow">
            <CsrfField />
            <input type="hidden" name="intent" value="decide" />
            <input type="hidden" name="decision" value="approve" />
            {/* No category is preselected: whoever decides chooses one. */}
            <SelectField
              name="category"
              label={labels.category}
              options={[{ value: "", label: t("networks.membership.chooseCategory") }, ...categoryOptions]}
              defaultValue={intent === "decide" ? (values.category ?? "") : ""}
              error={errorsFor("decide")?.fields?.category}
            />
            <div>
              <button type="submit">{t("networks.membership.approve")}</button>
            </div>
          </Form>
          <Form method="post" className="stack narrow" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="decide" />
            <input type="hidden" name="decision" value="decline" />
            <TextAreaField
              name="reason"
              label={t("networks.membership.declineReason")}
              hint={t("networks.membership.declineHint")}
              rows={3}
              maxLength={2000}
              defaultValue={intent === "decide" ? (values.reason ?? "") : ""}
              error={errorsFor("decide")?.fields?.reason}
            />
            <div>
              <button type="submit" className="secondary">
                {t("networks.membership.decline")}
              </button>
            </div>
          </Form>
        </section>
      )}
      {m.viewer.canManage && m.status !== "applicant" && m.status !== "declined" && (
        <section aria-labelledby="status-title">
          <h2 id="status-title">{t("networks.membership.changeTitle")}</h2>
          <ErrorSummary errors={errorsFor("status")} labels={labels} />
          <Form method="post" className="stack narrow" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="status" />
            <SelectField
              name="status"
              label={labels.status}
              defaultValue={intent === "status" ? values.status : m.status}
              options={memberStatuses.map((s) => ({ value: s, label: t(`networks.status.${s}`) }))}
              error={errorsFor("status")?.fields?.status}
            />
            <SelectField
              name="category"
              label={labels.category}
              defaultValue={intent === "status" ? values.category : (m.category?.key ?? "")}
              options={[{ value: "", label: t("networks.membership.noCategory") }, ...categoryOptions]}
              error={errorsFor("status")?.fields?.category}
            />
            <TextAreaField
              name="reason"
              label={labels.reason}
              hint={t("networks.membership.reasonHint")}
              rows={3}
              maxLength={2000}
              defaultValue={intent === "status" ? (values.reason ?? "") : ""}
              error={errorsFor("status")?.fields?.reason}
            />
            <DateField
              name="effectiveOn"
              label={labels.effectiveOn}
              hint={t("networks.membership.effectiveOnHint")}
              max={new Date().toISOString().slice(0, 10)}
              defaultValue={intent === "status" ? (values.effectiveOn ?? "") : ""}
              error={errorsFor("status")?.fields?.effectiveOn}
            />
            <div>
              <button type="submit">{t("networks.membership.changeSubmit")}</button>
            </div>
          </Form>
        </section>
      )}
      {m.viewer.canWithdraw && (
        <section aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{m.status === "applicant" ? t("networks.join.cancel") : t("networks.join.leave")}</h2>
          <ErrorSummary errors={errorsFor("withdraw")} labels={labels} />
          <Form method="post" className="stack narrow">
            <CsrfField />
            <input type="hidden" name="intent" value="withdraw" />
            <TextAreaField name="reason" label={t(withdrawReasonKey)} rows={3} maxLength={2000} error={errorsFor("withdraw")?.fields?.reason} />
            <div>
              <button type="submit" className="secondary">
                {m.status === "applicant" ? t("networks.join.cancel") : t("networks.join.leave")}
              </button>
            </div>
          </Form>
        </section>
      )}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("networks.membership.history")}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("networks.membership.history")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("networks.membership.effectiveOn")}</th>
                <th scope="col">{t("networks.membership.change")}</th>
                <th scope="col">{t("networks.membership.category")}</th>
                <th scope="col">{t("networks.membership.reason")}</th>
                <th scope="col">{t("networks.membership.by")}</th>
              </tr>
            </thead>
            <tbody>
              {m.history.map((h) => (
                <tr key={h.id}>
                  <th scope="row">{date(h.effectiveOn)}</th>
                  <td>{h.from ? t("networks.membership.fromTo", { from: status(h.from), to: status(h.to) }) : status(h.to)}</td>
                  <td>{h.category ?? "—"}</td>
                  <td>{h.reason ?? "—"}</td>
                  <td>
                    {h.changedBy ?? t("networks.membership.someone")}
                    <div className="muted">{dateTime(h.at)}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
