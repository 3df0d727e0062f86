// Small DOM helpers: elements with attributes and children, labelled form fields with an error slot.

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) {
      continue;
    }
    if (key === "text") {
      element.textContent = String(value);
    } else {
      element.setAttribute(key, value === true ? "" : String(value));
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child);
    }
  }
  return element;
}

let nextId = 0;

/** A unique id for label/input pairs. */
export function uid(prefix: string): string {
  nextId++;
  return `${prefix}-${nextId}`;
}

/** Shows a message in a live region; errors are announced by screen readers. */
export function announce(region: HTMLElement, text: string, kind: "ok" | "error" = "ok"): void {
  region.textContent = text;
  region.dataset.kind = kind;
  region.hidden = text.length === 0;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) {
    throw new Error(`The page has no #${id}.`);
  }
  return found as T;
}
