// Spaces: name, IANA time zone and opening hours (one field per weekday, "08:00-18:00", empty when closed).
import { h } from "../dom";
import type { FormValue } from "./form";
import { ResourceEditor } from "./resourceEditor";
import { capitalise, weekdays, type SpaceSettings } from "./types";

export function spacesPage(isAdmin: boolean): { element: HTMLElement; load: () => Promise<void> } {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const editor = new ResourceEditor<SpaceSettings>({
    title: "Spaces",
    noun: "space",
    listUrl: "api/admin/spaces",
    itemUrl: (s) => `api/admin/spaces/${encodeURIComponent(s.id)}`,
    name: (s) => s.name,
    canCreate: isAdmin,
    canDelete: isAdmin,
    columns: [
      { label: "Space", value: (s) => s.name },
      { label: "Id", value: (s) => s.id },
      { label: "Time zone", value: (s) => s.timeZone },
      { label: "Desks", value: (s) => `${s.desks} on ${s.floors} floors` },
      { label: "Edge", value: (s) => (s.edgeOnline ? "online" : "offline") },
    ],
    fields: [
      { name: "id", label: "Id", kind: "text", required: true, createOnly: true, help: "Lower-case letters, digits and '-'; also the site id of the space's edge." },
      { name: "name", label: "Name", kind: "text", required: true },
      { name: "timeZone", label: "Time zone", kind: "select", required: true, options: zones.map((z) => ({ value: z, label: z })) },
      ...weekdays.map((day) => ({ name: day, label: `${capitalise(day)} hours`, kind: "text" as const, help: day === "monday" ? "e.g. 08:00-18:00; empty when closed" : undefined })),
    ],
    toForm: (s) => {
      const values: Record<string, FormValue> = { id: s?.id ?? null, name: s?.name ?? null, timeZone: s?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone };
      for (const day of weekdays) {
        const hours = s?.openingHours.find((o) => o.day === day);
        values[day] = hours ? `${hours.opens}-${hours.closes}` : null;
      }
      return values;
    },
    toBody: (v) => ({
      id: v.id,
      name: v.name,
      timeZone: v.timeZone,
      openingHours: weekdays
        .filter((day) => typeof v[day] === "string")
        .map((day) => {
          const [opens, closes] = String(v[day]).split(/\s*[-–]\s*/);
          return { day, opens: opens ?? "", closes: closes ?? "" };
        }),
    }),
    actions: [{ label: () => "Open", run: async (s) => void (location.hash = `#/admin/spaces/${encodeURIComponent(s.id)}`) }],
  });
  return { element: h("div", {}, editor.element), load: () => editor.load() };
}
