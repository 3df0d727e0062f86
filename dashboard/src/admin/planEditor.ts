// The floor plan for placing desks: drag a desk with a pointer (mouse, pen or finger), or focus it and move it
// with the arrow keys (Shift: 1 unit, otherwise 10). Each move is saved; exact coordinates go in the desk form.
import type { DeskSettings, FloorSettings } from "./types";

const SVG_NS = "http://www.w3.org/2000/svg";

export interface PlanEditorHandlers {
  select(desk: DeskSettings): void;
  move(desk: DeskSettings, x: number, y: number): Promise<void>;
}

export class PlanEditor {
  readonly element: SVGSVGElement;

  constructor(
    private readonly floor: FloorSettings,
    private readonly handlers: PlanEditorHandlers,
  ) {
    this.element = svg("svg", {
      viewBox: `0 0 ${floor.width} ${floor.height}`,
      class: "plan-svg plan-editor",
      role: "group",
      "aria-label": `Plan of ${floor.name}: drag desks, or focus one and use the arrow keys`,
    });
    this.element.append(svg("rect", { class: "plan-floor", x: 0, y: 0, width: floor.width, height: floor.height, rx: 8 }));
    for (const desk of floor.desks) {
      this.element.append(this.deskElement(desk));
    }
  }

  private deskElement(desk: DeskSettings): SVGGElement {
    const group = svg("g", {
      class: "desk editable",
      tabindex: 0,
      role: "button",
      "data-desk-id": desk.id,
      "aria-label": describe(desk),
    });
    const shape = desk.shape === "round"
      ? svg("ellipse", { cx: desk.width / 2, cy: desk.height / 2, rx: desk.width / 2, ry: desk.height / 2 })
      : svg("rect", { width: desk.width, height: desk.height, rx: 6 });
    const label = svg("text", { class: "desk-label", x: desk.width / 2, y: desk.height / 2 });
    label.textContent = desk.label;
    group.append(shape, label);
    place(group, desk.x, desk.y);

    let drag: { pointerId: number; dx: number; dy: number; moved: boolean } | undefined;
    group.addEventListener("pointerdown", (event) => {
      const point = this.toPlan(event);
      drag = { pointerId: event.pointerId, dx: point.x - desk.x, dy: point.y - desk.y, moved: false };
      group.setPointerCapture(event.pointerId);
      group.classList.add("dragging");
      event.preventDefault();
    });
    group.addEventListener("pointermove", (event) => {
      if (drag?.pointerId !== event.pointerId) {
        return;
      }
      const point = this.toPlan(event);
      const { x, y } = this.clamp(desk, point.x - drag.dx, point.y - drag.dy);
      drag.moved = drag.moved || x !== desk.x || y !== desk.y;
      place(group, x, y);
    });
    const finish = (event: PointerEvent) => {
      if (drag?.pointerId !== event.pointerId) {
        return;
      }
      const moved = drag.moved;
      drag = undefined;
      group.classList.remove("dragging");
      const [x, y] = current(group);
      if (moved) {
        void this.save(group, desk, x, y);
      } else {
        this.handlers.select(desk);
      }
    };
    group.addEventListener("pointerup", finish);
    group.addEventListener("pointercancel", finish);
    group.addEventListener("keydown", (event) => {
      const step = event.shiftKey ? 1 : 10;
      const delta: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      const move = delta[event.key];
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        this.handlers.select(desk);
      } else if (move) {
        event.preventDefault();
        const { x, y } = this.clamp(desk, desk.x + move[0], desk.y + move[1]);
        place(group, x, y);
        void this.save(group, desk, x, y);
      }
    });
    return group;
  }

  private async save(group: SVGGElement, desk: DeskSettings, x: number, y: number): Promise<void> {
    const previous = { x: desk.x, y: desk.y };
    desk.x = x;
    desk.y = y;
    group.setAttribute("aria-label", describe(desk));
    try {
      await this.handlers.move(desk, x, y);
    } catch {
      // The form shows why; put the desk back where the server has it.
      desk.x = previous.x;
      desk.y = previous.y;
      place(group, desk.x, desk.y);
      group.setAttribute("aria-label", describe(desk));
    }
  }

  private clamp(desk: DeskSettings, x: number, y: number): { x: number; y: number } {
    return {
      x: Math.round(Math.min(Math.max(0, x), this.floor.width - desk.width)),
      y: Math.round(Math.min(Math.max(0, y), this.floor.height - desk.height)),
    };
  }

  private toPlan(event: PointerEvent): { x: number; y: number } {
    const matrix = this.element.getScreenCTM();
    if (!matrix) {
      return { x: 0, y: 0 };
    }
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return { x: point.x, y: point.y };
  }
}

function describe(desk: DeskSettings): string {
  return `Desk ${desk.label} at ${desk.x}, ${desk.y}`;
}

function place(group: SVGGElement, x: number, y: number): void {
  group.setAttribute("transform", `translate(${x} ${y})`);
  group.dataset.x = String(x);
  group.dataset.y = String(y);
}

function current(group: SVGGElement): [number, number] {
  return [Number(group.dataset.x), Number(group.dataset.y)];
}

function svg<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, String(value));
  }
  return element;
}
