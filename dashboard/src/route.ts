// The selection lives in the URL hash (#/spaces/hq/floors/floor-1), so a wall screen can be pointed at one floor.

export interface Route {
  spaceId?: string;
  floorId?: string;
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter((p) => p.length > 0).map(decodeURIComponent);
  if (parts[0] !== "spaces" || parts.length < 2) {
    return {};
  }
  return { spaceId: parts[1], floorId: parts[2] === "floors" ? parts[3] : undefined };
}

export function floorHref(spaceId: string, floorId: string): string {
  return `#/spaces/${encodeURIComponent(spaceId)}/floors/${encodeURIComponent(floorId)}`;
}

export function spaceHref(spaceId: string): string {
  return `#/spaces/${encodeURIComponent(spaceId)}`;
}
