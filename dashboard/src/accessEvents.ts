// Access-control pushes for hosts (new access log entries, lockdown and edge replica status), handed from the one
// hub connection to whichever page shows them. Wire shapes mirror the server's AccessLogView and SpaceAccessStatus.

export interface AccessLogEntry {
  id: number;
  spaceId: string;
  doorId: string;
  kind: "decision" | "alarm" | "alarm-cleared";
  granted: boolean;
  reason: string;
  memberId: string | null;
  memberName: string | null;
  at: string;
}

export interface SpaceAccessStatus {
  spaceId: string;
  lockdown: boolean;
  serverVersion: number;
  edgeOnline: boolean;
  edgeReplicaVersion: number | null;
  edgeReplicaSyncedAt: string | null;
}

export interface AccessListener {
  logged(entries: AccessLogEntry[]): void;
  status(status: SpaceAccessStatus): void;
}

const listeners = new Set<AccessListener>();

/** Registers a page's listener; returns how to remove it. */
export function listenToAccess(listener: AccessListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function accessLogged(entries: AccessLogEntry[]): void {
  listeners.forEach((l) => l.logged(entries));
}

export function accessStatusChanged(status: SpaceAccessStatus): void {
  listeners.forEach((l) => l.status(status));
}
