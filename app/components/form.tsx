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
  const described = [props.hint && `${props.name}-hint`, props.error && `${props.name}-error`].filter(Boolean).join(" ");
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
        aria-describedby={described || undefined}
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
