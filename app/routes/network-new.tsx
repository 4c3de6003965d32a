import { Form, Link, redirect } from "react-router";
import { spokenLanguages } from "../../modules/accounts/inputs.ts";
import { listWorldRegions } from "../../modules/cities/list-world-regions.ts";
import { createNetwork } from "../../modules/networks/create-network.ts";
import { recordExternalNetwork } from "../../modules/networks/record-external-network.ts";
import { networkKinds } from "../../modules/networks/schema.ts";
import { listMyOrganizations } from "../../modules/organizations/list-my-organizations.ts";
import { languageNames } from "../../platform/i18n/language-names.ts";
import { locales } from "../../platform/i18n/locales.ts";
import { CsrfField, ErrorSummary, SelectField, TextAreaField, TextField } from "../components/form.tsx";
import { DateField, NetworkProfileFields, profileFrom } from "../components/network-fields.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, pageLocale, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/network-new";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const mine = await listMyOrganizations(ctx, actor);
  const focalOf = mine.memberships.filter((m) => m.role === "focal_point");
  const canHost = actor.platformAdmin;
  const canRecord = focalOf.length > 0;
  // One page for both: administrators set up hosted networks, focal points record external ones.
  const asked = new URL(request.url).searchParams.get("type");
  const mode =
    asked === "hosted" && canHost ? "hosted" : asked === "external" && canRecord ? "external" : canRecord ? "external" : canHost ? "hosted" : ("none" as const);
  return {
    mode,
    canHost,
    canRecord,
    organizations: focalOf.map((m) => ({ slug: m.slug, name: m.name, actingFor: m.actingFor })),
    regions: mode === "hosted" ? await listWorldRegions(ctx, locale) : [],
    languages: mode === "hosted" ? languageNames(locale, spokenLanguages) : [],
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const form = await request.formData();
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" ? value : "";
  };
  const intent = text("intent");
  try {
    if (intent === "hosted") {
      const profile = profileFrom(form);
      const { slug } = await createNetwork(ctx, actor, {
        ...profile,
        description: text("description"),
        descriptionLanguage: text("descriptionLanguage") as never,
        secretariat: text("secretariat"),
      });
      return redirect(`/${locale}/networks/${slug}`);
    }
    const acronym = text("acronym").trim();
    const { slug } = await recordExternalNetwork(ctx, actor, {
      name: text("name"),
      acronyms: acronym ? { [locale]: acronym } : {},
      kind: text("kind") as never,
      website: text("website"),
      since: text("since"),
      organization: text("organization") || undefined,
    });
    // The organization's membership page of the network says what was recorded.
    return redirect(`/${locale}/networks/${slug}/join?done=recorded`);
  } catch (error) {
    const values: Record<string, string | string[]> = {};
    for (const [key, value] of form) if (typeof value === "string" && key !== "_csrf") values[key] = form.getAll(key).length > 1 ? (form.getAll(key) as string[]) : value;
    return formError(error, locale, { intent, values });
  }
}

