// Forms of the admin area: every control has a visible label, errors sit next to their field (by the JSON
// field name the server reports) and are linked with aria-describedby.
import { h, uid } from "../dom";
import { ApiError } from "../http";

export interface Option {
  value: string;
  label: string;
}

export type FieldKind = "text" | "email" | "password" | "number" | "time" | "date" | "select" | "checkbox" | "checkboxes" | "textarea";

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  options?: Option[];
  required?: boolean;
  /** Shown only when creating (ids cannot change). */
  createOnly?: boolean;
  help?: string;
  min?: number;
  step?: number;
}

export type FormValue = string | number | boolean | string[] | null;

export class FormView {
  readonly element: HTMLFormElement;
  private readonly controls = new Map<string, { spec: FieldSpec; read: () => FormValue; write: (v: FormValue) => void; error: HTMLElement; wrapper: HTMLElement }>();
  private readonly summary: HTMLElement;

  constructor(
    title: string,
    private readonly specs: FieldSpec[],
    submitLabel: string,
    onSubmit: (values: Record<string, FormValue>) => Promise<void>,
    onCancel?: () => void,
  ) {
    this.summary = h("p", { class: "form-summary", role: "alert", hidden: true });
    const fields = specs.map((spec) => this.field(spec));
    const buttons = h(
      "div",
      { class: "form-buttons" },
      h("button", { type: "submit", class: "button primary", text: submitLabel }),
      onCancel ? h("button", { type: "button", class: "button", text: "Cancel" }) : null,
    );
    buttons.querySelector("button[type=button]")?.addEventListener("click", () => onCancel?.());
    this.element = h("form", { class: "admin-form", novalidate: true, "aria-label": title }, h("h3", { class: "form-title", text: title }), this.summary, ...fields, buttons);
    this.element.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.submit(onSubmit);
    });
  }

  set(values: Record<string, FormValue>, creating: boolean): void {
    for (const [name, control] of this.controls) {
      control.write(values[name] ?? null);
      control.wrapper.hidden = control.spec.createOnly === true && !creating;
    }
    this.clearErrors();
  }

  read(): Record<string, FormValue> {
    const values: Record<string, FormValue> = {};
    for (const [name, control] of this.controls) {
      values[name] = control.read();
    }
    return values;
  }

  showError(error: unknown): void {
    this.clearErrors();
    if (!(error instanceof ApiError)) {
      this.showSummary(error instanceof Error ? error.message : String(error));
      return;
    }
    const unplaced: string[] = [];
    for (const [field, messages] of Object.entries(error.fields)) {
      const control = this.controls.get(field) ?? this.controls.get(field.replace(/\[\d+\].*$/, ""));
      if (control) {
        const prefix = control.spec.name === field ? "" : `${field}: `;
        control.error.textContent = prefix + messages.join(" ");
        control.error.hidden = false;
        control.wrapper.classList.add("has-error");
      } else {
        unplaced.push(`${field}: ${messages.join(" ")}`);
      }
    }
    this.showSummary([error.message, ...unplaced].join(" "));
    this.element.querySelector<HTMLElement>(".has-error input, .has-error select")?.focus();
  }

  private async submit(onSubmit: (values: Record<string, FormValue>) => Promise<void>): Promise<void> {
    const button = this.element.querySelector<HTMLButtonElement>("button[type=submit]")!;
    button.disabled = true;
    try {
      this.clearErrors();
      await onSubmit(this.read());
    } catch (error) {
      this.showError(error);
    } finally {
      button.disabled = false;
    }
  }

  private showSummary(text: string): void {
    this.summary.textContent = text;
    this.summary.hidden = text.length === 0;
  }

  private clearErrors(): void {
    this.showSummary("");
    for (const control of this.controls.values()) {
      control.error.hidden = true;
      control.error.textContent = "";
      control.wrapper.classList.remove("has-error");
    }
  }

  private field(spec: FieldSpec): HTMLElement {
    const id = uid(`field-${spec.name}`);
    const error = h("p", { class: "field-error", id: `${id}-error`, hidden: true });
    const help = spec.help ? h("p", { class: "field-help", id: `${id}-help`, text: spec.help }) : null;
    const describedBy = [help ? `${id}-help` : "", `${id}-error`].filter((x) => x).join(" ");

    if (spec.kind === "checkboxes") {
      const boxes = (spec.options ?? []).map((option) => {
        const boxId = uid(id);
        const box = h("input", { type: "checkbox", id: boxId, value: option.value, name: spec.name });
        return { box, label: h("label", { for: boxId, class: "check" }, box, option.label) };
      });
      const wrapper = h("fieldset", { class: "field field-checkboxes", "aria-describedby": describedBy }, h("legend", { text: spec.label }), help, ...boxes.map((b) => b.label), error);
      this.controls.set(spec.name, {
        spec,
        wrapper,
        error,
        read: () => boxes.filter((b) => b.box.checked).map((b) => b.box.value),
        write: (v) => boxes.forEach((b) => (b.box.checked = Array.isArray(v) && v.includes(b.box.value))),
      });
      return wrapper;
    }

    let control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (spec.kind === "select") {
      control = h("select", { id, name: spec.name }, ...(spec.options ?? []).map((o) => h("option", { value: o.value, text: o.label })));
    } else if (spec.kind === "textarea") {
      control = h("textarea", { id, name: spec.name, rows: 3 });
    } else {
      control = h("input", { id, name: spec.name, type: spec.kind, autocomplete: spec.kind === "password" ? "new-password" : "off" });
      if (spec.min !== undefined) control.setAttribute("min", String(spec.min));
      if (spec.step !== undefined) control.setAttribute("step", String(spec.step));
    }
    if (spec.required) control.setAttribute("aria-required", "true");
    control.setAttribute("aria-describedby", describedBy);

    const label = h("label", { for: id, text: spec.label });
    const wrapper = spec.kind === "checkbox"
      ? h("div", { class: "field field-checkbox" }, control, label, help, error)
      : h("div", { class: "field" }, label, help, control, error);
    this.controls.set(spec.name, {
      spec,
      wrapper,
      error,
      read: () => readControl(spec, control),
      write: (v) => writeControl(spec, control, v),
    });
    return wrapper;
  }
}

function readControl(spec: FieldSpec, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): FormValue {
  if (spec.kind === "checkbox") {
    return (control as HTMLInputElement).checked;
  }
  if (spec.kind === "number") {
    return control.value.trim() === "" ? null : Number(control.value);
  }
  const text = control.value.trim();
  return text === "" ? null : text;
}

function writeControl(spec: FieldSpec, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: FormValue): void {
  if (spec.kind === "checkbox") {
    (control as HTMLInputElement).checked = value === true;
  } else {
    control.value = value === null || value === undefined ? "" : String(value);
  }
}
