// The network strip (every space, "N free of M", live) and the floor tabs of the selected space.
import type { SpaceSummary } from "./api";
import { floorHref, spaceHref } from "./route";

export class NetworkView {
  private readonly spaces = new Map<string, SpaceSummary>();

  constructor(
    private readonly strip: HTMLElement,
    private readonly tabs: HTMLElement,
    private readonly spaceName: HTMLElement,
  ) {}

  get all(): SpaceSummary[] {
    return [...this.spaces.values()];
  }

  find(spaceId: string | undefined): SpaceSummary | undefined {
    return spaceId === undefined ? undefined : this.spaces.get(spaceId);
  }

  /** Replaces every space (from GET /api/spaces or WatchNetwork). */
  load(spaces: SpaceSummary[]): void {
    this.spaces.clear();
    for (const space of spaces) {
      this.spaces.set(space.id, space);
    }
  }

  /** Updates one space (SpaceCountsChanged). */
  update(space: SpaceSummary): void {
    this.spaces.set(space.id, space);
  }

  render(selectedSpaceId: string | undefined, selectedFloorId: string | undefined): void {
    this.strip.replaceChildren(
      ...this.all.map((space) => {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.className = "space-link";
        const firstFloor = space.floors[0];
        link.href = firstFloor ? floorHref(space.id, firstFloor.id) : spaceHref(space.id);
        link.dataset.spaceId = space.id;
        if (space.id === selectedSpaceId) {
          link.setAttribute("aria-current", "page");
        }
        link.append(textSpan("space-name", space.name), textSpan("space-free", `${space.freeDesks} free of ${space.totalDesks}`));
        item.append(link);
        return item;
      }),
    );

    const selected = this.find(selectedSpaceId);
    this.spaceName.textContent = selected?.name ?? "";
    this.tabs.replaceChildren(
      ...(selected?.floors ?? []).map((floor) => {
        const tab = document.createElement("a");
        tab.className = "floor-tab";
        tab.href = floorHref(selected!.id, floor.id);
        tab.setAttribute("role", "tab");
        tab.setAttribute("aria-selected", String(floor.id === selectedFloorId));
        tab.dataset.floorId = floor.id;
        tab.append(textSpan("floor-name", floor.name), textSpan("floor-free", `${floor.freeDesks} free`));
        return tab;
      }),
    );
  }
}

function textSpan(className: string, text: string): HTMLSpanElement {
  const span = document.createElement("span");
  span.className = className;
  span.textContent = text;
  return span;
}
