// The offer-or-need form: kind (when posting), the text in its original language and optional
// translations, themes, SDGs, ways of working, the team's languages, the window, who sees it,
// a practice, the contact person and the expiry. Every field is named as the use cases name it
// in their errors, which show next to it.
import { Form } from "react-router";
import { type Locale, locales } from "../../platform/i18n/locales.ts";
import { useI18n } from "../i18n.tsx";
import type { ItemKind, Modality } from "../../modules/exchange/schema.ts";
import { CheckboxGroup, CsrfField, ErrorSummary, type FormErrors, LangTextField, SelectField, TextAreaField } from "./form.tsx";
import { RadiosField } from "./governance-fields.tsx";
import { DateField } from "./network-fields.tsx";

export type FormValues = Record<string, string | string[]>;

/** The use cases' lists (copies, so the browser gets no server code). */
export const itemKinds = ["offer", "need"] as const satisfies readonly ItemKind[];
export const modalities = ["technical_assistance", "expert_exchange", "internship", "training", "virtual_session", "documents"] as const satisfies readonly Modality[];

export interface ItemEditorOptions {
  organization: { slug: string; name: string };
  themes: { id: string; scheme: string; name: string }[];
  sdgs: { goal: number; shortName: string }[];
  networks: { slug: string; name: string }[];
  practices: { slug: string; title: string }[];
  contacts: { userId: string; name: string }[];
}

