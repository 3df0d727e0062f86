// The dashboard: the member view (every space's free desks, one floor plan live), the sign-in page and the
// admin area, chosen by the URL hash.
import { accessLogged, accessStatusChanged } from "./accessEvents";
import { currentAccount, isStaff, signOut, type Account } from "./account";
import { renderAdmin } from "./admin/adminView";
import { getFloorPlan, getSpaces, type FloorPlan } from "./api";
import { h } from "./dom";
import { FloorPlanView } from "./floorPlan";
import { DashboardHub, type ConnectionStatus } from "./hub";
import { MemberPage } from "./memberPage";
import { NetworkView } from "./network";
import { parseRoute, viewOf, type Route } from "./route";
import { renderSignIn } from "./signInView";

const statusText: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline, retrying",
};

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) {
    throw new Error(`The page has no #${id}.`);
  }
  return found;
}

const status = element("status");
const accountBar = element("account");
const memberView = element("member-view");
const signInView = element("sign-in-view");
const adminView = element("admin-view");
const meView = element("me-view");
let account: Account | undefined;
const message = element("message");
const floorName = element("floor-name");
const network = new NetworkView(element("spaces"), element("floors"), element("space-name"));
const floorPlan = new FloorPlanView(element("plan"), element("free-count"));
const memberPage = new MemberPage(meView, (spaceId) => network.find(spaceId)?.name ?? spaceId);

// Events that arrive while a Watch… call is in flight are replayed on top of its snapshot:
// the snapshot may be older than an event that overtook the call's result.
let watchesInFlight = 0;
let deferred: Array<() => void> = [];
let selection: Required<Route> | undefined;
let selectionToken = 0;

function whenSettled(apply: () => void): void {
  if (watchesInFlight > 0) {
    deferred.push(apply);
  } else {
    apply();
  }
}

async function watch<T>(call: () => Promise<T>, applySnapshot: (snapshot: T) => void): Promise<void> {
  watchesInFlight++;
  try {
    applySnapshot(await call());
  } finally {
    watchesInFlight--;
    if (watchesInFlight === 0) {
      const replay = deferred;
      deferred = [];
      replay.forEach((apply) => apply());
    }
  }
}

const hub = new DashboardHub({
  deskStatesChanged: (changes) => whenSettled(() => floorPlan.apply(changes)),
  spaceCountsChanged: (summary) =>
    whenSettled(() => {
      network.update(summary);
      render();
    }),
  accessLogged,
  accessStatusChanged,
  status: (state) => {
    status.dataset.state = state;
    status.textContent = statusText[state];
  },
  connected: async () => {
    try {
      await watch(() => hub.watchNetwork(), (spaces) => network.load(spaces));
      render();
      await showSelection();
    } catch (error) {
      showMessage(error);
    }
  },
});

/** The route's space and floor, or the first ones when the route names none (or an unknown one). */
function resolve(route: Route): Required<Route> | undefined {
  const space = network.find(route.spaceId) ?? network.all[0];
  if (!space) {
    return undefined;
  }
  const floor = space.floors.find((f) => f.id === route.floorId) ?? space.floors[0];
  return floor ? { spaceId: space.id, floorId: floor.id } : undefined;
}

function render(): void {
  network.render(selection?.spaceId, selection?.floorId);
}

async function showSelection(): Promise<void> {
  if (viewOf(location.hash) !== "member") {
    return;
  }
  selection = resolve(parseRoute(location.hash));
  render();
  if (!selection) {
    showMessage(new Error("There is no floor to show yet."));
    return;
  }

  const { spaceId, floorId } = selection;
  const token = ++selectionToken;
  const showPlan = (plan: FloorPlan) => {
    // A later selection wins over a slow answer for an earlier one.
    if (token === selectionToken) {
      floorName.textContent = plan.name;
      floorPlan.show(plan);
      message.hidden = true;
    }
  };

  try {
    if (hub.isConnected) {
      await watch(() => hub.watchFloor(spaceId, floorId), showPlan);
    } else {
      // Not live yet: show the plan now; the connection's first WatchFloor replaces it.
      showPlan(await getFloorPlan(spaceId, floorId));
    }
  } catch (error) {
    showMessage(error);
  }
}

function showMessage(error: unknown): void {
  message.textContent = error instanceof Error ? error.message : String(error);
  message.hidden = false;
}

function renderAccountBar(): void {
  if (!account) {
    accountBar.replaceChildren(h("a", { href: "#/sign-in", class: "account-link", text: "Sign in" }));
    return;
  }
  const out = h("button", { type: "button", class: "account-link", text: "Sign out" });
  out.addEventListener("click", () => void signOutAndRestart());
  const links: Node[] = [h("span", { class: "account-name", text: account.displayName || account.email })];
  if (isStaff(account)) {
    links.push(h("a", { href: "#/admin", class: "account-link", text: "Admin" }));
  }
  if (account.roles.includes("member")) {
    links.push(h("a", { href: "#/me", class: "account-link", text: "My pass" }));
  }
  links.push(h("a", { href: "#/", class: "account-link", text: "Floor plans" }), out);
  accountBar.replaceChildren(...links);
}

async function signOutAndRestart(): Promise<void> {
  await signOut();
  account = undefined;
  renderAccountBar();
  location.hash = "#/";
  await hub.restart();
}

async function showView(): Promise<void> {
  const view = viewOf(location.hash);
  memberView.hidden = view !== "member";
  signInView.hidden = view !== "sign-in";
  adminView.hidden = view !== "admin";
  meView.hidden = view !== "me";
  if (view !== "me") {
    memberPage.hide();
  }
  if (view === "sign-in") {
    renderSignIn(signInView, (signedIn) => {
      account = signedIn;
      renderAccountBar();
      location.hash = isStaff(signedIn) ? "#/admin" : "#/";
      void hub.restart();
    });
  } else if (view === "admin") {
    if (!account) {
      location.hash = "#/sign-in";
      return;
    }
    if (!isStaff(account)) {
      adminView.replaceChildren(h("p", { class: "message", role: "alert", text: "The admin area is for hosts and admins." }));
      return;
    }
    adminView.setAttribute("aria-busy", "true");
    const hash = location.hash;
    try {
      await renderAdmin(adminView, hash, account);
    } catch (error) {
      if (location.hash === hash) {
        adminView.replaceChildren(h("p", { class: "message", role: "alert", text: error instanceof Error ? error.message : String(error) }));
      }
    } finally {
      if (location.hash === hash) {
        adminView.removeAttribute("aria-busy");
      }
    }
  } else if (view === "me") {
    if (!account) {
      location.hash = "#/sign-in";
      return;
    }
    await memberPage.show();
  } else {
    await showSelection();
  }
}

async function start(): Promise<void> {
  try {
    account = await currentAccount();
  } catch {
    account = undefined;
  }
  renderAccountBar();
  try {
    network.load(await getSpaces());
    await showView();
  } catch (error) {
    showMessage(error);
  }
  window.addEventListener("hashchange", () => void showView());
  await hub.start();
}

void start();
