// The signed-in member's own data, mirroring Occupancy.Server.Models.Me.
import { api } from "./http";

export interface MemberProfile {
  id: string;
  name: string;
  email: string | null;
  homeSpaceId: string;
  showInWhosIn: boolean;
  headline: string | null;
  spaceIds: string[];
}

export interface PhoneCode {
  credentialId: string;
  label: string;
  presented: string;
  code: string;
  stepStartsAtMs: number;
  stepEndsAtMs: number;
  nextPresented: string;
  serverTimeMs: number;
  stepSeconds: number;
}

export interface MemberPass {
  id: string;
  name: string;
  spaceIds: string[];
  weekdays: string[];
  opens: string | null;
  closes: string | null;
  validFrom: string | null;
  validTo: string | null;
  suspended: boolean;
  revokedAt: string | null;
}

export interface WhosIn {
  spaceId: string;
  day: string;
  youAreIn: boolean;
  members: Array<{ name: string; headline: string | null }>;
}

export const getProfile = () => api<MemberProfile>("GET", "api/me");
export const saveProfile = (showInWhosIn: boolean, headline: string) => api<MemberProfile>("PUT", "api/me", { showInWhosIn, headline });
export const getPasses = () => api<MemberPass[]>("GET", "api/me/passes");
export const getPhoneCodes = () => api<PhoneCode[]>("GET", "api/me/phone-codes");
export const getExport = () => api<unknown>("GET", "api/me/export");
export const getWhosIn = (spaceId: string) => api<WhosIn>("GET", `api/spaces/${encodeURIComponent(spaceId)}/whos-in`);
export const checkIn = (spaceId: string, here: boolean) =>
  api<WhosIn>(here ? "PUT" : "DELETE", `api/spaces/${encodeURIComponent(spaceId)}/check-in`);
