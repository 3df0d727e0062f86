// The server's REST API and message shapes (camelCase JSON of Occupancy.Server.Models).

export type DeskState = "free" | "occupied" | "unknown";

export interface FloorSummary {
  id: string;
  name: string;
  freeDesks: number;
  occupiedDesks: number;
  unknownDesks: number;
  totalDesks: number;
}

export interface SpaceSummary {
  id: string;
  name: string;
  timeZone: string;
  freeDesks: number;
  occupiedDesks: number;
  unknownDesks: number;
  totalDesks: number;
  floors: FloorSummary[];
}

export interface DeskView {
  id: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  shape: "rect" | "round";
  zone: string;
  state: DeskState;
}

export interface DeskCounts {
  free: number;
  occupied: number;
  unknown: number;
  total: number;
}

export interface FloorPlan {
  id: string;
  spaceId: string;
  name: string;
  width: number;
  height: number;
  desks: DeskView[];
  counts: DeskCounts;
}

/** A desk's new state, pushed to connections watching its floor. */
export interface DeskStateView {
  spaceId: string;
  floorId: string;
  id: string;
  state: DeskState;
}

export function getSpaces(): Promise<SpaceSummary[]> {
  return getJson<SpaceSummary[]>("api/spaces");
}

export function getFloorPlan(spaceId: string, floorId: string): Promise<FloorPlan> {
  return getJson<FloorPlan>(`api/spaces/${encodeURIComponent(spaceId)}/floors/${encodeURIComponent(floorId)}`);
}

async function getJson<T>(path: string): Promise<T> {
  // Relative to the page, so the dashboard also works when the server is hosted under a path.
  const response = await fetch(new URL(path, document.baseURI), { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = (await response.json()) as { detail?: string; title?: string };
      detail = problem.detail ?? problem.title ?? detail;
    } catch {
      // Not a problem-details body: keep the status line.
    }
    throw new Error(detail);
  }
  return (await response.json()) as T;
}
