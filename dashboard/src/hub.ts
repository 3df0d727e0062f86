// The dashboard hub: path, method and event names in one place, mirroring the server's
// DashboardHub (methods) and IDashboardClient (events). A server test checks these names.
import {
  HubConnection,
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type IRetryPolicy,
  type RetryContext,
} from "@microsoft/signalr";
import type { AccessLogEntry, SpaceAccessStatus } from "./accessEvents";
import type { DeskStateView, FloorPlan, SpaceSummary } from "./api";

export const DashboardHubPath = "hubs/dashboard";

export const HubMethods = {
  watchNetwork: "WatchNetwork",
  watchFloor: "WatchFloor",
} as const;

export const HubEvents = {
  deskStatesChanged: "DeskStatesChanged",
  spaceCountsChanged: "SpaceCountsChanged",
  /** Hosts and admins only: a space's edge connected or disconnected. */
  edgeStatusChanged: "EdgeStatusChanged",
  /** Hosts and admins only: new entries of a space's access log. */
  accessLogged: "AccessLogged",
  /** Hosts and admins only: a space's lockdown or its edge's access replica changed. */
  accessStatusChanged: "AccessStatusChanged",
} as const;

export interface EdgeStatus {
  spaceId: string;
  online: boolean;
  since: string;
}

export type ConnectionStatus = "connecting" | "live" | "reconnecting" | "offline";

export interface DashboardHubHandlers {
  deskStatesChanged(changes: DeskStateView[]): void;
  spaceCountsChanged(summary: SpaceSummary): void;
  status(status: ConnectionStatus): void;
  edgeStatusChanged?(status: EdgeStatus): void;
  accessLogged?(entries: AccessLogEntry[]): void;
  accessStatusChanged?(status: SpaceAccessStatus): void;
  /** Called after every (re)connection: the server forgot this connection's groups, so watch again. */
  connected(): Promise<void>;
}

/** Wall screens stay up for weeks: keep retrying, backing off to 30 s, never give up. */
const retryDelaysMs = [0, 2_000, 5_000, 10_000];
const maxRetryDelayMs = 30_000;

function retryDelay(previousRetryCount: number): number {
  return retryDelaysMs[previousRetryCount] ?? maxRetryDelayMs;
}

const retryForever: IRetryPolicy = {
  nextRetryDelayInMilliseconds: (context: RetryContext) => retryDelay(context.previousRetryCount),
};

export class DashboardHub {
  private readonly connection: HubConnection;
  private retryTimer: number | undefined;
  private restarting = false;

  constructor(private readonly handlers: DashboardHubHandlers) {
    this.connection = new HubConnectionBuilder()
      .withUrl(new URL(DashboardHubPath, document.baseURI).href)
      .withAutomaticReconnect(retryForever)
      .configureLogging(LogLevel.Warning)
      .build();

    this.connection.on(HubEvents.deskStatesChanged, (changes: DeskStateView[]) => handlers.deskStatesChanged(changes));
    this.connection.on(HubEvents.spaceCountsChanged, (summary: SpaceSummary) => handlers.spaceCountsChanged(summary));
    this.connection.on(HubEvents.edgeStatusChanged, (status: EdgeStatus) => handlers.edgeStatusChanged?.(status));
    this.connection.on(HubEvents.accessLogged, (entries: AccessLogEntry[]) => handlers.accessLogged?.(entries));
    this.connection.on(HubEvents.accessStatusChanged, (status: SpaceAccessStatus) => handlers.accessStatusChanged?.(status));
    this.connection.onreconnecting(() => handlers.status("reconnecting"));
    this.connection.onreconnected(() => void this.afterConnect());
    // Automatic reconnect never gives up, so a close means something stopped it: start over later.
    this.connection.onclose(() => {
      if (this.restarting) {
        return;
      }
      handlers.status("offline");
      this.startLater(maxRetryDelayMs, retryDelaysMs.length);
    });
  }

  get isConnected(): boolean {
    return this.connection.state === HubConnectionState.Connected;
  }

  async start(attempt = 0): Promise<void> {
    this.handlers.status(attempt === 0 ? "connecting" : "reconnecting");
    try {
      await this.connection.start();
    } catch {
      // Automatic reconnect covers only connections that were up once; retry the first one here.
      this.handlers.status("offline");
      this.startLater(retryDelay(attempt + 1), attempt + 1);
      return;
    }
    await this.afterConnect();
  }

  /** Reconnects, so the server sees who is signed in now (host groups are joined on connecting). */
  async restart(): Promise<void> {
    this.restarting = true;
    try {
      await this.connection.stop();
    } finally {
      this.restarting = false;
    }
    await this.start();
  }

  watchNetwork(): Promise<SpaceSummary[]> {
    return this.connection.invoke<SpaceSummary[]>(HubMethods.watchNetwork);
  }

  watchFloor(spaceId: string, floorId: string): Promise<FloorPlan> {
    return this.connection.invoke<FloorPlan>(HubMethods.watchFloor, spaceId, floorId);
  }

  private async afterConnect(): Promise<void> {
    this.handlers.status("live");
    await this.handlers.connected();
  }

  private startLater(delayMs: number, attempt: number): void {
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => void this.start(attempt), delayMs);
  }
}
