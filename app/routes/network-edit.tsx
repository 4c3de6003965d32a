import { data, Form, Link, redirect } from "react-router";
import { spokenLanguages } from "../../modules/accounts/inputs.ts";
import { listWorldRegions } from "../../modules/cities/list-world-regions.ts";
import { getNetworkProfile } from "../../modules/networks/get-network-profile.ts";
import { saveNetworkCategory } from "../../modules/networks/save-network-category.ts";
import { maxLogoBytes, setNetworkLogo } from "../../modules/networks/set-network-logo.ts";
import { updateNetwork } from "../../modules/networks/update-network.ts";
import { languageNames } from "../../platform/i18n/language-names.ts";
import { isLocale, locales } from "../../platform/i18n/locales.ts";
import { CsrfField, ErrorSummary, SelectField, TextAreaField, TextField } from "../components/form.tsx";
import { NetworkProfileFields, profileFrom, TranslatedFields, translatedFrom } from "../components/network-fields.tsx";
import { useI18n } from "../i18n.tsx";
import { formError, orPageError, pageLocale, requireActor, services } from "../route-helpers.ts";
import type { Route } from "./+types/network-edit";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = pageLocale(params);
  const actor = await requireActor(context, request, params);
  const ctx = services(context);
  const network = await orPageError(getNetworkProfile(ctx, actor, params.slug, locale), request, params);
  // The network is public: someone who may not edit it is refused, not told it is missing.
  if (!network.viewer.canUpdate) throw data(null, { status: 403 });
  const url = new URL(request.url);
  const asked = url.searchParams.get("language");
  return {
    network,
    language: isLocale(asked) ? asked : locale,
    done: url.searchParams.get("done"),
    regions: await listWorldRegions(ctx, locale),
    languages: languageNames(locale, spokenLanguages),
    // As data: the module that defines the limit writes to the database and stays on the server.
    logoKb: maxLogoBytes / 1024,
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
  const back = (done: string) => redirect(`/${locale}/networks/${params.slug}/edit?done=${done}`);
  try {
    switch (intent) {
      case "profile": {
        const language = text("descriptionLanguage");
        await updateNetwork(ctx, actor, params.slug, {
          ...profileFrom(form),
          // The description is written in the language chosen on the page; without one it stays.
          ...(isLocale(language) && form.has("description") ? { description: text("description"), descriptionLanguage: language } : {}),
          ...(form.has("secretariat") ? { secretariat: text("secretariat") } : {}),
        });
        return redirect(`/${locale}/networks/${params.slug}/edit?done=profile${isLocale(language) && language !== locale ? `&language=${language}` : ""}`);
      }
      case "logo": {
        const file = form.get("logo");
        const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
        await setNetworkLogo(ctx, actor, params.slug, bytes);
        return back("logo");
      }
      case "removeLogo":
        await setNetworkLogo(ctx, actor, params.slug, null);
        return back("logoRemoved");
      case "category": {
        const fields: Record<string, string> = {};
        for (const [key, value] of form) if (typeof value === "string") fields[key] = value;
        await saveNetworkCategory(ctx, actor, params.slug, { key: text("key"), names: translatedFrom(fields, "category") });
        return back("category");
      }
      default:
        throw data(null, { status: 400 });
    }
  } catch (error) {
    const values: Record<string, string | string[]> = {};
    for (const [key, value] of form) if (typeof value === "string" && key !== "_csrf") values[key] = form.getAll(key).length > 1 ? (form.getAll(key) as string[]) : value;
    return formError(error, locale, { intent, values });
  }
}

