// Form parts that work without JavaScript: the CSRF field every post carries, labelled fields
// with their error next to them, and a summary of errors at the top.
import { useRouteLoaderData } from "react-router";
import { csrfFieldName } from "../../platform/http/csrf.ts";
import { useI18n } from "../i18n.tsx";

export function CsrfField() {
  const root = useRouteLoaderData("root") as { csrfToken?: string } | undefined;
  return <input type="hidden" name={csrfFieldName} value={root?.csrfToken ?? ""} />;
}

export interface FieldProps {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  defaultValue?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  maxLength?: number;
}

export function TextField(props: FieldProps) {
  const described = describedBy(props);
  return (
    <div className="field">
      <label htmlFor={props.name}>{props.label}</label>
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        defaultValue={props.defaultValue}
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
      />
      <FieldNotes name={props.name} hint={props.hint} error={props.error} />
    </div>
  );
}

/** What went wrong with a submitted form: a message for the whole form and/or per field. */
export interface FormErrors {
  form?: string;
  fields?: Record<string, string>;
}

export function ErrorSummary({ errors, labels }: { errors?: FormErrors; labels: Record<string, string> }) {
  const { t } = useI18n();
  if (!errors || (!errors.form && !errors.fields)) return null;
  return (
    <div role="alert" className="alert" aria-labelledby="form-errors-title">
      <h2 id="form-errors-title">{t("form.errorsTitle")}</h2>
      {errors.form && <p>{errors.form}</p>}
      {errors.fields && (
        <ul>
          {Object.entries(errors.fields).map(([field, message]) => (
            <li key={field}>
              <a href={`#${field}`}>{t("validation.field", { field: labels[field] ?? field, message })}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A field for choosing a password, with the rules shown before anyone gets them wrong. */
export function NewPasswordField({ label, error }: { label: string; error?: string }) {
  const { t } = useI18n();
  return (
    <TextField
      name="password"
      label={label}
      type="password"
      autoComplete="new-password"
      required
      maxLength={128}
      hint={t("signUp.passwordHint")}
      error={error}
    />
  );
}

export interface Choice {
  value: string;
  label: string;
  /** The language of the label, when it is not the page's (a language's own name). */
  lang?: string;
}

/** A labelled select; options may come in groups (optgroup). */
export function SelectField(props: {
  name: string;
  label: string;
  options?: Choice[];
  groups?: { label: string; options: Choice[] }[];
  defaultValue?: string;
  hint?: string;
  error?: string;
  autoComplete?: string;
}) {
  const described = describedBy(props);
  const option = (o: Choice) => (
    <option key={o.value} value={o.value} lang={o.lang}>
      {o.label}
    </option>
  );
  return (
    <div className="field">
      <label htmlFor={props.name}>{props.label}</label>
      <select
        id={props.name}
        name={props.name}
        defaultValue={props.defaultValue}
        autoComplete={props.autoComplete}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
      >
        {props.options?.map(option)}
        {props.groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map(option)}
          </optgroup>
        ))}
      </select>
      <FieldNotes name={props.name} hint={props.hint} error={props.error} />
    </div>
  );
}

/**
 * Checkboxes sharing one name, in a fieldset whose legend names the question; with `groups`,
 * each group is a fieldset of its own inside. The fieldset carries the id the error summary links to.
 */
export function CheckboxGroup(props: {
  name: string;
  legend: string;
  options?: Choice[];
  groups?: { legend: string; options: Choice[] }[];
  checked: readonly string[];
  hint?: string;
  error?: string;
}) {
  const described = describedBy(props);
  const checked = new Set(props.checked);
  const list = (options: Choice[]) => (
    <ul className="checkboxes">
      {options.map((o) => (
        <li key={o.value}>
          <input type="checkbox" id={`${props.name}-${o.value}`} name={props.name} value={o.value} defaultChecked={checked.has(o.value)} />
          <label htmlFor={`${props.name}-${o.value}`} lang={o.lang}>
            {o.label}
          </label>
        </li>
      ))}
    </ul>
  );
  return (
    <fieldset id={props.name} tabIndex={-1} aria-describedby={described}>
      <legend>{props.legend}</legend>
      <FieldNotes name={props.name} hint={props.hint} error={props.error} />
      {props.options && list(props.options)}
      {props.groups?.map((g) => (
        <fieldset key={g.legend} className="subgroup">
          <legend>{g.legend}</legend>
          {list(g.options)}
        </fieldset>
      ))}
    </fieldset>
  );
}

/** A labelled multi-line text field. */
export function TextAreaField(props: { name: string; label: string; defaultValue?: string; hint?: string; error?: string; maxLength?: number; rows?: number; lang?: string }) {
  const described = describedBy(props);
  return (
    <div className="field">
      <label htmlFor={props.name}>{props.label}</label>
      <textarea
        id={props.name}
        name={props.name}
        rows={props.rows ?? 5}
        defaultValue={props.defaultValue}
        maxLength={props.maxLength}
        lang={props.lang}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
      />
      <FieldNotes name={props.name} hint={props.hint} error={props.error} />
    </div>
  );
}

/** The ids of a field's hint and error, for aria-describedby (undefined when it has neither). */
function describedBy(props: { name: string; hint?: string; error?: string }): string | undefined {
  return [props.hint && `${props.name}-hint`, props.error && `${props.name}-error`].filter(Boolean).join(" ") || undefined;
}

/** A field's hint and error message, with the ids describedBy() points to. */
function FieldNotes({ name, hint, error }: { name: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p id={`${name}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${name}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

/** A one-line text field whose content is in a given language. */
export function LangTextField(props: { name: string; label: string; lang: string; maxLength: number; value: string; error?: string }) {
  return (
    <div className="field">
      <label htmlFor={props.name}>{props.label}</label>
      <input
        id={props.name}
        name={props.name}
        type="text"
        lang={props.lang}
        maxLength={props.maxLength}
        defaultValue={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.name}-error` : undefined}
      />
      {props.error && (
        <p id={`${props.name}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** A number typed as text (years, amounts), with the numeric keyboard on phones. */
