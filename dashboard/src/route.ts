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

export type View = "member" | "sign-in" | "admin" | "me";

/** Which page the hash names: #/sign-in, #/admin/…, #/me (the member's pass page), or the floor plans (anything else). */
export function viewOf(hash: string): View {
  const first = hash.replace(/^#\/?/, "").split("/")[0];
  return first === "sign-in" ? "sign-in" : first === "admin" ? "admin" : first === "me" ? "me" : "member";
}
