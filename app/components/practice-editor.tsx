// The practice editor: the text in its original language and, optionally, translations; themes
// and the network's axes; SDGs; period, budget, reach; partners, contact and links; on an
// existing practice its images and documents (multipart, an image needs its description).
// Every field is named as the use cases name it in their errors, which show next to it.
import { Form } from "react-router";
import { type Locale, locales } from "../../platform/i18n/locales.ts";
import { useI18n } from "../i18n.tsx";
import { CheckboxGroup, CsrfField, ErrorSummary, type FormErrors, LangTextField, SelectField, TextAreaField, TextField } from "./form.tsx";

export type FormValues = Record<string, string | string[]>;

const textFields = ["title", "summary", "problem", "solution", "results", "lessons", "replication"] as const;
const textLimits: Record<(typeof textFields)[number], number> = {
  title: 160,
  summary: 800,
  problem: 6000,
  solution: 8000,
  results: 6000,
  lessons: 4000,
  replication: 4000,
};

export interface EditorOptions {
  networks?: { slug: string; name: string }[];
  themes: { id: string; scheme: string; name: string }[];
  axes: { key: string; name: string }[];
  sdgs: { goal: number; shortName: string }[];
  partnerKinds: readonly string[];
  files?: { id: string; kind: "image" | "attachment"; name: string; alt: { text: string; language: string } | null }[];
  maxFileMb?: number;
}

