// A floor plan coloured by each desk's utilisation over the range, on the heatmaps' scale, with the percentage
// written on every desk.
import type { FloorPlan } from "../api";
import { svgElement } from "../floorPlan";
import { ColourScale, percent } from "./colourScale";
import type { DeskUtilisation } from "./utilisationTypes";

export function utilisationPlan(plan: FloorPlan, desks: Map<string, DeskUtilisation>, scale: ColourScale): SVGSVGElement {
  const svg = svgElement("svg", {
    viewBox: `0 0 ${plan.width} ${plan.height}`,
    class: "plan-svg utilisation-plan",
    role: "group",
    "aria-label": `Utilisation on the plan of ${plan.name}`,
    preserveAspectRatio: "xMidYMid meet",
  });
  svg.append(svgElement("rect", { class: "plan-floor", x: 0, y: 0, width: plan.width, height: plan.height, rx: 8 }));
  for (const desk of plan.desks) {
    const usage = desks.get(desk.id);
    const value = usage?.utilisation ?? null;
    const group = svgElement("g", { class: "usage-desk", role: "img", "aria-label": `Desk ${desk.label}: ${percent(value)}`, "data-desk-id": desk.id });
    const title = svgElement("title", {});
    title.textContent = `Desk ${desk.label} (${desk.zone}): ${percent(value)} of opening hours in use`;
    const fill = value === null ? "#eceef1" : scale.colour(value);
    const shape = desk.shape === "round"
      ? svgElement("ellipse", { cx: desk.x + desk.width / 2, cy: desk.y + desk.height / 2, rx: desk.width / 2, ry: desk.height / 2, fill })
      : svgElement("rect", { x: desk.x, y: desk.y, width: desk.width, height: desk.height, rx: 6, fill });
    const ink = value === null ? "#1d232a" : scale.ink(value);
    const cx = desk.x + desk.width / 2;
    const label = svgElement("text", { class: "desk-label", x: cx, y: desk.y + desk.height * 0.42, fill: ink });
    label.textContent = desk.label;
    const share = svgElement("text", { class: "desk-state", x: cx, y: desk.y + desk.height * 0.75, fill: ink });
    share.textContent = value === null ? "–" : `${Math.round(value * 100)}%`;
    group.append(title, shape, label, share);
    svg.append(group);
  }
  return svg;
}
