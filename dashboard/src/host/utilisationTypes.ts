// Shapes of GET api/spaces/{id}/utilisation (mirror Occupancy.Server.Models.Utilisation).

export interface HourCell {
  hour: number;
  /** Occupied over open seconds (0–1); null when the space was never open in that hour of the range. */
  utilisation: number | null;
  occupiedSeconds: number;
  openSeconds: number;
}

export interface DeskUtilisation {
  id: string;
  label: string;
  floorId: string;
  zone: string;
  utilisation: number | null;
  occupiedSeconds: number;
  openSeconds: number;
  hours: HourCell[];
}

export interface WeekdayUtilisation {
  day: string;
  hours: HourCell[];
}

export interface GroupUtilisation {
  id: string;
  name: string;
  desks: number;
  utilisation: number | null;
  occupiedSeconds: number;
  openSeconds: number;
}

export interface PeakOccupancy {
  desks: number;
  at: string;
  intervalMinutes: number;
  deskCount: number;
}

export interface UtilisationReport {
  spaceId: string;
  spaceName: string;
  timeZone: string;
  from: string;
  to: string;
  floorId: string | null;
  aroundTheClock: boolean;
  hours: number[];
  desks: DeskUtilisation[];
  weekdays: WeekdayUtilisation[];
  floors: GroupUtilisation[];
  zones: GroupUtilisation[];
  peak: PeakOccupancy | null;
  rarelyUsedBelow: number;
  neverUsed: string[];
  rarelyUsed: string[];
}