export function PracticeEditor(props: {
  slug?: string;
  values: FormValues;
  errors?: FormErrors;
  options: EditorOptions;
  revision?: number;
  /** Hidden fields the page adds (the creation's idempotency key). */
  hidden?: Record<string, string>;
}) {
  const { t, locale } = useI18n();
  const { values, options, slug } = props;
  const errors = props.errors?.fields ?? {};
  const one = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : "");
  const many = (key: string) => (Array.isArray(values[key]) ? (values[key] as string[]) : one(key) ? [one(key)] : []);
  const original = (locales as readonly string[]).includes(one("originalLanguage")) ? (one("originalLanguage") as Locale) : locale;
  const languages = [original, ...locales.filter((l) => l !== original)];
  const countRows = (prefix: string, field: string) => {
    let n = 0;
    while (`${prefix}.${n}.${field}` in values) n++;
    return n;
  };
  const partnerCount = Math.max(3, countRows("partners", "name") + 1);
  const linkCount = Math.max(2, countRows("links", "url") + 1);
  const labels: Record<string, string> = {
    network: t("practicesPages.field.network"),
    originalLanguage: t("practicesPages.editor.originalLanguage"),
    themeIds: t("practicesPages.field.themes"),
    axisKeys: t("practicesPages.field.axes"),
    sdgGoals: t("practicesPages.field.sdgGoals"),
    sdgTargets: t("practicesPages.field.sdgTargets"),
    startYear: t("practicesPages.editor.startYear"),
    endYear: t("practicesPages.editor.endYear"),
    budgetAmount: t("practicesPages.editor.budgetAmount"),
    budgetCurrency: t("practicesPages.editor.budgetCurrency"),
    populationReached: t("practicesPages.field.populationReached"),
    "contact.name": t("practicesPages.editor.contactName"),
    "contact.position": t("practicesPages.editor.contactPosition"),
    "contact.email": t("practicesPages.editor.contactEmail"),
    file: t("practicesPages.editor.file"),
    alt: t("practicesPages.editor.alt"),
    fileIds: t("practicesPages.editor.files"),
    organization: t("practicesPages.editor.organization"),
  };
  for (const l of locales) {
    for (const f of textFields) labels[`texts.${l}.${f}`] = `${t(`practicesPages.text.${f}`)} (${t(`language.${l}`)})`;
    labels[`alt.${l}`] = `${t("practicesPages.editor.alt")} (${t(`language.${l}`)})`;
  }
  for (let i = 0; i < partnerCount; i++) {
    labels[`partners.${i}.name`] = t("practicesPages.editor.partnerRow", { n: i + 1, field: t("practicesPages.editor.partnerName") });
    labels[`partners.${i}.kind`] = t("practicesPages.editor.partnerRow", { n: i + 1, field: t("practicesPages.editor.partnerKind") });
    labels[`partners.${i}.organization`] = t("practicesPages.editor.partnerRow", { n: i + 1, field: t("practicesPages.editor.partnerOrganization") });
  }
  for (let i = 0; i < linkCount; i++) {
    labels[`links.${i}.url`] = t("practicesPages.editor.linkRow", { n: i + 1, field: t("practicesPages.editor.linkUrl") });
    labels[`links.${i}.label`] = t("practicesPages.editor.linkRow", { n: i + 1, field: t("practicesPages.editor.linkLabel") });
  }
  const schemes = [...new Set(options.themes.map((th) => th.scheme))];
  const images = options.files?.filter((f) => f.kind === "image") ?? [];
  const attachments = options.files?.filter((f) => f.kind === "attachment") ?? [];
  return (
    <>
      <ErrorSummary errors={props.errors} labels={labels} />
      <Form method="post" encType="multipart/form-data" className="stack practice-editor" noValidate>
        <CsrfField />
        {props.revision !== undefined && <input type="hidden" name="revision" value={props.revision} />}
        {Object.entries(props.hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {options.networks &&
          (options.networks.length === 1 ? (
            <>
              <input type="hidden" name="network" value={options.networks[0]!.slug} />
              <p>{t("practicesPages.editor.forBank", { network: options.networks[0]!.name })}</p>
            </>
          ) : (
            <SelectField
              name="network"
              label={labels.network!}
              defaultValue={one("network")}
              error={errors.network}
              options={[{ value: "", label: t("practicesPages.editor.chooseNetwork") }, ...options.networks.map((n) => ({ value: n.slug, label: n.name }))]}
            />
          ))}
        {errors.organization && <p className="field-error">{errors.organization}</p>}
        <SelectField
          name="originalLanguage"
          label={labels.originalLanguage!}
          hint={t("practicesPages.editor.originalLanguageHint")}
          defaultValue={original}
          error={errors.originalLanguage}
          options={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        />
        {languages.map((l) => {
          const fieldset = (
          <fieldset key={l} className="language-texts">
            <legend>{t("practicesPages.editor.textsIn", { language: t(`language.${l}`) })}</legend>
            {l === original && <p className="hint">{t("practicesPages.editor.requiredHint")}</p>}
            {textFields.map((f) =>
              f === "title" ? (
                <LangTextField key={f} name={`texts.${l}.${f}`} label={t(`practicesPages.text.${f}`)} lang={l} maxLength={textLimits[f]} value={one(`texts.${l}.${f}`)} error={errors[`texts.${l}.${f}`]} />
              ) : (
                <TextAreaField
                  key={f}
                  name={`texts.${l}.${f}`}
                  label={t(`practicesPages.text.${f}`)}
                  lang={l}
                  rows={f === "summary" ? 3 : 6}
                  maxLength={textLimits[f]}
                  hint={f === "summary" ? t("practicesPages.editor.summaryHint") : f === "results" ? t("practicesPages.editor.resultsHint") : undefined}
                  defaultValue={one(`texts.${l}.${f}`)}
                  error={errors[`texts.${l}.${f}`]}
                />
              ),
            )}
          </fieldset>
          );
          if (l === original) return fieldset;
          // Translations are optional: folded unless written or refused (still sent when folded).
          const open = textFields.some((f) => one(`texts.${l}.${f}`) !== "" || !!errors[`texts.${l}.${f}`]);
          return (
            <details key={l} open={open} className="translation">
              <summary>{t("practicesPages.editor.textsInOptional", { language: t(`language.${l}`) })}</summary>
              {fieldset}
            </details>
          );
        })}
        <CheckboxGroup
          name="themeIds"
          legend={labels.themeIds!}
          hint={t("practicesPages.editor.themesHint")}
          checked={many("themeIds")}
          error={errors.themeIds}
          groups={schemes.map((s) => ({ legend: t(`practicesPages.scheme.${s}`), options: options.themes.filter((th) => th.scheme === s).map((th) => ({ value: th.id, label: th.name })) }))}
        />
        {options.axes.length > 0 && (
          <>
            <input type="hidden" name="axesShown" value="1" />
            <CheckboxGroup name="axisKeys" legend={labels.axisKeys!} checked={many("axisKeys")} error={errors.axisKeys} options={options.axes.map((a) => ({ value: a.key, label: a.name }))} />
          </>
        )}
        <CheckboxGroup
          name="sdgGoals"
          legend={labels.sdgGoals!}
          checked={many("sdgGoals")}
          error={errors.sdgGoals}
          options={options.sdgs.map((g) => ({ value: String(g.goal), label: t("practicesPages.page.sdg", { goal: g.goal, name: g.shortName }) }))}
        />
        <TextField name="sdgTargets" label={labels.sdgTargets!} hint={t("practicesPages.editor.sdgTargetsHint")} maxLength={200} defaultValue={one("sdgTargets")} error={errors.sdgTargets} />
        <fieldset>
          <legend>{t("practicesPages.editor.figures")}</legend>
          <div className="filters">
            <NumberField name="startYear" label={labels.startYear!} value={one("startYear")} error={errors.startYear} hint={t("practicesPages.editor.startYearHint")} />
            <NumberField name="endYear" label={labels.endYear!} value={one("endYear")} error={errors.endYear} hint={t("practicesPages.editor.endYearHint")} />
            <NumberField name="budgetAmount" label={labels.budgetAmount!} value={one("budgetAmount")} error={errors.budgetAmount} hint={t("practicesPages.editor.budgetHint")} decimal />
            <TextField name="budgetCurrency" label={labels.budgetCurrency!} hint={t("practicesPages.editor.currencyHint")} maxLength={3} defaultValue={one("budgetCurrency")} error={errors.budgetCurrency} />
            <NumberField name="populationReached" label={labels.populationReached!} value={one("populationReached")} error={errors.populationReached} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("practicesPages.field.partners")}</legend>
          <p className="hint">{t("practicesPages.editor.partnersHint")}</p>
          {Array.from({ length: partnerCount }, (_, i) => (
            <fieldset key={i} className="row-fields">
              <legend>{t("practicesPages.editor.partner", { n: i + 1 })}</legend>
              <TextField name={`partners.${i}.name`} label={t("practicesPages.editor.partnerName")} maxLength={200} defaultValue={one(`partners.${i}.name`)} error={errors[`partners.${i}.name`]} />
              <SelectField
                name={`partners.${i}.kind`}
                label={t("practicesPages.editor.partnerKind")}
                defaultValue={one(`partners.${i}.kind`)}
                error={errors[`partners.${i}.kind`]}
                options={[{ value: "", label: t("practicesPages.editor.chooseKind") }, ...options.partnerKinds.map((k) => ({ value: k, label: t(`organization.kind.${k}`) }))]}
              />
              <TextField
                name={`partners.${i}.organization`}
                label={t("practicesPages.editor.partnerOrganization")}
                hint={t("practicesPages.editor.partnerOrganizationHint")}
                maxLength={120}
                defaultValue={one(`partners.${i}.organization`)}
                error={errors[`partners.${i}.organization`]}
              />
            </fieldset>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("practicesPages.field.contact")}</legend>
          <p className="hint">{t("practicesPages.editor.contactHint")}</p>
          <TextField name="contact.name" label={labels["contact.name"]!} maxLength={120} autoComplete="off" defaultValue={one("contact.name")} error={errors["contact.name"]} />
          <TextField name="contact.position" label={labels["contact.position"]!} maxLength={160} autoComplete="off" defaultValue={one("contact.position")} error={errors["contact.position"]} />
          <TextField name="contact.email" label={labels["contact.email"]!} type="email" autoComplete="off" maxLength={200} defaultValue={one("contact.email")} error={errors["contact.email"]} />
        </fieldset>
        <fieldset>
          <legend>{t("practicesPages.field.links")}</legend>
          {Array.from({ length: linkCount }, (_, i) => (
            <fieldset key={i} className="row-fields">
              <legend>{t("practicesPages.editor.link", { n: i + 1 })}</legend>
              <TextField name={`links.${i}.url`} label={t("practicesPages.editor.linkUrl")} hint={t("practicesPages.editor.linkUrlHint")} maxLength={500} defaultValue={one(`links.${i}.url`)} error={errors[`links.${i}.url`]} />
              <TextField name={`links.${i}.label`} label={t("practicesPages.editor.linkLabel")} maxLength={200} defaultValue={one(`links.${i}.label`)} error={errors[`links.${i}.label`]} />
            </fieldset>
          ))}
        </fieldset>
        {slug ? (
          <fieldset id="files">
            <legend>{t("practicesPages.editor.files")}</legend>
            {errors.fileIds && <p className="field-error">{errors.fileIds}</p>}
            {(images.length > 0 || attachments.length > 0) && (
              <ul className="file-list">
                {[...images, ...attachments].map((f) => (
                  <li key={f.id}>
                    {f.kind === "image" ? (
                      <img src={`/${locale}/practices/${slug}/files/${f.id}?size=thumbnail`} alt={f.alt?.text ?? ""} lang={f.alt?.language} height={64} />
                    ) : null}{" "}
                    <span>{f.name}</span>{" "}
                    <input type="checkbox" id={`remove-${f.id}`} name="removeFile" value={f.id} />{" "}
                    <label htmlFor={`remove-${f.id}`}>{t("practicesPages.editor.removeFile", { name: f.name })}</label>
                  </li>
                ))}
              </ul>
            )}
            <div className="field">
              <label htmlFor="file">{labels.file}</label>
              <input
                id="file"
                name="file"
                type="file"
                accept="image/png,image/jpeg,image/webp,application/pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.csv"
                aria-describedby={`file-hint${errors.file ? " file-error" : ""}`}
                aria-invalid={errors.file ? true : undefined}
              />
              <p id="file-hint" className="hint">
                {t("practicesPages.editor.fileHint", { mb: options.maxFileMb ?? 10 })}
              </p>
              {errors.file && (
                <p id="file-error" className="field-error">
                  {errors.file}
                </p>
              )}
            </div>
            <fieldset id="alt">
              <legend>{labels.alt}</legend>
              <p className="hint">{t("practicesPages.editor.altHint")}</p>
              {errors.alt && <p className="field-error">{errors.alt}</p>}
              {languages.map((l) => (
                <LangTextField key={l} name={`alt.${l}`} label={t(`language.${l}`)} lang={l} maxLength={300} value={one(`alt.${l}`)} error={errors[`alt.${l}`]} />
              ))}
            </fieldset>
          </fieldset>
        ) : (
          <p className="notice">{t("practicesPages.editor.filesLater")}</p>
        )}
        <div className="inline-field">
          <button type="submit" name="then" value="save">
            {t("practicesPages.editor.save")}
          </button>
          {slug && (
            <button type="submit" name="then" value="submit" className="secondary">
              {t("practicesPages.editor.saveAndSubmit")}
            </button>
          )}
        </div>
      </Form>
    </>
  );
}

function NumberField(props: { name: string; label: string; value: string; error?: string; hint?: string; decimal?: boolean }) {
  const described = [props.hint && `${props.name}-hint`, props.error && `${props.name}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={props.name}>{props.label}</label>
      <input
        id={props.name}
        name={props.name}
        type="text"
        inputMode={props.decimal ? "decimal" : "numeric"}
        maxLength={20}
        defaultValue={props.value}
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
