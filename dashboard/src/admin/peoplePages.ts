// Members (with their credentials), passes and accounts.
import { h } from "../dom";
import { api } from "../http";
import { ResourceEditor } from "./resourceEditor";
import { capitalise, weekdays, type CredentialView, type MemberView, type PassView, type SpaceSettings, type UserView } from "./types";

export async function membersPage(): Promise<HTMLElement> {
  const spaces = await api<SpaceSettings[]>("GET", "api/admin/spaces");
  const editor = new ResourceEditor<MemberView>({
    title: "Members",
    noun: "member",
    listUrl: "api/admin/members",
    itemUrl: (m) => `api/admin/members/${m.id}`,
    name: (m) => m.name,
    columns: [
      { label: "Name", value: (m) => m.name },
      { label: "Email", value: (m) => m.email ?? "" },
      { label: "Home space", value: (m) => m.homeSpaceId },
      { label: "Signs in", value: (m) => (m.hasAccount ? "yes" : "no") },
    ],
    fields: [
      { name: "name", label: "Name", kind: "text", required: true },
      { name: "email", label: "Email", kind: "email" },
      { name: "homeSpaceId", label: "Home space", kind: "select", options: spaces.map((s) => ({ value: s.id, label: s.name })) },
      { name: "password", label: "Password (gives the member a sign-in; at least 10 characters)", kind: "password" },
    ],
    toForm: (m) => ({ name: m?.name ?? null, email: m?.email ?? null, homeSpaceId: m?.homeSpaceId ?? spaces[0]?.id ?? null, password: null }),
    toBody: (v) => v,
    actions: [{ label: () => "Credentials", run: async (m) => void (location.hash = `#/admin/members/${m.id}`) }],
  });
  await editor.load();
  return editor.element;
}

export async function memberPage(memberId: string): Promise<HTMLElement> {
  const member = await api<MemberView>("GET", `api/admin/members/${memberId}`);
  const secretBox = h("div", { class: "secret-box", role: "alert", hidden: true });
  const editor = new ResourceEditor<CredentialView>({
    title: `Credentials of ${member.name}`,
    noun: "credential",
    listUrl: `api/admin/members/${memberId}/credentials`,
    itemUrl: (c) => `api/admin/members/${memberId}/credentials/${c.id}`,
    name: (c) => c.label || c.cardUid || c.kind,
    canDelete: false,
    columns: [
      { label: "Kind", value: (c) => (c.kind === "card" ? "card (weak: can be cloned)" : "phone code") },
      { label: "Card UID", value: (c) => c.cardUid ?? "" },
      { label: "Label", value: (c) => c.label },
      { label: "State", value: (c) => (c.revokedAt ? `revoked ${new Date(c.revokedAt).toLocaleDateString()}` : "active") },
    ],
    fields: [
      { name: "kind", label: "Kind", kind: "select", options: [{ value: "card", label: "Card" }, { value: "phone-code", label: "Phone code" }] },
      { name: "cardUid", label: "Card UID (hex, for cards)", kind: "text" },
      { name: "label", label: "Label", kind: "text" },
    ],
    toForm: () => ({ kind: "card", cardUid: null, label: null }),
    toBody: (v) => v,
    afterCreate: (created) => {
      const credential = created as CredentialView;
      if (credential.secret) {
        secretBox.replaceChildren(h("p", { text: "Phone-code secret — shown only now:" }), h("code", { class: "secret", text: credential.secret }));
        secretBox.hidden = false;
      }
      return "Credential issued.";
    },
    actions: [
      {
        label: () => "Revoke",
        confirm: () => "Revoke this credential? It stops opening doors.",
        run: async (c) => void (await api("DELETE", `api/admin/members/${memberId}/credentials/${c.id}`)),
      },
    ],
  });
  await editor.load();
  return h("div", {}, h("p", {}, h("a", { href: "#/admin/members", text: "← All members" })), secretBox, editor.element);
}

