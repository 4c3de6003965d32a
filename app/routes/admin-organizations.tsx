import { data, Form, Link } from "react-router";
import { listOrganizations } from "../../modules/organizations/list-organizations.ts";
import { mergeOrganizations } from "../../modules/organizations/merge-organizations.ts";
import { organizationPolicy } from "../../modules/organizations/policy.ts";
import { verifyOrganization } from "../../modules/organizations/verify-organization.ts";
import { CsrfField, ErrorSummary, SelectField, TextField } from "../components/form.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, formFields, orPageError, pageLocale, queryOf, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/admin-organizations";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = await requireActor(context, request, params);
  if (!organizationPolicy.verify(actor)) throw data(null, { status: 404 });
  const query: Record<string, string> = { verified: "no", ...queryOf(request) };
  const { verified, ...rest } = query;
  const filter = { ...rest, verified: verified === "all" ? undefined : verified, pageSize: 50 };
  const result = await orPageError(listOrganizations(services(context), filter as never, pageLocale(params)), request, params);
  return { query, result };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const fields = await formFields(request);
  try {
    if (fields.intent === "verify") {
      await verifyOrganization(services(context), actor, fields.slug ?? "");
      return { done: "verified" as const };
    }
    await mergeOrganizations(services(context), actor, { duplicate: fields.duplicate ?? "", into: fields.into ?? "" });
    return { done: "merged" as const };
  } catch (error) {
    return formError(error, locale, { duplicate: fields.duplicate, into: fields.into });
  }
}

export default function AdminOrganizations({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { query, result } = loaderData;
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const values = actionData && "duplicate" in actionData ? actionData : undefined;
  return (
    <>
      <title>{`${t("admin.organizations.title")} · Pares`}</title>
      <p>
        <Link to={`/${locale}/admin`}>{t("admin.title")}</Link>
      </p>
      <h1>{t("admin.organizations.title")}</h1>
      {actionData && "done" in actionData && <p role="status">{t(`admin.organizations.done.${actionData.done}`)}</p>}
      <ErrorSummary errors={errors} labels={{ duplicate: t("admin.organizations.duplicate"), into: t("admin.organizations.into") }} />
      <p>
        <Link to={`/${locale}/organizations/new`}>{t("organizations.create")}</Link>
      </p>
      <form method="get" className="filters" role="search" aria-label={t("admin.organizations.title")}>
        <div className="field">
          <label htmlFor="q">{t("organizations.search.label")}</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} />
        </div>
        <SelectField
          name="verified"
          label={t("admin.organizations.verification")}
          defaultValue={query.verified ?? ""}
          options={[
            { value: "no", label: t("organization.unverified") },
            { value: "yes", label: t("organization.verified") },
            { value: "all", label: t("admin.organizations.anyVerification") },
          ]}
        />
        <div className="field actions">
          <button type="submit">{t("cities.search.submit")}</button>
        </div>
      </form>
      <h2 aria-live="polite">{t("organizations.results.count", { count: result.total })}</h2>
      <ul className="cards">
        {result.items.map((o) => (
          <li key={o.slug} className="card">
            <h3 className="card-title">
              <Link to={`/${locale}/organizations/${o.slug}`}>{o.name}</Link>
            </h3>
            <p>
              {t(`organization.kind.${o.kind}`)} · {o.cityName ? `${o.cityName}, ${o.countryName}` : o.countryName}
            </p>
            <p className="muted">
              <code>{o.slug}</code> · {t("organization.memberCount", { count: o.memberCount })}
            </p>
            {!o.verified && (
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="intent" value="verify" />
                <input type="hidden" name="slug" value={o.slug} />
                <button type="submit" aria-label={t("admin.organizations.verifyNamed", { name: o.name })}>
                  {t("organization.verify")}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      <section aria-labelledby="merge-title">
        <h2 id="merge-title">{t("admin.organizations.merge")}</h2>
        <p>{t("admin.organizations.mergeIntro")}</p>
        <Form method="post" className="stack narrow" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="merge" />
          <TextField name="duplicate" label={t("admin.organizations.duplicate")} hint={t("admin.organizations.slugHint")} defaultValue={values?.duplicate} error={errors?.fields?.duplicate} />
          <TextField name="into" label={t("admin.organizations.into")} hint={t("admin.organizations.slugHint")} defaultValue={values?.into} error={errors?.fields?.into} />
          <div>
            <button type="submit">{t("admin.organizations.mergeSubmit")}</button>
          </div>
        </Form>
      </section>
    </>
  );
}
