// A host's view of one space's utilisation (#/admin/spaces/{id}/utilisation/{from}/{to}[/{floor}]): a date range
// and floor picker, desk × hour and weekday × hour heatmaps, the plans coloured by utilisation, busiest and idlest
// desks, floors, zones, peak occupancy, never and rarely used desks, and CSV downloads of what is shown.
import { getFloorPlan, type SpaceSummary } from "../api";
import { h, uid } from "../dom";
import { api, ApiError } from "../http";
import { ColourScale, percent } from "./colourScale";
import { duration, heatmap, type HeatmapRow } from "./heatmap";
import { utilisationPlan } from "./utilisationPlan";
import type { DeskUtilisation, GroupUtilisation, UtilisationReport } from "./utilisationTypes";

const DEFAULT_DAYS = 14;
const LIST_LENGTH = 5;

export function utilisationHref(spaceId: string, from?: string, to?: string, floorId?: string): string {
  const parts = ["#/admin/spaces", encodeURIComponent(spaceId), "utilisation"];
  if (from && to) {
    parts.push(from, to);
    if (floorId) {
      parts.push(encodeURIComponent(floorId));
    }
  }
  return parts.join("/");
}

/** parts: the hash after "utilisation" — from, to and floor, each optional. */
export async function utilisationPage(spaceId: string, parts: string[]): Promise<HTMLElement> {
  const [from, to] = parts[0] && parts[1] ? [parts[0], parts[1]] : defaultRange();
  const floorId = parts[2];
  const base = `api/spaces/${encodeURIComponent(spaceId)}/utilisation`;
  const query = new URLSearchParams({ from, to });
  if (floorId) {
    query.set("floor", floorId);
  }

  const page = h("div", { class: "utilisation" }, h("p", {}, h("a", { href: `#/admin/spaces/${encodeURIComponent(spaceId)}`, text: "← Space settings" })));
  const space = await api<SpaceSummary>("GET", `api/spaces/${encodeURIComponent(spaceId)}`);
  const form = rangeForm(spaceId, from, to, floorId, space.floors);
  let report: UtilisationReport;
  try {
    report = await api<UtilisationReport>("GET", `${base}?${query}`);
  } catch (error) {
    page.append(h("h2", { class: "page-title", text: `Utilisation of ${space.name}` }), form, problem(error));
    return page;
  }

  const scale = new ColourScale([
    ...report.desks.flatMap((d) => d.hours.map((c) => c.utilisation)),
    ...report.weekdays.flatMap((d) => d.hours.map((c) => c.utilisation)),
    ...report.desks.map((d) => d.utilisation),
  ]);
  const csv = (view: string, label: string) =>
    h("a", { class: "button small", href: `${base}/${view}.csv?${query}`, download: "", text: label });

  page.append(
    h("h2", { class: "page-title", text: `Utilisation of ${report.spaceName}` }),
    h("p", {
      class: "field-help",
      text: `${report.from} to ${report.to}, ${report.timeZone}. ` +
        (report.aroundTheClock ? "No opening hours are set, so every hour counts as open." : "Counted within opening hours only."),
    }),
    form,
    summary(report),
    legend(scale),
    section("Desks by hour of the day", "desk-hours", csv("desk-hours", "Download CSV"),
      report.hours.length === 0
        ? h("p", { class: "field-help", text: "The space was closed throughout this range." })
        : h("div", { class: "heatmap-scroll" }, heatmap("Utilisation per desk and hour of the day", report.hours,
          report.desks.map((d): HeatmapRow => ({ name: `Desk ${d.label}`, cells: d.hours })), scale))),
    section("Weekdays by hour of the day", "weekday-hours", csv("weekday-hours", "Download CSV"),
      h("div", { class: "heatmap-scroll" }, heatmap("Utilisation per weekday and hour of the day", report.hours,
        report.weekdays.map((d): HeatmapRow => ({ name: capitalise(d.day), cells: d.hours })), scale))),
    section("Busiest and idlest desks", "ranking", csv("desks", "Download CSV"), ranking(report)),
    section("Floors and zones", "groups", null, groups(report)),
  );

  const plans = h("div", { class: "utilisation-plans" });
  page.append(section("Floor plans by utilisation", "plans", null, plans));
  const byId = new Map(report.desks.map((d) => [d.id, d]));
  for (const floor of report.floors) {
    try {
      const plan = await getFloorPlan(spaceId, floor.id);
      plans.append(h("figure", { class: "utilisation-plan-figure" }, h("figcaption", { text: `${floor.name}: ${percent(floor.utilisation)}` }), utilisationPlan(plan, byId, scale)));
    } catch (error) {
      plans.append(problem(error));
    }
  }
  return page;
}

function defaultRange(): [string, string] {
  const today = new Date();
  const from = new Date(today);
  from.setDate(today.getDate() - (DEFAULT_DAYS - 1));
  return [localDate(from), localDate(today)];
}

function localDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

