// One space: its floors with the plan to place desks on, desks, zones, doors and devices.
import { announce, h } from "../dom";
import { api } from "../http";
import { utilisationHref } from "../host/utilisationPage";
import { PlanEditor } from "./planEditor";
import { ResourceEditor } from "./resourceEditor";
import type { DeskSettings, DeviceCredentials, DeviceSettings, DoorSettings, FloorSettings, SpaceSettings, ZoneSettings } from "./types";

export async function spacePage(spaceId: string, selectedFloor: string | undefined): Promise<HTMLElement> {
  const base = `api/admin/spaces/${encodeURIComponent(spaceId)}`;
  const [space, floors, zones, doors] = await Promise.all([
    api<SpaceSettings>("GET", base),
    api<FloorSettings[]>("GET", `${base}/floors`),
    api<ZoneSettings[]>("GET", `${base}/zones`),
    api<DoorSettings[]>("GET", `${base}/doors`),
  ]);
  const floor = floors.find((f) => f.id === selectedFloor) ?? floors[0];
  const floorOptions = floors.map((f) => ({ value: f.id, label: f.name }));
  const zoneOptions = zones.map((z) => ({ value: z.id, label: z.name }));
  const pairOptions = [{ value: "", label: "Not paired" }, ...doors.map((d) => ({ value: d.id, label: d.name }))];
  const doorName = (id: string | null) => doors.find((d) => d.id === id)?.name ?? id ?? "";
  const reload = () => window.dispatchEvent(new HashChangeEvent("hashchange"));

  const floorEditor = new ResourceEditor<FloorSettings>({
    title: "Floors",
    noun: "floor",
    listUrl: `${base}/floors`,
    itemUrl: (f) => `${base}/floors/${encodeURIComponent(f.id)}`,
    name: (f) => f.name,
    columns: [
      { label: "Floor", value: (f) => f.name },
      { label: "Plan size", value: (f) => `${f.width} × ${f.height}` },
      { label: "Desks", value: (f) => String(f.desks.length) },
    ],
    fields: [
      { name: "id", label: "Id", kind: "text", required: true, createOnly: true },
      { name: "name", label: "Name", kind: "text", required: true },
      { name: "width", label: "Plan width", kind: "number", required: true, min: 1 },
      { name: "height", label: "Plan height", kind: "number", required: true, min: 1 },
    ],
    toForm: (f) => ({ id: f?.id ?? null, name: f?.name ?? null, width: f?.width ?? 1000, height: f?.height ?? 600 }),
    toBody: (v) => ({ id: v.id, name: v.name, width: v.width ?? 0, height: v.height ?? 0 }),
    actions: [{ label: () => "Show plan", run: async (f) => void (location.hash = `#/admin/spaces/${encodeURIComponent(spaceId)}/floors/${encodeURIComponent(f.id)}`) }],
    onChanged: reload,
  });

  const deskEditor = new ResourceEditor<DeskSettings>({
    title: floor ? `Desks on ${floor.name}` : "Desks",
    noun: "desk",
    listUrl: floor ? `${base}/desks?floorId=${encodeURIComponent(floor.id)}` : `${base}/desks`,
    itemUrl: (d) => `${base}/desks/${encodeURIComponent(d.id)}`,
    name: (d) => d.label,
    columns: [
      { label: "Desk", value: (d) => d.label },
      { label: "Id", value: (d) => d.id },
      { label: "Position", value: (d) => `${d.x}, ${d.y}` },
      { label: "Zone", value: (d) => d.zone },
      { label: "Sensor", value: (d) => d.deviceId },
    ],
    fields: [
      { name: "id", label: "Id", kind: "text", required: true, createOnly: true },
      { name: "label", label: "Label", kind: "text", required: true },
      { name: "floorId", label: "Floor", kind: "select", options: floorOptions },
      { name: "x", label: "X (from the left)", kind: "number", min: 0 },
      { name: "y", label: "Y (from the top)", kind: "number", min: 0 },
      { name: "width", label: "Width", kind: "number", min: 1 },
      { name: "height", label: "Height", kind: "number", min: 1 },
      { name: "shape", label: "Shape", kind: "select", options: [{ value: "rect", label: "Rectangle" }, { value: "round", label: "Round" }] },
      { name: "zone", label: "Zone", kind: "select", options: zoneOptions },
      { name: "deviceId", label: "Sensor id", kind: "text", required: true },
    ],
    toForm: (d) => ({
      id: d?.id ?? null, label: d?.label ?? null, floorId: d?.floorId ?? floor?.id ?? null, x: d?.x ?? 0, y: d?.y ?? 0,
      width: d?.width ?? 110, height: d?.height ?? 70, shape: d?.shape ?? "rect", zone: d?.zone ?? zones[0]?.id ?? null, deviceId: d?.deviceId ?? null,
    }),
    toBody: (v) => ({ ...v, x: v.x ?? 0, y: v.y ?? 0, width: v.width ?? 0, height: v.height ?? 0 }),
    onChanged: reload,
  });

  const planStatus = h("p", { class: "admin-status", role: "status", "aria-live": "polite", hidden: true });
  const plan = floor
    ? new PlanEditor(floor, {
        select: (desk) => deskEditor.openForm(desk),
        move: async (desk, x, y) => {
          try {
            await api("PUT", `${base}/desks/${encodeURIComponent(desk.id)}`, { ...desk, x, y });
            announce(planStatus, `Desk ${desk.label} moved to ${x}, ${y}.`);
          } catch (error) {
            announce(planStatus, error instanceof Error ? error.message : String(error), "error");
            throw error;
          }
        },
      })
    : undefined;

  const zoneEditor = new ResourceEditor<ZoneSettings>({
    title: "Zones",
    noun: "zone",
    listUrl: `${base}/zones`,
    itemUrl: (z) => `${base}/zones/${encodeURIComponent(z.id)}`,
    name: (z) => z.name,
    columns: [{ label: "Zone", value: (z) => z.name }, { label: "Id", value: (z) => z.id }, { label: "Desks", value: (z) => String(z.desks) }],
    fields: [
      { name: "id", label: "Id", kind: "text", required: true, createOnly: true },
      { name: "name", label: "Name", kind: "text", required: true },
    ],
    toForm: (z) => ({ id: z?.id ?? null, name: z?.name ?? null }),
    toBody: (v) => v,
    onChanged: reload,
  });

  const doorEditor = new ResourceEditor<DoorSettings>({
    title: "Doors",
    noun: "door",
    listUrl: `${base}/doors`,
    itemUrl: (d) => `${base}/doors/${encodeURIComponent(d.id)}`,
    name: (d) => d.name,
    columns: [
      { label: "Door", value: (d) => d.name },
      { label: "Floor", value: (d) => d.floorId },
      { label: "Reader", value: (d) => d.deviceId },
      { label: "Unlocks for", value: (d) => `${d.unlockSeconds} s` },
      { label: "Anti-passback", value: (d) => (d.pairedDoorId ? `${d.direction === "in" ? "In" : "Out"}, paired with ${doorName(d.pairedDoorId)}` : "—") },
    ],
    fields: [
      { name: "id", label: "Id", kind: "text", required: true, createOnly: true },
      { name: "name", label: "Name", kind: "text", required: true },
      { name: "floorId", label: "Floor", kind: "select", options: floorOptions },
      { name: "deviceId", label: "Reader id", kind: "text", required: true },
      { name: "unlockSeconds", label: "Unlock time (seconds)", kind: "number", min: 1 },
      {
        name: "mode", label: "Mode", kind: "select",
        options: [{ value: "normal", label: "Normal" }, { value: "free", label: "Free access in staffed hours" }, { value: "lockdown", label: "Locked down (admins only)" }],
      },
      {
        name: "pairedDoorId", label: "Anti-passback pair", kind: "select", options: pairOptions,
        help: "The other door of an in/out pair: a member let in must go out before coming in again. The other door is paired back.",
      },
      { name: "direction", label: "Direction of this door", kind: "select", options: [{ value: "in", label: "In" }, { value: "out", label: "Out" }] },
    ],
    toForm: (d) => ({
      id: d?.id ?? null, name: d?.name ?? null, floorId: d?.floorId ?? floor?.id ?? null, deviceId: d?.deviceId ?? null, unlockSeconds: d?.unlockSeconds ?? 5,
      mode: d?.mode ?? "normal", pairedDoorId: d?.pairedDoorId ?? "", direction: d?.direction ?? "in",
    }),
    toBody: (v) => ({
      ...v, unlockSeconds: v.unlockSeconds ?? 0,
      pairedDoorId: v.pairedDoorId ? v.pairedDoorId : null, direction: v.pairedDoorId ? v.direction : null,
    }),
    onChanged: reload,
  });

  const secretBox = h("div", { class: "secret-box", role: "alert", hidden: true });
  const showSecret = (credentials: DeviceCredentials) => {
    secretBox.replaceChildren(
      h("p", { text: `Secret of ${credentials.deviceId} — shown only now. Copy it onto the device; it cannot be shown again.` }),
      h("code", { class: "secret", "data-testid": "device-secret", text: credentials.secret }),
    );
    secretBox.hidden = false;
    return `Device ${credentials.deviceId} provisioned.`;
  };
  const deviceEditor = new ResourceEditor<DeviceSettings>({
    title: "Devices",
    noun: "device",
    listUrl: `${base}/devices`,
    itemUrl: (d) => `${base}/devices/${encodeURIComponent(d.id)}`,
    name: (d) => d.id,
    columns: [
      { label: "Device", value: (d) => d.id },
      { label: "Kind", value: (d) => (d.kind === "desk" ? "desk sensor" : "door reader") },
      { label: "Serves", value: (d) => d.usedBy ?? "—" },
      { label: "Secret", value: (d) => (d.provisioned ? `issued ${new Date(d.secretIssuedAt!).toLocaleString()}` : "none yet") },
    ],
    fields: [
      { name: "id", label: "Device id", kind: "text", required: true, createOnly: true },
      { name: "kind", label: "Kind", kind: "select", options: [{ value: "desk", label: "Desk sensor" }, { value: "door", label: "Door reader" }] },
    ],
    toForm: () => ({ id: null, kind: "desk" }),
    toBody: (v) => v,
    afterCreate: (created) => showSecret(created as DeviceCredentials),
    actions: [
      {
        label: (d) => (d.provisioned ? "New secret" : "Issue secret"),
        confirm: (d) => (d.provisioned ? `Replace the secret of ${d.id}? The device stops connecting until it has the new one.` : ""),
        run: async (d) => showSecret(await api<DeviceCredentials>("POST", `${base}/devices/${encodeURIComponent(d.id)}/secret`)),
      },
    ],
  });

  await Promise.all([floorEditor.load(), deskEditor.load(), zoneEditor.load(), doorEditor.load(), deviceEditor.load()]);
  return h(
    "div",
    { class: "space-admin" },
    h("p", {}, h("a", { href: "#/admin", text: "← All spaces" })),
    h("h2", { class: "page-title", text: space.name }),
    h("p", { class: "field-help", text: `${space.timeZone} · edge ${space.edgeOnline ? "online" : "offline"} · configuration version ${space.configVersion}` }),
    h("p", {}, h("a", { class: "button", href: utilisationHref(spaceId), text: "Utilisation heatmaps" })),
    h("p", {}, h("a", { href: `#/admin/spaces/${encodeURIComponent(spaceId)}/access`, text: "Access control, lockdown and door log" })),
    floorEditor.element,
    floor && plan
      ? h("section", { class: "resource", "aria-label": `Plan of ${floor.name}` }, h("h2", { text: `Plan of ${floor.name}` }), planStatus, h("div", { class: "plan" }, plan.element))
      : null,
    deskEditor.element,
    zoneEditor.element,
    doorEditor.element,
    secretBox,
    deviceEditor.element,
  );
}
