// A heatmap in plain SVG: one row per desk (or weekday), one column per local hour of the day. Each cell is an
// image with an accessible name carrying its exact value ("Desk 101, 09:00: 30.0%"), a <title> tooltip with the
// seconds behind it, and the rounded percentage written inside, so a wall screen reads it without hovering.
import { svgElement } from "../floorPlan";
import { ColourScale, percent } from "./colourScale";
import type { HourCell } from "./utilisationTypes";

export interface HeatmapRow {
  /** Row header, e.g. "Desk 101" or "Monday". */
  name: string;
  cells: HourCell[];
}

const LABEL_WIDTH = 120;
const HEADER_HEIGHT = 30;
const CELL_WIDTH = 44;
const CELL_HEIGHT = 26;
let patterns = 0;

export function heatmap(title: string, hours: number[], rows: HeatmapRow[], scale: ColourScale): SVGSVGElement {
  const width = LABEL_WIDTH + hours.length * CELL_WIDTH;
  const height = HEADER_HEIGHT + rows.length * CELL_HEIGHT;
  const svg = svgElement("svg", {
    viewBox: `0 0 ${width} ${height}`,
    class: "heatmap-svg",
    role: "group",
    "aria-label": title,
    // Wide enough to read on a phone (the container scrolls sideways), no wider than its cells need on a wall.
    style: `min-width: ${Math.round(width * 0.75)}px; max-width: ${width * 2}px`,
  });
  const closed = `heatmap-closed-${++patterns}`;
  svg.append(closedPattern(closed));

  hours.forEach((hour, column) => {
    const label = svgElement("text", { class: "heatmap-hour", x: LABEL_WIDTH + column * CELL_WIDTH + CELL_WIDTH / 2, y: HEADER_HEIGHT - 10 });
    label.textContent = hourName(hour);
    svg.append(label);
  });

  rows.forEach((row, index) => {
    const y = HEADER_HEIGHT + index * CELL_HEIGHT;
    const name = svgElement("text", { class: "heatmap-row", x: LABEL_WIDTH - 8, y: y + CELL_HEIGHT / 2 });
    name.textContent = row.name;
    svg.append(name);
    row.cells.forEach((cell, column) => svg.append(cellElement(row.name, cell, LABEL_WIDTH + column * CELL_WIDTH, y, scale, closed)));
  });
  return svg;
}

export function hourName(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

function cellElement(rowName: string, cell: HourCell, x: number, y: number, scale: ColourScale, closed: string): SVGGElement {
  const value = cell.utilisation;
  const group = svgElement("g", {
    class: "heatmap-cell",
    role: "img",
    "aria-label": `${rowName}, ${hourName(cell.hour)}: ${percent(value)}`,
    "data-hour": cell.hour,
  });
  const tooltip = svgElement("title", {});
  tooltip.textContent = value === null
    ? `${rowName}, ${hourName(cell.hour)}–${hourName(cell.hour + 1)}: closed in this range`
    : `${rowName}, ${hourName(cell.hour)}–${hourName(cell.hour + 1)}: ${percent(value)} (${duration(cell.occupiedSeconds)} in use of ${duration(cell.openSeconds)} open)`;
  const rect = svgElement("rect", {
    x: x + 1,
    y: y + 1,
    width: CELL_WIDTH - 2,
    height: CELL_HEIGHT - 2,
    rx: 3,
    fill: value === null ? `url(#${closed})` : scale.colour(value),
  });
  group.append(tooltip, rect);
  if (value !== null) {
    const text = svgElement("text", { class: "heatmap-value", x: x + CELL_WIDTH / 2, y: y + CELL_HEIGHT / 2, fill: scale.ink(value) });
    text.textContent = String(Math.round(value * 100));
    group.append(text);
  }
  return group;
}

/** "1 h 30 min", "45 min", "12 s": how long, as a host reads it. */
export function duration(seconds: number): string {
  if (seconds < 60) {
    return `${Math.round(seconds)} s`;
  }
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours === 0 ? `${rest} min` : rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

function closedPattern(id: string): SVGDefsElement {
  const defs = svgElement("defs", {});
  const pattern = svgElement("pattern", { id, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
  pattern.append(svgElement("rect", { width: 6, height: 6, fill: "#eceef1" }), svgElement("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#c3c8cf", "stroke-width": 2 }));
  defs.append(pattern);
  return defs;
}
