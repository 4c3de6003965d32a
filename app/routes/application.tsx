// An application to a call, for its lead's people (who write it, invite partners, submit or
// withdraw it), its partners (who confirm or decline from their own accounts) and, once
// submitted, the secretariat. The call's rules are checked on every read and listed with what
// fails and why. Everything works without JavaScript: saving posts the whole draft with the
// revision it was read at, so a save over someone else's newer one is refused, never lost.
import { Form, Link, redirect } from "react-router";
import { answerInvitation } from "../../modules/calls/answer-invitation.ts";
import { getApplication } from "../../modules/calls/get-application.ts";
import { invitePartner } from "../../modules/calls/invite-partner.ts";
import { listPartnerCandidates } from "../../modules/calls/list-partner-candidates.ts";
import { saveApplication } from "../../modules/calls/save-application.ts";
import { fundingModalities } from "../../modules/calls/schema.ts";
import { submitApplication } from "../../modules/calls/submit-application.ts";
import { withdrawApplication } from "../../modules/calls/withdraw-application.ts";
import { CsrfField, ErrorSummary, SelectField, TextAreaField, TextField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/application";

/** Rows offered empty below the written ones (more after saving). */
const EXTRA_ACTIVITIES = 2;
const EXTRA_BUDGET_LINES = 2;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = await requireActor(context, request, params);
  const application = await orPageError(getApplication(services(context), actor, params.id, pageLocale(params)), request, params);
  const candidates = application.editable ? await listPartnerCandidates(services(context), actor, params.id) : [];
  const answerable = application.partners.filter((p) => p.status === "invited" && actor.memberships.has(p.id)).map((p) => ({ slug: p.slug, name: p.name }));
  const done = new URL(request.url).searchParams.get("done");
  return { application, candidates, answerable, done, canWithdraw: actor.memberships.has(application.lead.id) && (application.status === "draft" || application.status === "submitted") };
}

/** Rows of a repeated group posted as name.index.field (empty rows dropped). */
function rows(form: FormData, prefix: string, fields: string[]): Record<string, string>[] {
  const found = new Map<number, Record<string, string>>();
  for (const [key, value] of form) {
    const match = new RegExp(`^${prefix}\\.(\\d+)\\.(\\w+)$`).exec(key);
    if (!match || typeof value !== "string" || !fields.includes(match[2]!)) continue;
    const row = found.get(Number(match[1])) ?? {};
    row[match[2]!] = value;
    found.set(Number(match[1]), row);
  }
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, r]) => r).filter((r) => Object.entries(r).some(([k, v]) => k !== "organization" && v.trim() !== ""));
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const form = await request.formData();
  const field = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : "");
  const intent = field("intent");
  const back = `/${locale}/applications/${params.id}`;
  const ctx = services(context);
  try {
    if (intent === "save") {
      await saveApplication(ctx, actor, params.id, {
        revision: Number(field("revision")),
        title: field("title"),
        language: field("language") as "es",
        modality: (field("modality") || null) as null,
        themeIds: form.getAll("themeIds").filter((v): v is string => typeof v === "string"),
        sdgGoals: form.getAll("sdgGoals").filter((v): v is string => typeof v === "string").map(Number),
        content: {
          summary: field("summary"),
          objectives: field("objectives"),
          expectedResults: field("expectedResults"),
          indicators: field("indicators").split("\n"),
          activities: rows(form, "activities", ["title", "startsOn", "endsOn", "description"]) as { title: string; startsOn: string; endsOn: string; description: string }[],
        },
        budget: rows(form, "budget", ["organization", "description", "requested", "counterpartCash", "counterpartInKind"]).map((r) => ({
          organization: r.organization ?? "",
          description: r.description ?? "",
          requested: r.requested || "0",
          counterpartCash: r.counterpartCash || "0",
          counterpartInKind: r.counterpartInKind || "0",
        })),
      });
      return redirect(`${back}?done=saved`);
    }
    if (intent === "invite") {
      await invitePartner(ctx, actor, params.id, { organization: field("organization") });
      return redirect(`${back}?done=invited`);
    }
    if (intent === "confirm" || intent === "decline") {
      await answerInvitation(ctx, actor, params.id, { organization: field("organization"), answer: intent });
      return redirect(`${back}?done=${intent === "confirm" ? "confirmed" : "declined"}`);
    }
    if (intent === "submit") {
      await submitApplication(ctx, actor, params.id, { idempotencyKey: field("key") || undefined });
      return redirect(`${back}?done=submitted`);
    }
    if (intent === "withdraw") {
      await withdrawApplication(ctx, actor, params.id);
      return redirect(`${back}?done=withdrawn`);
    }
    return redirect(back);
  } catch (error) {
    // What was typed comes back with the errors, so a refused save (an older revision, a bad field) loses nothing.
    const posted = Object.fromEntries(["title", "summary", "objectives", "expectedResults", "indicators"].map((name) => [name, field(name)]));
    return formError(error, locale, intent === "save" ? { posted } : {});
  }
}

