// The live floor plan: an SVG whose viewBox is the floor's own coordinate system, one <g class="desk"> per desk.
// State is carried by colour (colour-blind-safe palette), by pattern (unknown is hatched) and by text.
import type { DeskState, DeskStateView, FloorPlan } from "./api";

const SVG_NS = "http://www.w3.org/2000/svg";
const HATCH_ID = "desk-unknown-hatch";

const stateWords: Record<DeskState, string> = {
  free: "free",
  occupied: "in use",
  unknown: "no signal",
};

export class FloorPlanView {
  private plan: FloorPlan | undefined;
  private readonly desks = new Map<string, SVGGElement>();

  constructor(
    private readonly container: HTMLElement,
    private readonly freeCount: HTMLElement,
  ) {}

  get spaceId(): string | undefined {
    return this.plan?.spaceId;
  }

  get floorId(): string | undefined {
    return this.plan?.id;
  }

  show(plan: FloorPlan): void {
    this.plan = plan;
    this.desks.clear();

    const svg = svgElement("svg", {
      viewBox: `0 0 ${plan.width} ${plan.height}`,
      class: "plan-svg",
      role: "group",
      "aria-label": `Floor plan of ${plan.name}`,
      preserveAspectRatio: "xMidYMid meet",
    });
    svg.append(hatchDefinition());
    svg.append(svgElement("rect", { class: "plan-floor", x: 0, y: 0, width: plan.width, height: plan.height, rx: 8 }));

    for (const desk of plan.desks) {
      const group = svgElement("g", { class: "desk", "data-desk-id": desk.id, role: "img" });
      const title = svgElement("title", {});
      const rect = desk.shape === "round"
        ? svgElement("ellipse", { cx: desk.x + desk.width / 2, cy: desk.y + desk.height / 2, rx: desk.width / 2, ry: desk.height / 2 })
        : svgElement("rect", { x: desk.x, y: desk.y, width: desk.width, height: desk.height, rx: 6 });
      const cx = desk.x + desk.width / 2;
      const label = svgElement("text", { class: "desk-label", x: cx, y: desk.y + desk.height * 0.45 });
      label.textContent = desk.label;
      const word = svgElement("text", { class: "desk-state", x: cx, y: desk.y + desk.height * 0.78 });
      group.append(title, rect, label, word);
      group.dataset.label = desk.label;
      svg.append(group);
      this.desks.set(desk.id, group);
      setState(group, desk.state);
    }

    this.container.replaceChildren(svg);
    this.updateCount();
  }

  /** Applies pushed changes; changes of another floor are ignored. */
  apply(changes: DeskStateView[]): void {
    if (!this.plan) {
      return;
    }
    let touched = false;
    for (const change of changes) {
      if (change.spaceId !== this.plan.spaceId || change.floorId !== this.plan.id) {
        continue;
      }
      const group = this.desks.get(change.id);
      if (group) {
        setState(group, change.state);
        touched = true;
      }
    }
    if (touched) {
      this.updateCount();
    }
  }

  private updateCount(): void {
    let free = 0;
    for (const group of this.desks.values()) {
      if (group.dataset.state === "free") {
        free++;
      }
    }
    this.freeCount.textContent = `${free} of ${this.desks.size} desks free`;
  }
}

function setState(group: SVGGElement, state: DeskState): void {
  const text = `Desk ${group.dataset.label}: ${state}`;
  group.dataset.state = state;
  group.setAttribute("aria-label", text);
  group.querySelector("title")!.textContent = text;
  group.querySelector(".desk-state")!.textContent = stateWords[state] ?? state;
}

function hatchDefinition(): SVGDefsElement {
  const defs = svgElement("defs", {});
  const pattern = svgElement("pattern", {
    id: HATCH_ID,
    patternUnits: "userSpaceOnUse",
    width: 12,
    height: 12,
    patternTransform: "rotate(45)",
  });
  pattern.append(
    svgElement("rect", { class: "hatch-ground", width: 12, height: 12 }),
    svgElement("line", { class: "hatch-line", x1: 0, y1: 0, x2: 0, y2: 12 }),
  );
  defs.append(pattern);
  return defs;
}

export function svgElement<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, String(value));
  }
  return element;
}