export async function passesPage(): Promise<HTMLElement> {
  const [spaces, members] = await Promise.all([api<SpaceSettings[]>("GET", "api/admin/spaces"), api<MemberView[]>("GET", "api/admin/members")]);
  const memberName = new Map(members.map((m) => [m.id, m.name]));
  const editor = new ResourceEditor<PassView>({
    title: "Passes",
    noun: "pass",
    listUrl: "api/admin/passes",
    itemUrl: (p) => `api/admin/passes/${p.id}`,
    name: (p) => p.name || `of ${memberName.get(p.memberId) ?? p.memberId}`,
    columns: [
      { label: "Member", value: (p) => memberName.get(p.memberId) ?? p.memberId },
      { label: "Spaces", value: (p) => p.spaceIds.join(", ") },
      { label: "Days", value: (p) => (p.weekdays.length === 7 ? "every day" : p.weekdays.map((d) => capitalise(d.slice(0, 3))).join(" ")) },
      { label: "Hours", value: (p) => (p.opens ? `${p.opens}–${p.closes}` : "all day") },
      { label: "Valid", value: (p) => `${p.validFrom ?? "…"} to ${p.validTo ?? "…"}` },
      { label: "State", value: (p) => (p.revokedAt ? "revoked" : p.suspended ? "suspended" : "active") },
    ],
    fields: [
      { name: "memberId", label: "Member", kind: "select", options: members.map((m) => ({ value: m.id, label: m.name })) },
      { name: "name", label: "Name (e.g. the plan)", kind: "text" },
      { name: "spaceIds", label: "Spaces", kind: "checkboxes", options: spaces.map((s) => ({ value: s.id, label: s.name })) },
      { name: "weekdays", label: "Days (none ticked: every day)", kind: "checkboxes", options: weekdays.map((d) => ({ value: d, label: capitalise(d) })) },
      { name: "opens", label: "From (local time)", kind: "time" },
      { name: "closes", label: "Until (local time; before From: past midnight)", kind: "time" },
      { name: "validFrom", label: "Valid from", kind: "date" },
      { name: "validTo", label: "Valid to", kind: "date" },
      { name: "suspended", label: "Suspended", kind: "checkbox" },
    ],
    toForm: (p) => ({
      memberId: p?.memberId ?? members[0]?.id ?? null, name: p?.name ?? null, spaceIds: p?.spaceIds ?? [], weekdays: p?.weekdays.length === 7 ? [] : p?.weekdays ?? [],
      opens: p?.opens ?? null, closes: p?.closes ?? null, validFrom: p?.validFrom ?? null, validTo: p?.validTo ?? null, suspended: p?.suspended ?? false,
    }),
    toBody: (v, existing) => ({ ...v, doors: existing?.doors ?? [] }),
    actions: [
      {
        label: () => "Revoke",
        confirm: () => "Revoke this pass for good? The member's doors stop opening with it.",
        run: async (p) => void (await api("POST", `api/admin/passes/${p.id}/revoke`)),
      },
    ],
  });
  await editor.load();
  return editor.element;
}

export async function usersPage(): Promise<HTMLElement> {
  const spaces = await api<SpaceSettings[]>("GET", "api/admin/spaces");
  const editor = new ResourceEditor<UserView>({
    title: "Accounts",
    noun: "account",
    listUrl: "api/admin/users",
    itemUrl: (u) => `api/admin/users/${u.id}`,
    name: (u) => u.email,
    columns: [
      { label: "Email", value: (u) => u.email },
      { label: "Name", value: (u) => u.displayName },
      { label: "Roles", value: (u) => [u.admin ? "admin" : "", u.hostOf.length > 0 ? `host of ${u.hostOf.join(", ")}` : "", u.member ? "member" : ""].filter((r) => r).join("; ") },
    ],
    fields: [
      { name: "email", label: "Email", kind: "email", required: true },
      { name: "displayName", label: "Name", kind: "text", required: true },
      { name: "password", label: "Password (at least 10 characters; empty keeps it)", kind: "password" },
      { name: "admin", label: "Admin of the network", kind: "checkbox" },
      { name: "hostOf", label: "Hosts these spaces", kind: "checkboxes", options: spaces.map((s) => ({ value: s.id, label: s.name })) },
    ],
    toForm: (u) => ({ email: u?.email ?? null, displayName: u?.displayName ?? null, password: null, admin: u?.admin ?? false, hostOf: u?.hostOf ?? [] }),
    toBody: (v) => v,
  });
  await editor.load();
  return editor.element;
}
