// Form parts of the networks pages: a date field, text per language, and the profile fields shared
// by creating and editing a network. Plain HTML inputs: they work without JavaScript.
import { locales, type Translated } from "../../platform/i18n/locales.ts";
import { networkKinds } from "../../modules/networks/schema.ts";
import { useI18n } from "../i18n.tsx";
import { CheckboxGroup, SelectField, TextField } from "./form.tsx";

/** A labelled date (YYYY-MM-DD); browsers show a date picker, and typing works everywhere. */
export function DateField(props: { name: string; label: string; defaultValue?: string; hint?: string; error?: string; required?: boolean; max?: string; withTime?: boolean }) {
  const described = [props.hint && `${props.name}-hint`, props.error && `${props.name}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={props.name}>{props.label}</label>
      <input
        id={props.name}
        name={props.name}
        type={props.withTime ? "datetime-local" : "date"}
        defaultValue={props.defaultValue}
        required={props.required}
        max={props.max}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
      />
      {props.hint && (
        <p id={`${props.name}-hint`} className="hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${props.name}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** One text field per UI language (name_es, name_pt, name_en) in a fieldset whose id the error summary links to. */
export function TranslatedFields(props: { name: string; prefix: string; legend: string; hint?: string; values: Translated; error?: string; maxLength: number }) {
  const { t } = useI18n();
  return (
    <fieldset id={props.name} tabIndex={-1} aria-describedby={[props.hint && `${props.name}-hint`, props.error && `${props.name}-error`].filter(Boolean).join(" ") || undefined}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p id={`${props.name}-hint`} className="hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${props.name}-error`} className="field-error">
          {props.error}
        </p>
      )}
      {locales.map((l) => (
        <TextField key={l} name={`${props.prefix}_${l}`} label={t(`language.${l}`)} maxLength={props.maxLength} defaultValue={props.values[l] ?? ""} />
      ))}
    </fieldset>
  );
}

/** The text per language a form posted under prefix_es, prefix_pt, prefix_en. */
export function translatedFrom(fields: Record<string, string>, prefix: string): Translated {
  return Object.fromEntries(locales.filter((l) => `${prefix}_${l}` in fields).map((l) => [l, fields[`${prefix}_${l}`] ?? ""]));
}

export interface ProfileValues {
  name: string;
  names: Translated;
  acronyms: Translated;
  kind: string;
  regionCodes: string[];
  workingLanguages: string[];
  foundedOn: string;
  website: string;
}

export interface ProfileOptions {
  regions: { code: string; level: string; parentCode: string | null; name: string }[];
  languages: { code: string; name: string }[];
}

/** The fields of a network's profile (the description is edited apart, one language at a time). */
export function NetworkProfileFields({ values, options, errors }: { values: ProfileValues; options: ProfileOptions; errors?: Record<string, string> }) {
  const { t } = useI18n();
  const today = new Date().toISOString().slice(0, 10);
  const topRegions = options.regions.filter((r) => r.level === "region");
  // Regions grouped under their continent; each continent is a choice too.
  const regionGroups = topRegions.map((top) => ({
    legend: top.name,
    options: [top, ...options.regions.filter((r) => r.code !== top.code && belongsTo(options.regions, r, top.code))].map((r) => ({ value: r.code, label: r.name })),
  }));
  return (
    <>
      <TextField name="name" label={t("networks.field.name")} hint={t("networks.field.nameHint")} required maxLength={200} defaultValue={values.name} error={errors?.name} />
      <TranslatedFields name="names" prefix="name" legend={t("networks.field.names")} hint={t("networks.field.namesHint")} values={values.names} error={errors?.names} maxLength={200} />
      <TranslatedFields name="acronyms" prefix="acronym" legend={t("networks.field.acronyms")} values={values.acronyms} error={errors?.acronyms} maxLength={20} />
      <SelectField
        name="kind"
        label={t("networks.field.kind")}
        hint={t("networks.field.kindHint")}
        defaultValue={values.kind}
        error={errors?.kind}
        options={networkKinds.map((k) => ({ value: k, label: t(`network.kind.${k}`) }))}
      />
      <CheckboxGroup name="regionCodes" legend={t("networks.field.regions")} hint={t("networks.field.regionsHint")} groups={regionGroups} checked={values.regionCodes} error={errors?.regionCodes} />
      <CheckboxGroup
        name="workingLanguages"
        legend={t("networks.field.workingLanguages")}
        options={options.languages.map((l) => ({ value: l.code, label: l.name }))}
        checked={values.workingLanguages}
        error={errors?.workingLanguages}
      />
      <DateField name="foundedOn" label={t("networks.field.foundedOn")} hint={t("networks.field.dateHint")} max={today} defaultValue={values.foundedOn} error={errors?.foundedOn} />
      <TextField name="website" label={t("networks.field.website")} maxLength={300} defaultValue={values.website} error={errors?.website} />
    </>
  );
}

function belongsTo(regions: ProfileOptions["regions"], region: ProfileOptions["regions"][number], top: string): boolean {
  let parent = region.parentCode;
  while (parent) {
    if (parent === top) return true;
    parent = regions.find((r) => r.code === parent)?.parentCode ?? null;
  }
  return false;
}

/** The profile fields of a posted form, as the use cases take them. */
export function profileFrom(form: FormData) {
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" ? value : "";
  };
  const fields: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") fields[key] = value;
  return {
    name: text("name"),
    names: translatedFrom(fields, "name"),
    acronyms: translatedFrom(fields, "acronym"),
    kind: text("kind") as never,
    regionCodes: form.getAll("regionCodes").filter((v): v is string => typeof v === "string"),
    workingLanguages: form.getAll("workingLanguages").filter((v): v is string => typeof v === "string") as never[],
    foundedOn: text("foundedOn"),
    website: text("website"),
  };
}
