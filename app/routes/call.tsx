// A call: what it funds or admits, its rules in words, when it closes (in the reader's time zone,
// with the time left), and — for a member of an organization — starting the organization's
// application (as its lead), or going back to the ones already started.
import { Form, Link, redirect } from "react-router";
import { getCall } from "../../modules/calls/get-call.ts";
import { startApplication } from "../../modules/calls/start-application.ts";
import { CsrfField, ErrorSummary, TextField } from "../components/form.tsx";
import { formatDateTime } from "../../platform/i18n/format.ts";
import { useI18n } from "../i18n.tsx";
import { actorOf, formError, formFields, orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/call";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = await actorOf(context, request);
  const call = await orPageError(getCall(services(context), actor, params.id, pageLocale(params)), request, params);
  return { call, signedIn: actor.userId !== null, canApply: actor.userId !== null && actor.actingOrganizationId !== null, now: Date.now() };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const fields = await formFields(request);
  try {
    const started = await startApplication(services(context), actor, { call: params.id, title: fields.title ?? "", language: locale, idempotencyKey: fields.key || undefined });
    return redirect(`/${locale}/applications/${started.id}`);
  } catch (error) {
    return formError(error, locale, { title: fields.title ?? "" });
  }
}

/** "3 days, 4 hours" or "12 minutes": the time left until the close, in words. */
function timeLeft(ms: number, locale: string): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const format = (value: number, unit: "day" | "hour" | "minute") => new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
  if (days > 0) return `${format(days, "day")}, ${format(hours, "hour")}`;
  if (hours > 0) return `${format(hours, "hour")}, ${format(minutes % 60, "minute")}`;
  return format(Math.max(0, minutes), "minute");
}

export default function Call({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale, dateTime, number } = useI18n();
  const { call, signedIn, canApply, now } = loaderData;
  const money = (cents: number) => number(cents / 100, { style: "currency", currency: call.currency, maximumFractionDigits: 0 });
  const errors = actionData?.errors;
  const closesIn = new Date(call.closesAt).getTime() - now;
  const kinds = (list: string[]) => list.map((k) => t(`callsPages.organizationKind.${k}`)).join(", ");
  return (
    <>
      <title>{`${call.title} · Pares`}</title>
      <p className="muted">
        <Link to={`/${locale}/networks/${call.network}/programmes/${call.programme}`}>{t("callsPages.call.programme")}</Link>
      </p>
      <h1 lang={call.language}>{call.title}</h1>
      <p>
        <strong>{call.open ? t("callsPages.call.open") : t(`callsPages.status.${call.status}`)}</strong> · {t("callsPages.call.period", { opens: dateTime(call.opensAt), closes: dateTime(call.closesAt) })}
      </p>
      {call.open && (
        <p className="notice" role="status">
          {t("callsPages.call.closesIn", { left: timeLeft(closesIn, locale) })} {t("callsPages.call.officialTime", { time: `${formatDateTime(locale, new Date(call.closesAt), call.timeZone)} (${call.timeZone})` })}
        </p>
      )}
      <div lang={call.language}>
        {call.description.split(/\n{2,}/).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      {call.kind === "project_funding" && (
        <section aria-labelledby="terms-title">
          <h2 id="terms-title">{t("callsPages.call.terms")}</h2>
          <ul>
            <li>{t("callsPages.call.cap", { cap: money(call.projectCapCents) })}</li>
            <li>{t("callsPages.call.share", { share: call.maxFundedSharePercent })}</li>
            <li>{t("callsPages.call.budget", { budget: money(call.totalBudgetCents) })}</li>
            <li>{t("callsPages.call.execution", { months: call.executionMonths, extension: call.extensionMonths })}</li>
            {call.modalities.length > 0 && <li>{t("callsPages.call.modalities", { list: call.modalities.map((m) => t(`callsPages.modality.${m}`)).join(", ") })}</li>}
          </ul>
          <h2>{t("callsPages.call.rules")}</h2>
          <ul>
            {call.rules.leadMustBeMember && <li>{t("callsPages.rule.leadMember")}</li>}
            {call.rules.leadKinds.length > 0 && <li>{t("callsPages.rule.leadKinds", { kinds: kinds(call.rules.leadKinds) })}</li>}
            {call.rules.oneLeadPerCall && <li>{t("callsPages.rule.oneLead")}</li>}
            {call.rules.minPartners > 0 && <li>{t("callsPages.rule.minPartners", { count: call.rules.minPartners })}</li>}
            {call.rules.minCountries > 1 && <li>{t("callsPages.rule.minCountries", { count: call.rules.minCountries })}</li>}
            {call.rules.partnerKinds.length > 0 && <li>{t("callsPages.rule.partnerKinds", { kinds: kinds(call.rules.partnerKinds) })}</li>}
          </ul>
        </section>
      )}
      {call.mine.length > 0 && (
        <section aria-labelledby="mine-title">
          <h2 id="mine-title">{t("callsPages.call.mine")}</h2>
          <ul>
            {call.mine.map((a) => (
              <li key={a.id}>
                <Link to={`/${locale}/applications/${a.id}`}>{a.title}</Link> · {t(`callsPages.applicationStatus.${a.status}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {call.open && call.kind === "project_funding" && (
        <section aria-labelledby="apply-title">
          <h2 id="apply-title">{t("callsPages.call.apply")}</h2>
          {!signedIn ? (
            <p>
              <Link to={`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/calls/${call.id}`)}`}>{t("callsPages.call.signInToApply")}</Link>
            </p>
          ) : !canApply ? (
            <p>{t("callsPages.call.needOrganization")}</p>
          ) : (
            <Form method="post" className="stack narrow">
              <CsrfField />
              <input type="hidden" name="key" value={`start-${call.id}-${now}`} />
              <ErrorSummary errors={errors} labels={{ title: t("callsPages.application.title") }} />
              <TextField name="title" label={t("callsPages.application.title")} defaultValue={actionData?.title} error={errors?.fields?.title} maxLength={200} required />
              <button type="submit">{t("callsPages.call.start")}</button>
            </Form>
          )}
        </section>
      )}
    </>
  );
}