function rangeForm(spaceId: string, from: string, to: string, floorId: string | undefined, floors: { id: string; name: string }[]): HTMLFormElement {
  const fromId = uid("from");
  const toId = uid("to");
  const floorSelect = uid("floor");
  const fromInput = h("input", { id: fromId, type: "date", name: "from", value: from, required: true });
  const toInput = h("input", { id: toId, type: "date", name: "to", value: to, required: true });
  const select = h("select", { id: floorSelect, name: "floor" },
    h("option", { value: "", text: "All floors" }),
    ...floors.map((f) => h("option", { value: f.id, text: f.name, selected: f.id === floorId })));
  const form = h("form", { class: "range-form", "aria-label": "Date range" },
    h("label", { for: fromId, text: "From" }), fromInput,
    h("label", { for: toId, text: "To" }), toInput,
    h("label", { for: floorSelect, text: "Floor" }), select,
    h("button", { type: "submit", class: "button primary", text: "Show" }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = utilisationHref(spaceId, fromInput.value, toInput.value, select.value || undefined);
  });
  return form;
}

function summary(report: UtilisationReport): HTMLElement {
  const open = report.desks.reduce((sum, d) => sum + d.openSeconds, 0);
  const occupied = report.desks.reduce((sum, d) => sum + d.occupiedSeconds, 0);
  const peak = report.peak
    ? `${report.peak.desks.toFixed(1)} of ${report.peak.deskCount} desks`
    : "no use recorded";
  const peakAt = report.peak ? `${report.peak.intervalMinutes}-minute average, ${report.peak.at.replace("T", " ").slice(0, 16)}` : "";
  return h("dl", { class: "usage-summary" },
    card("Utilisation", percent(open > 0 ? occupied / open : null), `${report.desks.length} desks`),
    card("Peak occupancy", peak, peakAt),
    card("Never used", String(report.neverUsed.length), "desks with no use in opening hours"),
    card("Rarely used", String(report.rarelyUsed.length), `below ${Math.round(report.rarelyUsedBelow * 100)}% of opening hours`));
}

function card(term: string, value: string, detail: string): HTMLElement {
  return h("div", { class: "usage-card" }, h("dt", { text: term }), h("dd", { class: "usage-value", text: value }), h("dd", { class: "usage-detail", text: detail }));
}

function legend(scale: ColourScale): HTMLElement {
  return h("div", { class: "usage-legend", role: "img", "aria-label": `Colour scale from 0% (dark blue) to ${Math.round(scale.max * 100)}% (yellow); hatched cells are closed hours` },
    h("span", { text: "0%" }),
    h("span", { class: "usage-gradient", style: `background: ${scale.gradient()}` }),
    h("span", { text: `${Math.round(scale.max * 100)}%` }),
    h("span", { class: "usage-closed-swatch" }),
    h("span", { text: "closed" }));
}

function ranking(report: UtilisationReport): HTMLElement {
  const used = report.desks.filter((d) => d.utilisation !== null);
  const sorted = [...used].sort((a, b) => (b.utilisation ?? 0) - (a.utilisation ?? 0) || a.label.localeCompare(b.label));
  const list = (title: string, desks: DeskUtilisation[]) =>
    h("div", { class: "desk-ranking" }, h("h4", { text: title }),
      h("ol", { "aria-label": title }, ...desks.map((d) => h("li", {},
        h("span", { text: `Desk ${d.label}` }),
        h("span", { class: "ranking-value", text: `${percent(d.utilisation)} · ${duration(d.occupiedSeconds)}` })))));
  const never = report.desks.filter((d) => report.neverUsed.includes(d.id)).map((d) => d.label);
  const rarely = report.desks.filter((d) => report.rarelyUsed.includes(d.id)).map((d) => d.label);
  return h("div", { class: "ranking-grid" },
    list("Busiest desks", sorted.slice(0, LIST_LENGTH)),
    list("Idlest desks", sorted.slice(-LIST_LENGTH).reverse()),
    h("div", { class: "desk-ranking" },
      h("h4", { text: "Never used" }), h("p", { text: never.length ? never.join(", ") : "none" }),
      h("h4", { text: "Rarely used" }), h("p", { text: rarely.length ? rarely.join(", ") : "none" })));
}

function groups(report: UtilisationReport): HTMLElement {
  const rows = [...report.floors.map((g) => ["Floor", g] as const), ...report.zones.map((g) => ["Zone", g] as const)];
  return h("div", { class: "table-scroll" }, h("table", { class: "admin-table" },
    h("thead", {}, h("tr", {}, ...["Kind", "Name", "Desks", "In use", "Utilisation"].map((t) => h("th", { scope: "col", text: t })))),
    h("tbody", {}, ...rows.map(([kind, g]) => h("tr", {},
      h("td", { text: kind }), h("th", { scope: "row", text: g.name }), h("td", { text: String(g.desks) }),
      h("td", { text: duration(g.occupiedSeconds) }), h("td", { text: percent(g.utilisation) }))))));
}

function section(title: string, id: string, action: HTMLElement | null, body: HTMLElement): HTMLElement {
  const headingId = `usage-${id}`;
  return h("section", { class: "resource usage-section", "aria-labelledby": headingId },
    h("div", { class: "resource-head" }, h("h3", { id: headingId, text: title }), action),
    body);
}

function problem(error: unknown): HTMLElement {
  const text = error instanceof ApiError && Object.keys(error.fields).length > 0
    ? Object.entries(error.fields).map(([field, messages]) => `${field}: ${messages.join(" ")}`).join(" ")
    : error instanceof Error ? error.message : String(error);
  return h("p", { class: "message", role: "alert", text });
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
