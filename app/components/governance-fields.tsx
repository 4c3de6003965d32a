// Labelled fields for the governance pages, where several forms share a page: each field has an
// id of its own (prefixed by its form) apart from its name. Same markup as components/form.tsx.
import type { Choice } from "./form.tsx";

interface Common {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

function describedBy(props: Common): string | undefined {
  return [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean).join(" ") || undefined;
}

function Notes({ id, hint, error }: Common) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

export function InputField(props: Common & { type?: "text" | "date" | "number" | "url"; defaultValue?: string; required?: boolean; maxLength?: number; min?: number; max?: number }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        required={props.required}
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
      />
      <Notes {...props} />
    </div>
  );
}

export function ChoiceField(props: Common & { options: Choice[]; defaultValue?: string; required?: boolean }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.defaultValue} required={props.required} aria-invalid={props.error ? true : undefined} aria-describedby={describedBy(props)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
      <Notes {...props} />
    </div>
  );
}

export function LongTextField(props: Common & { defaultValue?: string; maxLength?: number; rows?: number; lang?: string; required?: boolean }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows ?? 4}
        defaultValue={props.defaultValue}
        maxLength={props.maxLength}
        lang={props.lang}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
      />
      <Notes {...props} />
    </div>
  );
}

/** Checkboxes sharing one name in a fieldset; the fieldset carries the id the error summary links to. */
export function ChecksField(props: Omit<Common, "label"> & { legend: string; options: Choice[]; checked: readonly string[] }) {
  const checked = new Set(props.checked);
  return (
    <fieldset id={props.id} tabIndex={-1} aria-describedby={describedBy({ ...props, label: props.legend })}>
      <legend>{props.legend}</legend>
      <Notes {...props} label={props.legend} />
      <ul className="checkboxes">
        {props.options.map((o) => (
          <li key={o.value}>
            <input type="checkbox" id={`${props.id}-${o.value}`} name={props.name} value={o.value} defaultChecked={checked.has(o.value)} />
            <label htmlFor={`${props.id}-${o.value}`} lang={o.lang}>
              {o.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** A single checkbox with its label. */
export function CheckField(props: Omit<Common, "hint"> & { defaultChecked?: boolean; hint?: string }) {
  return (
    <div className="field">
      <div className="check-field">
        {/* Unchecked boxes send nothing: this says "off", and a checked box's "on" comes after it. */}
        <input type="hidden" name={props.name} value="off" />
        <input type="checkbox" id={props.id} name={props.name} value="on" defaultChecked={props.defaultChecked} aria-describedby={describedBy(props)} />
        <label htmlFor={props.id}>{props.label}</label>
      </div>
      <Notes {...props} />
    </div>
  );
}

/**
 * Radio buttons sharing one name in a fieldset, none chosen unless `checked` says which: for a
 * choice the person must make themselves (a decision). The fieldset carries the id the error
 * summary links to.
 */
export function RadiosField(props: Omit<Common, "label"> & { legend: string; options: Choice[]; checked?: string }) {
  return (
    <fieldset id={props.id} tabIndex={-1} aria-describedby={describedBy({ ...props, label: props.legend })}>
      <legend>{props.legend}</legend>
      <Notes {...props} label={props.legend} />
      <ul className="checkboxes radios">
        {props.options.map((o) => (
          <li key={o.value}>
            <input
              type="radio"
              id={`${props.id}-${o.value}`}
              name={props.name}
              value={o.value}
              defaultChecked={props.checked === o.value}
              aria-invalid={props.error ? true : undefined}
            />
            <label htmlFor={`${props.id}-${o.value}`} lang={o.lang}>
              {o.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
