// Shapes of the admin API (camelCase JSON of Occupancy.Server.Models.Admin and Models).

export interface OpeningHours {
  day: string;
  opens: string;
  closes: string;
}

export interface SpaceSettings {
  id: string;
  name: string;
  timeZone: string;
  openingHours: OpeningHours[];
  configVersion: number;
  edgeOnline: boolean;
  floors: number;
  desks: number;
  doors: number;
}

export interface DeskSettings {
  id: string;
  floorId: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  shape: "rect" | "round";
  zone: string;
  deviceId: string;
}

export interface DoorSettings {
  id: string;
  floorId: string;
  name: string;
  deviceId: string;
  unlockSeconds: number;
  mode: string;
  /** The other door of an in/out pair (anti-passback); the pair names each other with opposite directions. */
  pairedDoorId: string | null;
  direction: "in" | "out" | null;
}

export interface FloorSettings {
  id: string;
  name: string;
  width: number;
  height: number;
  desks: DeskSettings[];
  doors: DoorSettings[];
}

export interface ZoneSettings {
  id: string;
  name: string;
  desks: number;
}

export interface DeviceSettings {
  id: string;
  kind: "desk" | "door";
  provisioned: boolean;
  secretIssuedAt: string | null;
  usedBy: string | null;
}

export interface DeviceCredentials {
  spaceId: string;
  deviceId: string;
  kind: string;
  secret: string;
  issuedAt: string;
}

export interface MemberView {
  id: string;
  name: string;
  email: string | null;
  homeSpaceId: string;
  hasAccount: boolean;
  createdAt: string;
}

export interface PassView {
  id: string;
  memberId: string;
  name: string;
  spaceIds: string[];
  doors: { spaceId: string; doorId: string }[];
  weekdays: string[];
  opens: string | null;
  closes: string | null;
  validFrom: string | null;
  validTo: string | null;
  suspended: boolean;
  revokedAt: string | null;
  version: number;
}

export interface CredentialView {
  id: string;
  memberId: string;
  kind: "card" | "phone-code";
  cardUid: string | null;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  secret: string | null;
}

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  admin: boolean;
  member: boolean;
  hostOf: string[];
}

export const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
