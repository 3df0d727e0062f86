// The member view: every space's free desks, and one floor plan live.
import { getFloorPlan, getSpaces, type FloorPlan } from "./api";
import { FloorPlanView } from "./floorPlan";
import { DashboardHub, type ConnectionStatus } from "./hub";
import { NetworkView } from "./network";
import { parseRoute, type Route } from "./route";

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
const message = element("message");
const floorName = element("floor-name");
const network = new NetworkView(element("spaces"), element("floors"), element("space-name"));
const floorPlan = new FloorPlanView(element("plan"), element("free-count"));

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

async function start(): Promise<void> {
  try {
    network.load(await getSpaces());
    await showSelection();
  } catch (error) {
    showMessage(error);
  }
  window.addEventListener("hashchange", () => void showSelection());
  await hub.start();
}

void start();
