// A list of one kind of resource with create, edit and delete: a table (scrolls sideways on a phone) and a form.
import { announce, h } from "../dom";
import { api } from "../http";
import { FormView, type FieldSpec, type FormValue } from "./form";

export interface Column<T> {
  label: string;
  value: (item: T) => string;
}

export interface RowAction<T> {
  label: (item: T) => string;
  run: (item: T) => Promise<string | void>;
  confirm?: (item: T) => string;
}

export interface ResourceSpec<T> {
  /** Plural, for headings: "Desks". */
  title: string;
  /** Singular, for buttons: "desk". */
  noun: string;
  listUrl: string;
  itemUrl: (item: T) => string;
  name: (item: T) => string;
  columns: Column<T>[];
  fields: FieldSpec[];
  toForm: (item: T | undefined) => Record<string, FormValue>;
  toBody: (values: Record<string, FormValue>, existing: T | undefined) => unknown;
  canDelete?: boolean;
  canCreate?: boolean;
  /** The answer to a create, when it holds something to show once (a device secret). */
  afterCreate?: (created: unknown) => string | void;
  actions?: RowAction<T>[];
  onChanged?: () => void;
}

export class ResourceEditor<T> {
  readonly element: HTMLElement;
  private readonly table: HTMLTableSectionElement;
  private readonly status: HTMLElement;
  private readonly form: FormView;
  private readonly formHost: HTMLElement;
  private editing: T | undefined;
  items: T[] = [];

  constructor(private readonly spec: ResourceSpec<T>) {
    this.status = h("p", { class: "admin-status", role: "status", "aria-live": "polite", hidden: true });
    this.table = h("tbody");
    this.form = new FormView(`New ${spec.noun}`, spec.fields, "Save", (values) => this.save(values), () => this.closeForm());
    this.formHost = h("div", { class: "form-host", hidden: true }, this.form.element);
    const add = h("button", { type: "button", class: "button primary", text: `Add ${spec.noun}` });
    add.addEventListener("click", () => this.openForm(undefined));
    this.element = h(
      "section",
      { class: "resource", "aria-label": spec.title },
      h("div", { class: "resource-head" }, h("h2", { text: spec.title }), spec.canCreate === false ? null : add),
      this.status,
      this.formHost,
      h(
        "div",
        { class: "table-scroll" },
        h("table", { class: "admin-table" }, h("thead", {}, h("tr", {}, ...spec.columns.map((c) => h("th", { scope: "col", text: c.label })), h("th", { scope: "col", text: "Actions" }))), this.table),
      ),
    );
  }

  async load(): Promise<void> {
    try {
      this.items = await api<T[]>("GET", this.spec.listUrl);
      this.render();
    } catch (error) {
      announce(this.status, error instanceof Error ? error.message : String(error), "error");
    }
  }

  /** Opens the form on an item (or a new one), e.g. when its desk is picked on the plan. */
  openForm(item: T | undefined): void {
    this.editing = item;
    this.form.element.querySelector(".form-title")!.textContent = item ? `Edit ${this.spec.noun} ${this.spec.name(item)}` : `New ${this.spec.noun}`;
    this.form.element.setAttribute("aria-label", item ? `Edit ${this.spec.noun}` : `New ${this.spec.noun}`);
    this.form.set(this.spec.toForm(item), item === undefined);
    this.formHost.hidden = false;
    this.form.element.querySelector<HTMLElement>("input:not([type=hidden]), select")?.focus();
  }

  closeForm(): void {
    this.formHost.hidden = true;
    this.editing = undefined;
  }

  private async save(values: Record<string, FormValue>): Promise<void> {
    const body = this.spec.toBody(values, this.editing);
    if (this.editing) {
      await api("PUT", this.spec.itemUrl(this.editing), body);
      announce(this.status, `Saved ${this.spec.noun} ${this.spec.name(this.editing)}.`);
    } else {
      const created = await api<unknown>("POST", this.spec.listUrl, body);
      announce(this.status, this.spec.afterCreate?.(created) ?? `Added the ${this.spec.noun}.`);
    }
    this.closeForm();
    await this.load();
    this.spec.onChanged?.();
  }

  private render(): void {
    this.table.replaceChildren(
      ...this.items.map((item) => {
        const edit = h("button", { type: "button", class: "button small", text: "Edit", "aria-label": `Edit ${this.spec.noun} ${this.spec.name(item)}` });
        edit.addEventListener("click", () => this.openForm(item));
        const buttons: HTMLElement[] = [edit];
        for (const action of this.spec.actions ?? []) {
          const text = action.label(item);
          const button = h("button", { type: "button", class: "button small", text, "aria-label": `${text}: ${this.spec.noun} ${this.spec.name(item)}` });
          button.addEventListener("click", () => void this.runAction(action, item));
          buttons.push(button);
        }
        if (this.spec.canDelete !== false) {
          const remove = h("button", { type: "button", class: "button small danger", text: "Delete", "aria-label": `Delete ${this.spec.noun} ${this.spec.name(item)}` });
          remove.addEventListener("click", () => void this.remove(item));
          buttons.push(remove);
        }
        return h("tr", { "data-name": this.spec.name(item) }, ...this.spec.columns.map((c) => h("td", { text: c.value(item) })), h("td", { class: "row-actions" }, ...buttons));
      }),
    );
    if (this.items.length === 0) {
      this.table.append(h("tr", {}, h("td", { colspan: this.spec.columns.length + 1, class: "empty", text: `No ${this.spec.title.toLowerCase()} yet.` })));
    }
  }

  private async runAction(action: RowAction<T>, item: T): Promise<void> {
    const question = action.confirm?.(item);
    if (question && !window.confirm(question)) {
      return;
    }
    try {
      const message = await action.run(item);
      announce(this.status, message ?? "Done.");
      await this.load();
      this.spec.onChanged?.();
    } catch (error) {
      announce(this.status, error instanceof Error ? error.message : String(error), "error");
    }
  }

  private async remove(item: T): Promise<void> {
    if (!window.confirm(`Delete ${this.spec.noun} ${this.spec.name(item)}?`)) {
      return;
    }
    try {
      await api("DELETE", this.spec.itemUrl(item));
      announce(this.status, `Deleted ${this.spec.noun} ${this.spec.name(item)}.`);
      await this.load();
      this.spec.onChanged?.();
    } catch (error) {
      announce(this.status, error instanceof Error ? error.message : String(error), "error");
    }
  }
}
