import { data, Form, Link, redirect } from "react-router";
import { decideCandidacy } from "../../modules/governance/decide-candidacy.ts";
import { listCandidacies } from "../../modules/governance/list-candidacies.ts";
import { candidacyStatuses, decidingBodies } from "../../modules/governance/schema.ts";
import { withdrawCandidacy } from "../../modules/governance/withdraw-candidacy.ts";
import { CsrfField, ErrorSummary } from "../components/form.tsx";
import { GovernanceNav } from "../components/governance.tsx";
import { ChoiceField, InputField, LongTextField, RadiosField } from "../components/governance-fields.tsx";
import { errorLabels, governanceFormError, readForm } from "../governance-forms.ts";
import { useI18n } from "../i18n.tsx";
import { orPageError, pageLocale, queryOf, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/governance.css?url";
import type { Route } from "./+types/network-candidacies";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const query = queryOf(request);
  const list = await orPageError(listCandidacies(services(context), actor, params.slug, query, locale), request, params);
  const done = new URL(request.url).searchParams.get("done");
  return { ...list, query, done: done === "decided" || done === "withdrawn" ? done : null };
}

/** One decision form per candidacy: its fields' ids start with this. */
const formKey = (candidacyId: string) => `d${candidacyId.replace(/[^0-9a-z]/gi, "")}`;
const decisionFields = ["decision", "decidingBody", "reference", "reason"] as const;

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const { fields } = await readForm(request);
  const id = fields.candidacyId ?? "";
  const back = (done: string) => redirect(`/${locale}/networks/${params.slug}/candidacies?done=${done}`);
  try {
    switch (fields.intent) {
      case "decide":
        await decideCandidacy(services(context), actor, params.slug, id, {
          decision: fields.decision as never,
          decidingBody: fields.decidingBody as never,
          reference: fields.reference ?? "",
          reason: fields.reason,
        });
        return back("decided");
      case "withdraw":
        await withdrawCandidacy(services(context), actor, params.slug, id);
        return back("withdrawn");
      default:
        throw data(null, { status: 400 });
    }
  } catch (error) {
    return governanceFormError(error, locale, { intent: fields.intent === "decide" ? formKey(id) : "withdraw", shown: fields.intent === "decide" ? decisionFields : [], values: fields });
  }
}

export default function NetworkCandidacies({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale, dateTime } = useI18n();
  const { network, items, terms, bodies, viewer, query, done } = loaderData;
  const errors = actionData?.errors;
  const failed = actionData?.intent;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <>
      <title>{`${t("governance.candidacies.title", { network: network.name })} · Pares`}</title>
      <p>
        <Link to={`/${locale}/networks/${network.slug}`}>{network.name}</Link>
      </p>
      <h1>{t("governance.candidacies.title", { network: network.name })}</h1>
      <GovernanceNav slug={network.slug} current="candidacies" signedIn />
      {done && <p role="status">{t(`governance.candidacies.done.${done}`)}</p>}
      <ErrorSummary errors={errors} labels={errorLabels(errors, t)} />
      <p>{viewer.seesAll ? t("governance.candidacies.introSecretariat") : t("governance.candidacies.introOwn")}</p>
      <form method="get" className="filters" aria-label={t("governance.candidacies.filters")}>
        <ChoiceField id="term" name="term" label={t("governance.field.term")} defaultValue={query.term ?? ""} options={[{ value: "", label: t("governance.candidacies.anyTerm") }, ...terms.map((term) => ({ value: term.id, label: term.label }))]} />
        <ChoiceField id="body" name="body" label={t("governance.candidacies.unit")} defaultValue={query.body ?? ""} options={[{ value: "", label: t("governance.candidacies.anyUnit") }, ...bodies.map((b) => ({ value: b.slug, label: b.name }))]} />
        <ChoiceField
          id="status"
          name="status"
          label={t("governance.field.status")}
          defaultValue={query.status ?? ""}
          options={[{ value: "", label: t("governance.candidacies.anyStatus") }, ...candidacyStatuses.map((s) => ({ value: s, label: t(`governance.candidacy.status.${s}`) }))]}
        />
        <div className="field actions">
          <button type="submit" className="secondary">
            {t("governance.candidacies.filter")}
          </button>
        </div>
      </form>
      {items.length === 0 ? (
        <p>{t("governance.candidacies.none")}</p>
      ) : (
        <ul className="cards">
          {items.map((c) => {
            const key = formKey(c.id);
            const err = (field: string) => errors?.fields?.[`${key}-${field}`];
            const value = (field: string, fallback = "") => (failed === key ? (values[field] ?? fallback) : fallback);
            return (
              <li key={c.id} className="card">
                <h2 className="card-title">
                  {t("governance.candidacy.line", { organization: c.organization.name, role: c.role, term: c.term.label })}
                </h2>
                <p>
                  <Link to={`/${locale}/networks/${network.slug}/bodies/${c.body.slug}`}>{c.body.name}</Link> ·{" "}
                  <span className={`status-${c.status}`}>{t(`governance.candidacy.status.${c.status}`)}</span>
                </p>
                <p className="muted">{t("governance.candidacy.submitted", { date: dateTime(c.createdAt) })}</p>
                {c.statement && <blockquote>{c.statement}</blockquote>}
                {c.decidedAt && (
                  <p>
                    {t("governance.candidacy.decision", { body: c.decidingBody ?? "assembly", reference: c.decisionReference ?? "", date: dateTime(c.decidedAt) })}
                    {c.decisionReason && <> {t("governance.email.reason", { reason: c.decisionReason })}</>}
                  </p>
                )}
                {c.status === "submitted" && viewer.canDecide && (
                  <Form method="post" className="stack" noValidate>
                    <CsrfField />
                    <input type="hidden" name="intent" value="decide" />
                    <input type="hidden" name="candidacyId" value={c.id} />
                    {/* Nothing chosen beforehand: the officer records what was decided. */}
                    <RadiosField
                      id={`${key}-decision`}
                      name="decision"
                      legend={t("governance.field.decision")}
                      checked={value("decision")}
                      options={[
                        { value: "approve", label: t("governance.decision.approve") },
                        { value: "reject", label: t("governance.decision.reject") },
                      ]}
                      error={err("decision")}
                    />
                    <ChoiceField
                      id={`${key}-decidingBody`}
                      name="decidingBody"
                      label={t("governance.field.decidingBody")}
                      defaultValue={value("decidingBody", "assembly")}
                      options={decidingBodies.map((b) => ({ value: b, label: t(`governance.decidingBody.${b}`) }))}
                      error={err("decidingBody")}
                    />
                    <InputField id={`${key}-reference`} name="reference" label={t("governance.field.reference")} hint={t("governance.decision.referenceHint")} maxLength={200} defaultValue={value("reference")} error={err("reference")} />
                    <LongTextField id={`${key}-reason`} name="reason" label={t("governance.field.reason")} hint={t("governance.decision.reasonHint")} maxLength={2000} rows={3} defaultValue={value("reason")} error={err("reason")} />
                    <div>
                      <button type="submit" aria-label={t("governance.decision.submitNamed", { organization: c.organization.name })}>
                        {t("governance.decision.submit")}
                      </button>
                    </div>
                  </Form>
                )}
                {c.status === "submitted" && viewer.withdrawFor.includes(c.organization.id) && (
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="intent" value="withdraw" />
                    <input type="hidden" name="candidacyId" value={c.id} />
                    <button type="submit" className="secondary">
                      {t("governance.candidacy.withdraw")}
                    </button>
                  </Form>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