export default function Application({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale, dateTime, number } = useI18n();
  const { application: a, candidates, answerable, done, canWithdraw } = loaderData;
  const errors = actionData?.errors;
  const posted = actionData && "posted" in actionData ? (actionData.posted as Record<string, string>) : undefined;
  const fieldError = (name: string) => errors?.fields?.[name];
  const money = (cents: number) => number(cents / 100, { style: "currency", currency: a.call.currency });
  const units = (cents: number) => (cents === 0 ? "" : (cents / 100).toFixed(2));
  const spenders = [{ value: a.lead.id, label: a.lead.name }, ...a.partners.filter((p) => p.status !== "declined").map((p) => ({ value: p.id, label: p.name }))];
  const allPassed = a.checklist.every((c) => c.passed);
  const activities = [...a.content.activities, ...Array.from({ length: EXTRA_ACTIVITIES }, () => ({ title: "", startsOn: "", endsOn: "", description: "" }))];
  const budget = [...a.budget, ...Array.from({ length: EXTRA_BUDGET_LINES }, () => ({ organization: a.lead.id, description: "", requestedCents: 0, counterpartCashCents: 0, counterpartInKindCents: 0 }))];
  return (
    <>
      <title>{`${a.title} · Pares`}</title>
      <p className="muted">
        <Link to={`/${locale}/calls/${a.call.id}`}>{t("callsPages.application.backToCall")}</Link>
      </p>
      <h1 lang={a.language}>{a.title}</h1>
      <p>
        {t("callsPages.application.lead", { lead: a.lead.name })} · <strong>{t(`callsPages.applicationStatus.${a.status}`)}</strong> · {t("callsPages.application.closes", { closes: dateTime(a.call.closesAt) })}
      </p>
      {done && (
        <p role="status" className="notice">
          {t(`callsPages.done.${done}`)}
        </p>
      )}
      <ErrorSummary errors={errors} labels={{ title: t("callsPages.application.title"), organization: t("callsPages.application.partner"), revision: t("callsPages.application.revision") }} />
      {a.submissionHash && a.submittedAt && (
        <section aria-labelledby="receipt-title" className="notice">
          <h2 id="receipt-title">{t("callsPages.application.receipt")}</h2>
          <p>{t("callsPages.application.receiptText", { date: dateTime(a.submittedAt) })}</p>
          <p>
            {t("callsPages.application.fingerprint")} <code>{a.submissionHash}</code>
          </p>
        </section>
      )}
      {a.decision && (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title">{t(`callsPages.decision.${a.decision.decision}`)}</h2>
          {a.decision.decision === "awarded" && <p>{t("callsPages.decision.amount", { amount: money(a.decision.awardedCents) })}</p>}
          <p>{a.decision.reasons}</p>
          {a.decision.feedback.length > 0 && (
            <>
              <h3>{t("callsPages.decision.feedback")}</h3>
              <ul>
                {a.decision.feedback.map((f, i) => (
                  <li key={i}>{f}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="checklist-title">
        <h2 id="checklist-title">{t("callsPages.application.checklist")}</h2>
        <ul className="checklist">
          {a.checklist.map((c) => (
            <li key={c.rule} className={c.passed ? "passed" : "failed"}>
              <span className="visually-hidden">{c.passed ? t("callsPages.application.passed") : t("callsPages.application.failed")}: </span>
              <span aria-hidden="true">{c.passed ? "✓" : "✗"} </span>
              {c.message}
            </li>
          ))}
        </ul>
        {a.editable && (
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="key" value={`submit-${a.id}-${a.revision}`} />
            <button type="submit" name="intent" value="submit" disabled={!allPassed}>
              {t("callsPages.application.submit")}
            </button>
            {!allPassed && <p className="hint">{t("callsPages.application.submitWhenReady")}</p>}
          </Form>
        )}
      </section>

      <section aria-labelledby="partners-title">
        <h2 id="partners-title">{t("callsPages.application.partners")}</h2>
        {a.partners.length === 0 ? (
          <p>{t("callsPages.application.noPartners")}</p>
        ) : (
          <ul>
            {a.partners.map((p) => (
              <li key={p.id}>
                {p.name} ({p.countryCode ?? "—"}) · {t(`callsPages.partnerStatus.${p.status}`)}
              </li>
            ))}
          </ul>
        )}
        {answerable.map((p) => (
          <Form method="post" key={p.slug} className="inline-form">
            <CsrfField />
            <input type="hidden" name="organization" value={p.slug} />
            <p>{t("callsPages.application.answerFor", { organization: p.name })}</p>
            <button type="submit" name="intent" value="confirm">
              {t("callsPages.application.confirm")}
            </button>{" "}
            <button type="submit" name="intent" value="decline">
              {t("callsPages.application.decline")}
            </button>
          </Form>
        ))}
        {a.editable && candidates.length > 0 && (
          <Form method="post" className="stack narrow">
            <CsrfField />
            <input type="hidden" name="intent" value="invite" />
            <SelectField name="organization" label={t("callsPages.application.partner")} hint={t("callsPages.application.partnerHint")} error={fieldError("organization")} options={candidates.map((c) => ({ value: c.slug, label: `${c.name} (${c.countryCode ?? "—"})` }))} />
            <button type="submit">{t("callsPages.application.invite")}</button>
          </Form>
        )}
      </section>

      {a.editable ? (
        <section aria-labelledby="draft-title">
          <h2 id="draft-title">{t("callsPages.application.draft")}</h2>
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="revision" value={a.revision} />
            <input type="hidden" name="language" value={a.language} />
            {a.themeIds.map((id) => (
              <input key={id} type="hidden" name="themeIds" value={id} />
            ))}
            {a.sdgGoals.map((g) => (
              <input key={g} type="hidden" name="sdgGoals" value={g} />
            ))}
            <TextField name="title" label={t("callsPages.application.title")} defaultValue={posted?.title ?? a.title} error={fieldError("title")} maxLength={200} required />
            <SelectField
              name="modality"
              label={t("callsPages.application.modality")}
              defaultValue={a.modality ?? ""}
              error={fieldError("modality")}
              options={[{ value: "", label: "—" }, ...fundingModalities.map((m) => ({ value: m, label: t(`callsPages.modality.${m}`) }))]}
            />
            <TextAreaField name="summary" label={t("callsPages.application.summary")} defaultValue={posted?.summary ?? a.content.summary} error={fieldError("content.summary")} maxLength={3000} lang={a.language} />
            <TextAreaField name="objectives" label={t("callsPages.application.objectives")} defaultValue={posted?.objectives ?? a.content.objectives} error={fieldError("content.objectives")} maxLength={3000} lang={a.language} />
            <fieldset>
              <legend>{t("callsPages.application.activities")}</legend>
              {activities.map((act, i) => (
                <div key={i} className="row-group">
                  <TextField name={`activities.${i}.title`} label={t("callsPages.application.activity", { n: i + 1 })} defaultValue={act.title} error={fieldError(`content.activities.${i}.title`)} maxLength={200} />
                  <div className="field">
                    <label htmlFor={`activities.${i}.startsOn`}>{t("callsPages.application.startsOn")}</label>
                    <input id={`activities.${i}.startsOn`} name={`activities.${i}.startsOn`} type="date" defaultValue={act.startsOn} />
                  </div>
                  <div className="field">
                    <label htmlFor={`activities.${i}.endsOn`}>{t("callsPages.application.endsOn")}</label>
                    <input id={`activities.${i}.endsOn`} name={`activities.${i}.endsOn`} type="date" defaultValue={act.endsOn} aria-invalid={fieldError(`content.activities.${i}.endsOn`) ? true : undefined} />
                  </div>
                  <input type="hidden" name={`activities.${i}.description`} value={act.description} />
                </div>
              ))}
            </fieldset>
            <TextAreaField name="expectedResults" label={t("callsPages.application.expectedResults")} defaultValue={posted?.expectedResults ?? a.content.expectedResults} maxLength={3000} lang={a.language} />
            <TextAreaField name="indicators" label={t("callsPages.application.indicators")} hint={t("callsPages.application.indicatorsHint")} defaultValue={posted?.indicators ?? a.content.indicators.join("\n")} rows={3} lang={a.language} />
            <fieldset>
              <legend>{t("callsPages.application.budget", { currency: a.call.currency })}</legend>
              {budget.map((line, i) => (
                <div key={i} className="row-group">
                  <SelectField name={`budget.${i}.organization`} label={t("callsPages.application.spender", { n: i + 1 })} defaultValue={line.organization} error={fieldError(`budget.${i}.organization`)} options={spenders} />
                  <TextField name={`budget.${i}.description`} label={t("callsPages.application.lineDescription")} defaultValue={line.description} error={fieldError(`budget.${i}.description`)} maxLength={300} />
                  <TextField name={`budget.${i}.requested`} label={t("callsPages.application.requested")} defaultValue={units(line.requestedCents)} error={fieldError(`budget.${i}.requested`)} />
                  <TextField name={`budget.${i}.counterpartCash`} label={t("callsPages.application.counterpartCash")} defaultValue={units(line.counterpartCashCents)} error={fieldError(`budget.${i}.counterpartCash`)} />
                  <TextField name={`budget.${i}.counterpartInKind`} label={t("callsPages.application.counterpartInKind")} defaultValue={units(line.counterpartInKindCents)} error={fieldError(`budget.${i}.counterpartInKind`)} />
                </div>
              ))}
              <p>
                {t("callsPages.application.totals", { requested: money(a.totals.requestedCents), counterpart: money(a.totals.counterpartCashCents + a.totals.counterpartInKindCents) })}
              </p>
            </fieldset>
            <button type="submit">{t("callsPages.application.save")}</button>
          </Form>
        </section>
      ) : (
        <section aria-labelledby="content-title" lang={a.language}>
          <h2 id="content-title">{t("callsPages.application.content")}</h2>
          <p>{a.content.summary}</p>
          <p>{a.content.objectives}</p>
          <p>{t("callsPages.application.totals", { requested: money(a.totals.requestedCents), counterpart: money(a.totals.counterpartCashCents + a.totals.counterpartInKindCents) })}</p>
        </section>
      )}
      {canWithdraw && (
        <Form method="post">
          <CsrfField />
          <button type="submit" name="intent" value="withdraw" className="secondary">
            {t("callsPages.application.withdraw")}
          </button>
        </Form>
      )}
    </>
  );
}

