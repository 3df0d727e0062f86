// A space's access control for its hosts (#/admin/spaces/{id}/access): lockdown with confirmation, how old the
// rules at the doors are (the replica the edge reported), and the door log, live.
import { listenToAccess, type AccessLogEntry, type SpaceAccessStatus } from "../accessEvents";
import { announce, h } from "../dom";
import { api } from "../http";


const outcomeText = (e: AccessLogEntry): string =>
  e.kind === "decision"
    ? e.granted
      ? e.reason === "granted" ? "granted" : `granted (${e.reason})`
      : `denied: ${e.reason}`
    : e.kind === "alarm"
      ? `alarm: ${e.reason}`
      : `alarm cleared: ${e.reason}`;

export function ageText(syncedAt: string | null, now: number = Date.now()): string {
  if (!syncedAt) {
    return "never synchronised";
  }
  const seconds = Math.max(0, Math.round((now - new Date(syncedAt).getTime()) / 1000));
  if (seconds < 60) {
    return "confirmed just now";
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) {
    return `confirmed ${minutes} min ago`;
  }
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `confirmed ${hours} h ago` : `confirmed ${Math.round(hours / 24)} days ago`;
}

export async function accessPage(spaceId: string): Promise<HTMLElement> {
  const base = `api/admin/spaces/${encodeURIComponent(spaceId)}/access`;
  const [status, entries] = await Promise.all([
    api<SpaceAccessStatus>("GET", base),
    api<AccessLogEntry[]>("GET", `${base}/log?limit=100`),
  ]);

  const lockdownState = h("p", { class: "lockdown-state", "data-testid": "lockdown-state" });
  const lockdownButton = h("button", { type: "button", class: "button danger", "data-testid": "lockdown-button" });
  const replica = h("p", { class: "field-help", "data-testid": "replica-age" });
  const feedback = h("p", { class: "form-status", role: "status", "aria-live": "polite" });
  const rows = h("tbody", {});
  let current = status;

  const showStatus = (s: SpaceAccessStatus) => {
    current = s;
    lockdownState.textContent = s.lockdown ? "Locked down: only admins open the doors." : "Normal: passes open the doors.";
    lockdownState.dataset.lockdown = String(s.lockdown);
    lockdownButton.textContent = s.lockdown ? "End lockdown" : "Lock down every door";
    lockdownButton.className = s.lockdown ? "button primary" : "button danger";
    const edge = s.edgeOnline ? "edge online" : "edge offline";
    replica.textContent = s.edgeReplicaVersion === null
      ? `${edge} · no access rules reported yet`
      : `${edge} · access rules version ${s.edgeReplicaVersion}, ${ageText(s.edgeReplicaSyncedAt)}`;
  };

  const row = (e: AccessLogEntry) =>
    h(
      "tr",
      { "data-entry-id": e.id, "data-outcome": e.granted ? "granted" : "denied" },
      h("td", { text: new Date(e.at).toLocaleString() }),
      h("td", { text: e.doorId }),
      h("td", { text: outcomeText(e) }),
      h("td", { text: e.memberName ?? (e.kind === "decision" ? "unknown credential" : "") }),
    );

  lockdownButton.addEventListener("click", async () => {
    const on = !current.lockdown;
    const question = on
      ? "Lock down every door of this space? Only admins' passes will open them until the lockdown ends."
      : "End the lockdown? Passes open the doors again.";
    if (!window.confirm(question)) {
      return;
    }
    lockdownButton.disabled = true;
    try {
      showStatus(await api<SpaceAccessStatus>("POST", `${base}/lockdown`, { active: on }));
      announce(feedback, on ? "Lockdown sent to the doors." : "Lockdown ended.");
    } catch (error) {
      announce(feedback, error instanceof Error ? error.message : String(error), "error");
    } finally {
      lockdownButton.disabled = false;
    }
  });

  showStatus(status);
  rows.replaceChildren(...entries.map(row));
  const page = h(
    "div",
    { class: "access-admin" },
    h("p", {}, h("a", { href: `#/admin/spaces/${encodeURIComponent(spaceId)}`, text: "← Space" })),
    h("h2", { class: "page-title", text: `Access control of ${spaceId}` }),
    h("section", { class: "resource", "aria-label": "Lockdown" }, h("h2", { text: "Lockdown" }), lockdownState, lockdownButton, feedback, replica),
    h(
      "section",
      { class: "resource", "aria-label": "Door log" },
      h("h2", { text: "Door log" }),
      h(
        "div",
        { class: "table-scroll" },
        h(
          "table",
          { class: "admin-table", "data-testid": "door-log" },
          h("thead", {}, h("tr", {}, h("th", { text: "When" }), h("th", { text: "Door" }), h("th", { text: "What" }), h("th", { text: "Member" }))),
          rows,
        ),
      ),
    ),
  );

  const stop = listenToAccess({
    logged: (added) => {
      for (const e of added.filter((x) => x.spaceId === spaceId)) {
        if (!rows.querySelector(`[data-entry-id="${e.id}"]`)) {
          rows.prepend(row(e));
        }
      }
    },
    status: (s) => {
      if (s.spaceId === spaceId) {
        showStatus(s);
      }
    },
  });
  // The age grows while nothing is reported; stop when the page is replaced.
  const timer = window.setInterval(() => {
    if (!page.isConnected) {
      stop();
      window.clearInterval(timer);
    } else {
      showStatus(current);
    }
  }, 30_000);
  window.addEventListener("hashchange", () => stop(), { once: true });
  return page;
}
