// The admin area (#/admin/…): spaces, a space's floors, plan, desks, zones, doors and devices; members and their
// credentials; passes; accounts (admins only).
import { isAdmin, type Account } from "../account";
import { h } from "../dom";
import { accessPage } from "./accessPage";
import { membersPage, memberPage, passesPage, usersPage } from "./peoplePages";
import { utilisationPage } from "../host/utilisationPage";
import { spacePage } from "./spacePage";
import { spacesPage } from "./spacesPage";

export async function renderAdmin(container: HTMLElement, hash: string, account: Account): Promise<void> {
  const parts = hash.replace(/^#\/?/, "").split("/").filter((p) => p.length > 0).map(decodeURIComponent);
  const page = parts[1] ?? "spaces";
  const links: [string, string][] = [["spaces", "Spaces"], ["members", "Members"], ["passes", "Passes"]];
  if (isAdmin(account)) {
    links.push(["users", "Accounts"]);
  }
  const nav = h(
    "nav",
    { class: "admin-nav", "aria-label": "Admin" },
    ...links.map(([key, label]) => h("a", { href: `#/admin/${key}`, text: label, "aria-current": key === page ? "page" : undefined })),
  );

  let content: HTMLElement;
  if (page === "spaces" && parts[2] && parts[3] === "access") {
    content = await accessPage(parts[2]);
  } else if (page === "spaces" && parts[2] && parts[3] === "utilisation") {
    content = await utilisationPage(parts[2], parts.slice(4));
  } else if (page === "spaces" && parts[2]) {
    content = await spacePage(parts[2], parts[3] === "floors" ? parts[4] : undefined);
  } else if (page === "members" && parts[2]) {
    content = await memberPage(parts[2]);
  } else if (page === "members") {
    content = await membersPage();
  } else if (page === "passes") {
    content = await passesPage();
  } else if (page === "users" && isAdmin(account)) {
    content = await usersPage();
  } else {
    const spaces = spacesPage(isAdmin(account));
    await spaces.load();
    content = spaces.element;
  }
  // Pages load one after another as the address changes (a sign-in lands on #/admin while the host already opens a
  // heatmap): a page that finishes loading after the address moved on must not replace the one now asked for.
  if (location.hash === hash) {
    container.replaceChildren(nav, content);
  }
}