export function ItemEditor(props: {
  values: FormValues;
  errors?: FormErrors;
  options: ItemEditorOptions;
  /** Editing: the revision the form was opened at (the kind is not changed). */
  revision?: number;
  /** Editing: the contact person now (kept when the field is left as it is). */
  currentContact?: string | null;
  /** Hidden fields the page adds (the creation's idempotency key). */
  hidden?: Record<string, string>;
}) {
  const { t, locale } = useI18n();
  const { values, options } = props;
  const errors = props.errors?.fields ?? {};
  const editing = props.revision !== undefined;
  const one = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : "");
  const many = (key: string) => (Array.isArray(values[key]) ? (values[key] as string[]) : one(key) ? [one(key)] : []);
  const original = (locales as readonly string[]).includes(one("originalLanguage")) ? (one("originalLanguage") as Locale) : locale;
  const languages = [original, ...locales.filter((l) => l !== original)];
  const labels: Record<string, string> = {
    kind: t("exchangePages.field.kind"),
    organization: t("exchangePages.field.organization"),
    originalLanguage: t("exchangePages.editor.originalLanguage"),
    themeIds: t("exchangePages.field.themes"),
    sdgGoals: t("exchangePages.field.sdgGoals"),
    modalities: t("exchangePages.field.modalities"),
    languages: t("exchangePages.field.languages"),
    availableFrom: t("exchangePages.field.availableFrom"),
    availableUntil: t("exchangePages.field.availableUntil"),
    visibility: t("exchangePages.field.visibility"),
    networks: t("exchangePages.field.networks"),
    practice: t("exchangePages.field.practice"),
    contact: t("exchangePages.field.contact"),
    expiresOn: t("exchangePages.field.expiresOn"),
    revision: t("exchangePages.editor.revision"),
  };
  for (const l of locales) {
    labels[`texts.${l}.title`] = `${t("exchangePages.field.title")} (${t(`language.${l}`)})`;
    labels[`texts.${l}.description`] = `${t("exchangePages.field.description")} (${t(`language.${l}`)})`;
  }
  const schemes = [...new Set(options.themes.map((th) => th.scheme))];
  const contactOptions = [
    ...(editing ? [{ value: "", label: t("exchangePages.editor.keepContact", { name: props.currentContact ?? "—" }) }] : []),
    ...(!editing && one("contact") === "" ? [{ value: "", label: t("exchangePages.editor.chooseContact") }] : []),
    ...options.contacts.map((c) => ({ value: c.userId, label: c.name })),
  ];
  return (
    <>
      <ErrorSummary errors={props.errors} labels={labels} />
      <Form method="post" className="stack exchange-editor" noValidate>
        <CsrfField />
        {props.revision !== undefined && <input type="hidden" name="revision" value={props.revision} />}
        {Object.entries(props.hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <p>{t("exchangePages.editor.forOrganization", { organization: options.organization.name })}</p>
        {errors.organization && <p className="field-error">{errors.organization}</p>}
        {!editing && (
          <RadiosField
            id="kind"
            name="kind"
            legend={labels.kind!}
            checked={one("kind")}
            error={errors.kind}
            options={itemKinds.map((k) => ({ value: k, label: t(`exchangePages.kindChoice.${k}`) }))}
          />
        )}
        <SelectField
          name="originalLanguage"
          label={labels.originalLanguage!}
          hint={t("exchangePages.editor.originalLanguageHint")}
          defaultValue={original}
          error={errors.originalLanguage}
          options={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        />
        {languages.map((l) => {
          const fieldset = (
            <fieldset key={l} className="language-texts">
              <legend>{t("exchangePages.editor.textsIn", { language: t(`language.${l}`) })}</legend>
              {l === original && <p className="hint">{t("exchangePages.editor.requiredHint")}</p>}
              <LangTextField name={`texts.${l}.title`} label={t("exchangePages.field.title")} lang={l} maxLength={160} value={one(`texts.${l}.title`)} error={errors[`texts.${l}.title`]} />
              <TextAreaField
                name={`texts.${l}.description`}
                label={t("exchangePages.field.description")}
                lang={l}
                rows={8}
                maxLength={4000}
                hint={t("exchangePages.editor.descriptionHint")}
                defaultValue={one(`texts.${l}.description`)}
                error={errors[`texts.${l}.description`]}
              />
            </fieldset>
          );
          if (l === original) return fieldset;
          // Translations are optional: folded unless written or refused (still sent when folded).
          const open = one(`texts.${l}.title`) !== "" || one(`texts.${l}.description`) !== "" || !!errors[`texts.${l}.title`] || !!errors[`texts.${l}.description`];
          return (
            <details key={l} open={open} className="translation">
              <summary>{t("exchangePages.editor.textsInOptional", { language: t(`language.${l}`) })}</summary>
              {fieldset}
            </details>
          );
        })}
        <CheckboxGroup
          name="themeIds"
          legend={labels.themeIds!}
          hint={t("exchangePages.editor.themesHint")}
          checked={many("themeIds")}
          error={errors.themeIds}
          groups={schemes.map((s) => ({ legend: t(`exchangePages.scheme.${s}`), options: options.themes.filter((th) => th.scheme === s).map((th) => ({ value: th.id, label: th.name })) }))}
        />
        <CheckboxGroup
          name="sdgGoals"
          legend={labels.sdgGoals!}
          checked={many("sdgGoals")}
          error={errors.sdgGoals}
          options={options.sdgs.map((g) => ({ value: String(g.goal), label: t("exchangePages.sdg", { goal: g.goal, name: g.shortName }) }))}
        />
        <CheckboxGroup
          name="modalities"
          legend={labels.modalities!}
          checked={many("modalities")}
          error={errors.modalities}
          options={modalities.map((m) => ({ value: m, label: t(`exchange.modality.${m}`) }))}
        />
        <CheckboxGroup
          name="languages"
          legend={labels.languages!}
          hint={t("exchangePages.editor.languagesHint")}
          checked={many("languages")}
          error={errors.languages}
          options={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        />
        <fieldset>
          <legend>{t("exchangePages.editor.window")}</legend>
          <p className="hint">{t("exchangePages.editor.windowHint")}</p>
          <div className="filters">
            <DateField name="availableFrom" label={labels.availableFrom!} defaultValue={one("availableFrom")} error={errors.availableFrom} />
            <DateField name="availableUntil" label={labels.availableUntil!} defaultValue={one("availableUntil")} error={errors.availableUntil} />
          </div>
        </fieldset>
        <RadiosField
          id="visibility"
          name="visibility"
          legend={labels.visibility!}
          checked={one("visibility")}
          error={errors.visibility}
          options={[
            { value: "networks", label: t("exchangePages.visibility.networks") },
            { value: "platform", label: t("exchangePages.visibility.platform") },
          ]}
        />
        {options.networks.length > 0 ? (
          <CheckboxGroup
            name="networks"
            legend={labels.networks!}
            hint={t("exchangePages.editor.networksHint")}
            checked={many("networks")}
            error={errors.networks}
            options={options.networks.map((n) => ({ value: n.slug, label: n.name }))}
          />
        ) : (
          <p className="notice" id="networks">
            {t("exchangePages.editor.noNetworks")}
            {errors.networks && (
              <>
                {" "}
                <span className="field-error">{errors.networks}</span>
              </>
            )}
          </p>
        )}
        <SelectField
          name="practice"
          label={labels.practice!}
          hint={t("exchangePages.editor.practiceHint")}
          defaultValue={one("practice")}
          error={errors.practice}
          options={[{ value: "", label: t("exchangePages.editor.noPractice") }, ...options.practices.map((p) => ({ value: p.slug, label: p.title }))]}
        />
        <SelectField name="contact" label={labels.contact!} hint={t("exchangePages.editor.contactHint")} defaultValue={one("contact")} error={errors.contact} options={contactOptions} />
        <DateField name="expiresOn" label={labels.expiresOn!} hint={t("exchangePages.editor.expiresOnHint")} defaultValue={one("expiresOn")} error={errors.expiresOn} />
        <div className="inline-field">
          <button type="submit">{editing ? t("exchangePages.editor.save") : t("exchangePages.editor.post")}</button>
        </div>
      </Form>
    </>
  );
}