export default function NetworkEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { network: n, language, done } = loaderData;
  const intent = actionData?.intent;
  const errorsFor = (which: string) => (intent === which ? actionData?.errors : undefined);
  const values = (actionData?.values ?? {}) as Record<string, string | string[]>;
  const posted = intent === "profile";
  const one = (key: string, fallback: string) => (posted && typeof values[key] === "string" ? (values[key] as string) : fallback);
  const many = (key: string, fallback: string[]) =>
    posted ? (Array.isArray(values[key]) ? (values[key] as string[]) : values[key] ? [values[key] as string] : []) : fallback;
  const labels = {
    name: t("networks.field.name"),
    names: t("networks.field.names"),
    acronyms: t("networks.field.acronyms"),
    kind: t("networks.field.kind"),
    regionCodes: t("networks.field.regions"),
    workingLanguages: t("networks.field.workingLanguages"),
    foundedOn: t("networks.field.foundedOn"),
    description: t("networks.field.description"),
    website: t("networks.field.website"),
    secretariat: t("networks.field.secretariat"),
    logo: t("networks.edit.logo"),
    key: t("networks.category.key"),
    names_: t("networks.category.names"),
  };
  const profileErrors = errorsFor("profile");
  const logoErrors = errorsFor("logo");
  const categoryErrors = errorsFor("category");
  return (
    <>
      <title>{`${t("networks.edit.title")} · ${n.name} · Pares`}</title>
      <p>
        <Link to={`/${locale}/networks/${n.slug}`}>{n.name}</Link>
      </p>
      <h1>{t("networks.edit.title")}</h1>
      {done && <p role="status">{t(`networks.edit.done.${done}`)}</p>}
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t("networks.edit.profile")}</h2>
        <ErrorSummary errors={profileErrors} labels={labels} />
        <form method="get" className="inline-field" aria-label={t("networks.edit.chooseLanguage")}>
          <SelectField
            name="language"
            label={t("networks.edit.chooseLanguage")}
            hint={t("networks.edit.languageHint")}
            defaultValue={language}
            options={locales.map((l) => ({ value: l, label: `${t(`language.${l}`)}${n.descriptions[l] ? "" : ` (${t("networks.edit.notWritten")})`}` }))}
          />
          <div className="field actions">
            <button type="submit" className="secondary">
              {t("networks.edit.showLanguage")}
            </button>
          </div>
        </form>
        <Form method="post" className="stack narrow" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="profile" />
          <NetworkProfileFields
            values={{
              name: one("name", n.originalName),
              names: { es: one("name_es", n.names.es ?? ""), pt: one("name_pt", n.names.pt ?? ""), en: one("name_en", n.names.en ?? "") },
              acronyms: { es: one("acronym_es", n.acronyms.es ?? ""), pt: one("acronym_pt", n.acronyms.pt ?? ""), en: one("acronym_en", n.acronyms.en ?? "") },
              kind: one("kind", n.kind),
              regionCodes: many("regionCodes", n.regions.map((r) => r.code)),
              workingLanguages: many("workingLanguages", n.workingLanguages),
              foundedOn: one("foundedOn", n.foundedOn ?? ""),
              website: one("website", n.website ?? ""),
            }}
            options={{ regions: loaderData.regions, languages: loaderData.languages }}
            errors={profileErrors?.fields}
          />
          <input type="hidden" name="descriptionLanguage" value={language} />
          <TextAreaField
            name="description"
            label={t("networks.edit.descriptionIn", { language: t(`language.${language}`) })}
            maxLength={4000}
            lang={language}
            defaultValue={one("description", n.descriptions[language] ?? "")}
            error={profileErrors?.fields?.description}
          />
          {n.viewer.canSetSecretariat && (
            <TextField
              name="secretariat"
              label={labels.secretariat}
              hint={t("networks.field.secretariatHint")}
              maxLength={80}
              defaultValue={one("secretariat", n.secretariat?.slug ?? "")}
              error={profileErrors?.fields?.secretariat}
            />
          )}
          <div>
            <button type="submit">{t("form.save")}</button>
          </div>
        </Form>
      </section>
      <section aria-labelledby="logo-title">
        <h2 id="logo-title">{t("networks.edit.logo")}</h2>
        {n.logoVersion ? (
          <p>
            <img src={`/${locale}/networks/${n.slug}/logo?v=${n.logoVersion}`} alt={t("networks.logoOf", { name: n.name })} height={96} />
          </p>
        ) : (
          <p>{t("networks.edit.noLogo")}</p>
        )}
        <ErrorSummary errors={logoErrors} labels={labels} />
        <Form method="post" encType="multipart/form-data" className="stack narrow">
          <CsrfField />
          <input type="hidden" name="intent" value="logo" />
          <div className="field">
            <label htmlFor="logo">{t("networks.edit.logoFile")}</label>
            <input
              id="logo"
              name="logo"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              aria-describedby={`logo-hint${logoErrors?.fields?.logo ? " logo-error" : ""}`}
              aria-invalid={logoErrors?.fields?.logo ? true : undefined}
            />
            <p id="logo-hint" className="hint">
              {t("networks.edit.logoHint", { kb: loaderData.logoKb })}
            </p>
            {logoErrors?.fields?.logo && (
              <p id="logo-error" className="field-error">
                {logoErrors.fields.logo}
              </p>
            )}
          </div>
          <div>
            <button type="submit">{t("networks.edit.logoSubmit")}</button>
          </div>
        </Form>
        {n.logoVersion && (
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="removeLogo" />
            <button type="submit" className="secondary">
              {t("networks.edit.logoRemove")}
            </button>
          </Form>
        )}
      </section>
      {n.viewer.canManageMembers && (
        <section aria-labelledby="categories-title">
          <h2 id="categories-title">{t("networks.edit.categories")}</h2>
          <p>{t("networks.edit.categoriesIntro")}</p>
          <ErrorSummary errors={categoryErrors} labels={{ key: labels.key, names: labels.names_ }} />
          <ul className="cards">
            {n.categories.map((c) => (
              <li key={c.key} className="card">
                <h3 className="card-title">
                  {c.name} <span className="muted">({c.key})</span>
                </h3>
                <Form method="post" className="stack">
                  <CsrfField />
                  <input type="hidden" name="intent" value="category" />
                  <input type="hidden" name="key" value={c.key} />
                  <CategoryNames idPrefix={`category-${c.key}`} legend={t("networks.category.namesOf", { key: c.key })} values={c.names} />
                  <div>
                    <button type="submit" className="secondary">
                      {t("networks.category.rename")}
                    </button>
                  </div>
                </Form>
              </li>
            ))}
          </ul>
          <h3>{t("networks.category.add")}</h3>
          <Form method="post" className="stack narrow" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="category" />
            <TextField name="key" label={labels.key} hint={t("networks.category.keyHint")} maxLength={40} required error={categoryErrors?.fields?.key} />
            <TranslatedFields name="names" prefix="category" legend={labels.names_} values={{}} error={categoryErrors?.fields?.names} maxLength={100} />
            <div>
              <button type="submit">{t("networks.category.addSubmit")}</button>
            </div>
          </Form>
        </section>
      )}
    </>
  );
}

/** A category's name in each language, with ids unique on the page (one form per category). */
function CategoryNames({ idPrefix, legend, values }: { idPrefix: string; legend: string; values: Partial<Record<string, string>> }) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{legend}</legend>
      {locales.map((l) => (
        <div className="field" key={l}>
          <label htmlFor={`${idPrefix}-${l}`}>{t(`language.${l}`)}</label>
          <input id={`${idPrefix}-${l}`} name={`category_${l}`} type="text" maxLength={100} defaultValue={values[l] ?? ""} />
        </div>
      ))}
    </fieldset>
  );
}