export default function NetworkNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { mode, canHost, canRecord } = loaderData;
  const errors = actionData?.errors;
  const values = (actionData?.values ?? {}) as Record<string, string | string[]>;
  const one = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : "");
  const many = (key: string) => (Array.isArray(values[key]) ? (values[key] as string[]) : values[key] ? [values[key] as string] : []);
  const title = mode === "hosted" ? t("networks.new.hostedTitle") : mode === "external" ? t("networks.new.externalTitle") : t("networks.new.title");
  const labels = {
    name: t("networks.field.name"),
    names: t("networks.field.names"),
    acronyms: t("networks.field.acronyms"),
    acronym: t("networks.field.acronym"),
    kind: t("networks.field.kind"),
    regionCodes: t("networks.field.regions"),
    workingLanguages: t("networks.field.workingLanguages"),
    foundedOn: t("networks.field.foundedOn"),
    description: t("networks.field.description"),
    descriptionLanguage: t("networks.field.descriptionLanguage"),
    website: t("networks.field.website"),
    secretariat: t("networks.field.secretariat"),
    since: t("networks.field.since"),
    organization: t("networks.field.organization"),
  };
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <title>{`${title} · Pares`}</title>
      <p>
        <Link to={`/${locale}/networks`}>{t("networks.title")}</Link>
      </p>
      <h1>{title}</h1>
      {canHost && canRecord && (
        <p>
          {mode === "hosted" ? (
            <Link to={`/${locale}/networks/new?type=external`}>{t("networks.new.switchToExternal")}</Link>
          ) : (
            <Link to={`/${locale}/networks/new?type=hosted`}>{t("networks.new.switchToHosted")}</Link>
          )}
        </p>
      )}
      {mode === "none" && (
        <>
          <p>{t("networks.new.notFocalPoint")}</p>
          <p>
            <Link to={`/${locale}/account/organizations`}>{t("nav.myOrganizations")}</Link>
          </p>
        </>
      )}
      {mode === "hosted" && (
        <>
          <p>{t("networks.new.hostedIntro")}</p>
          <ErrorSummary errors={errors} labels={labels} />
          <Form method="post" className="stack narrow" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="hosted" />
            <NetworkProfileFields
              values={{
                name: one("name"),
                names: { es: one("name_es"), pt: one("name_pt"), en: one("name_en") },
                acronyms: { es: one("acronym_es"), pt: one("acronym_pt"), en: one("acronym_en") },
                kind: one("kind") || "regional",
                regionCodes: many("regionCodes"),
                workingLanguages: values.intent ? many("workingLanguages") : [locale],
                foundedOn: one("foundedOn"),
                website: one("website"),
              }}
              options={{ regions: loaderData.regions, languages: loaderData.languages }}
              errors={errors?.fields}
            />
            <SelectField
              name="descriptionLanguage"
              label={labels.descriptionLanguage}
              defaultValue={one("descriptionLanguage") || locale}
              options={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              error={errors?.fields?.descriptionLanguage}
            />
            <TextAreaField name="description" label={labels.description} maxLength={4000} defaultValue={one("description")} error={errors?.fields?.description} />
            <TextField
              name="secretariat"
              label={labels.secretariat}
              hint={t("networks.field.secretariatHint")}
              required
              maxLength={80}
              defaultValue={one("secretariat")}
              error={errors?.fields?.secretariat}
            />
            <div>
              <button type="submit">{t("networks.new.createSubmit")}</button>
            </div>
          </Form>
        </>
      )}
      {mode === "external" && (
        <>
          <p>{t("networks.new.externalIntro")}</p>
          <ErrorSummary errors={errors} labels={labels} />
          <Form method="post" className="stack narrow" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="external" />
            <TextField name="name" label={labels.name} hint={t("networks.new.externalNameHint")} required maxLength={200} defaultValue={one("name")} error={errors?.fields?.name} />
            <TextField name="acronym" label={labels.acronym} maxLength={20} defaultValue={one("acronym")} error={errors?.fields?.acronyms} />
            <SelectField
              name="kind"
              label={labels.kind}
              hint={t("networks.field.kindHint")}
              defaultValue={one("kind") || "global"}
              options={networkKinds.map((k) => ({ value: k, label: t(`network.kind.${k}`) }))}
              error={errors?.fields?.kind}
            />
            <TextField name="website" label={labels.website} maxLength={300} defaultValue={one("website")} error={errors?.fields?.website} />
            <SelectField
              name="organization"
              label={labels.organization}
              hint={t("networks.new.organizationHint")}
              defaultValue={one("organization") || loaderData.organizations.find((o) => o.actingFor)?.slug}
              options={loaderData.organizations.map((o) => ({ value: o.slug, label: o.name }))}
              error={errors?.fields?.organization}
            />
            <DateField name="since" label={labels.since} hint={t("networks.field.sinceHint")} max={today} defaultValue={one("since")} error={errors?.fields?.since} />
            <div>
              <button type="submit">{t("networks.new.recordSubmit")}</button>
            </div>
          </Form>
        </>
      )}
    </>
  );
}
