import { data, Form, Link, redirect } from "react-router";
import { createTerm } from "../../modules/governance/create-term.ts";
import { listTerms } from "../../modules/governance/list-terms.ts";
import { updateTerm } from "../../modules/governance/update-term.ts";
import { CsrfField, ErrorSummary } from "../components/form.tsx";
import { formatDay, GovernanceNav, Period } from "../components/governance.tsx";
import { InputField } from "../components/governance-fields.tsx";
import { errorLabels, governanceFormError, readForm } from "../governance-forms.ts";
import { useI18n } from "../i18n.tsx";
import { actorOf, orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import stylesheet from "../styles/governance.css?url";
import type { Route } from "./+types/network-terms";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await actorOf(context, request);
  const list = await orPageError(listTerms(services(context), actor, params.slug, locale), request, params);
  const query = new URL(request.url).searchParams;
  const editing = list.viewer.canManage ? (list.terms.find((t) => t.id === query.get("edit")) ?? null) : null;
  const done = query.get("done");
  return { ...list, editing, done: done === "created" || done === "updated" ? done : null, signedIn: actor.userId !== null };
}

const termFields = ["label", "startsOn", "endsOn", "candidaciesOpenOn", "candidaciesCloseOn"] as const;

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const { fields } = await readForm(request);
  const intent = fields.intent ?? "";
  const input = {
    label: fields.label ?? "",
    startsOn: fields.startsOn ?? "",
    endsOn: fields.endsOn ?? "",
    candidaciesOpenOn: fields.candidaciesOpenOn,
    candidaciesCloseOn: fields.candidaciesCloseOn,
  };
  try {
    if (intent === "create") {
      await createTerm(services(context), actor, params.slug, input);
      return redirect(`/${locale}/networks/${params.slug}/terms?done=created`);
    }
    if (intent === "update") {
      await updateTerm(services(context), actor, params.slug, fields.termId ?? "", {
        ...input,
        candidaciesOpenOn: fields.candidaciesOpenOn || null,
        candidaciesCloseOn: fields.candidaciesCloseOn || null,
      });
      return redirect(`/${locale}/networks/${params.slug}/terms?done=updated`);
    }
    throw data(null, { status: 400 });
  } catch (error) {
    return governanceFormError(error, locale, { intent, shown: termFields, values: fields });
  }
}

export default function NetworkTerms({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { network, terms, viewer, editing, done, signedIn } = loaderData;
  const errors = actionData?.errors;
  const failed = actionData?.intent;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const form = (intent: "create" | "update", term: (typeof terms)[number] | null) => {
    const value = (field: (typeof termFields)[number]) => (failed === intent ? values[field] : (term?.[field] ?? undefined)) ?? "";
    const err = (field: string) => errors?.fields?.[`${intent}-${field}`];
    return (
      <Form method="post" className="stack narrow" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value={intent} />
        {term && <input type="hidden" name="termId" value={term.id} />}
        <InputField id={`${intent}-label`} name="label" label={t("governance.field.label")} hint={t("governance.terms.labelHint")} required maxLength={60} defaultValue={value("label")} error={err("label")} />
        <InputField id={`${intent}-startsOn`} name="startsOn" type="date" label={t("governance.field.startsOn")} required defaultValue={value("startsOn")} error={err("startsOn")} />
        <InputField id={`${intent}-endsOn`} name="endsOn" type="date" label={t("governance.field.endsOn")} required defaultValue={value("endsOn")} error={err("endsOn")} />
        <InputField
          id={`${intent}-candidaciesOpenOn`}
          name="candidaciesOpenOn"
          type="date"
          label={t("governance.field.candidaciesOpenOn")}
          hint={t("governance.terms.windowHint")}
          defaultValue={value("candidaciesOpenOn")}
          error={err("candidaciesOpenOn")}
        />
        <InputField id={`${intent}-candidaciesCloseOn`} name="candidaciesCloseOn" type="date" label={t("governance.field.candidaciesCloseOn")} defaultValue={value("candidaciesCloseOn")} error={err("candidaciesCloseOn")} />
        <div>
          <button type="submit">{intent === "create" ? t("governance.terms.create") : t("form.save")}</button>
        </div>
      </Form>
    );
  };
  return (
    <>
      <title>{`${t("governance.terms.title", { network: network.name })} · Pares`}</title>
      <p>
        <Link to={`/${locale}/networks/${network.slug}`}>{network.name}</Link>
      </p>
      <h1>{t("governance.terms.title", { network: network.name })}</h1>
      <GovernanceNav slug={network.slug} current="terms" signedIn={signedIn} />
      {done && <p role="status">{t(`governance.terms.done.${done}`)}</p>}
      <ErrorSummary errors={errors} labels={errorLabels(errors, t)} />
      <p>{t("governance.terms.intro")}</p>
      {terms.length === 0 ? (
        <p>{t("governance.terms.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("governance.terms.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("governance.field.term")}</th>
                <th scope="col">{t("governance.table.period")}</th>
                <th scope="col">{t("governance.terms.window")}</th>
                <th scope="col">{t("governance.field.status")}</th>
                {viewer.canManage && <th scope="col">{t("governance.table.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {[...terms].reverse().map((term) => (
                <tr key={term.id}>
                  <th scope="row">{term.label}</th>
                  <td>
                    <Period startsOn={term.startsOn} endsOn={term.endsOn} />
                  </td>
                  <td>
                    {term.candidaciesOpenOn && term.candidaciesCloseOn
                      ? t("governance.period.closed", { from: formatDay(locale, term.candidaciesOpenOn), to: formatDay(locale, term.candidaciesCloseOn) })
                      : t("governance.terms.noWindow")}
                  </td>
                  <td>
                    {t(`governance.terms.status.${term.status}`)}
                    {term.windowOpen && <strong> · {t("governance.terms.windowOpen")}</strong>}
                  </td>
                  {viewer.canManage && (
                    <td>
                      <Link to={`/${locale}/networks/${network.slug}/terms?edit=${term.id}#edit-title`} aria-label={t("governance.terms.editNamed", { term: term.label })}>
                        {t("governance.terms.edit")}
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {viewer.canManage && editing && (
        <section aria-labelledby="edit-title">
          <h2 id="edit-title">{t("governance.terms.editTitle", { term: editing.label })}</h2>
          {form("update", editing)}
        </section>
      )}
      {viewer.canManage && (
        <section aria-labelledby="create-title">
          <h2 id="create-title">{t("governance.terms.createTitle")}</h2>
          {form("create", null)}
        </section>
      )}
    </>
  );
}
