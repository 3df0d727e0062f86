// The member's page (#/me): the rotating door code as a QR code and digits, their passes, who's in at their
// spaces today (with their own opt-in), and a download of everything the system holds about them.
import { announce, h } from "./dom";
import { ApiError } from "./http";
import {
  checkIn,
  getExport,
  getPasses,
  getPhoneCodes,
  getProfile,
  getWhosIn,
  saveProfile,
  type MemberPass,
  type MemberProfile,
  type PhoneCode,
  type WhosIn,
} from "./me";
import { qrSvg } from "./qr";

const weekdayOrder = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

export class MemberPage {
  private codeTimer: number | undefined;
  private tickTimer: number | undefined;
  private active = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly spaceName: (spaceId: string) => string,
  ) {}

  async show(): Promise<void> {
    this.hide();
    this.active = true;
    let profile: MemberProfile;
    try {
      profile = await getProfile();
    } catch (error) {
      const text = error instanceof ApiError && error.status === 404 ? error.message : describe(error);
      this.root.replaceChildren(h("p", { class: "message", role: "alert", text }));
      return;
    }

    const codes = h("section", { class: "card me-codes", "aria-labelledby": "me-codes-title" },
      h("h2", { id: "me-codes-title", class: "card-title", text: "Door code" }));
    const passes = h("section", { class: "card", "aria-labelledby": "me-passes-title" },
      h("h2", { id: "me-passes-title", class: "card-title", text: "Your passes" }));
    const whosIn = h("section", { class: "card", "aria-labelledby": "me-whos-in-title" },
      h("h2", { id: "me-whos-in-title", class: "card-title", text: "Who's in today" }));
    const data = h("section", { class: "card", "aria-labelledby": "me-data-title" },
      h("h2", { id: "me-data-title", class: "card-title", text: "Your data" }));
    this.root.replaceChildren(
      h("h1", { class: "page-title", text: `Hello, ${profile.name}` }),
      h("div", { class: "me-grid" }, codes, h("div", { class: "me-side" }, passes, whosIn, data)),
    );

    this.showData(data);
    await Promise.all([this.showCodes(codes), this.showPasses(passes), this.showWhosIn(whosIn, profile)]);
  }

  /** Stops refreshing codes: the page is left (its codes must not keep being fetched in the background). */
  hide(): void {
    this.active = false;
    window.clearTimeout(this.codeTimer);
    window.clearInterval(this.tickTimer);
  }

  private async showCodes(section: HTMLElement): Promise<void> {
    const body = h("div", { class: "me-code-list" });
    const status = h("p", { class: "form-summary", role: "status", hidden: true });
    section.append(body, status);

    const render = (codes: PhoneCode[], useNext: boolean) => {
      if (codes.length === 0) {
        body.replaceChildren(h("p", { class: "muted", text: "You have no phone credential yet: ask your host for one." }));
        return;
      }
      body.replaceChildren(...codes.map((code) => codeCard(code, useNext)));
    };

    const refresh = async (): Promise<void> => {
      if (!this.active) {
        return;
      }
      try {
        const codes = await getPhoneCodes();
        announce(status, "");
        render(codes, false);
        this.startCountdown(section, codes[0]);
        // Fetch again when the step ends, by the server's clock: the page's own clock may be off.
        const first = codes[0];
        const wait = first ? Math.max(first.stepEndsAtMs - first.serverTimeMs, 0) + 50 : 30_000;
        window.clearTimeout(this.codeTimer);
        this.codeTimer = window.setTimeout(() => void refresh(), wait);
        this.nextCodes = codes;
      } catch (error) {
        // Offline at the door: the next step's code was fetched with the last one, show it and try again soon.
        if (this.nextCodes.length > 0) {
          render(this.nextCodes, true);
          this.nextCodes = [];
        }
        announce(status, `Could not refresh the code: ${describe(error)}`, "error");
        window.clearTimeout(this.codeTimer);
        this.codeTimer = window.setTimeout(() => void refresh(), 5_000);
      }
    };
    await refresh();
  }

  private nextCodes: PhoneCode[] = [];

  private startCountdown(section: HTMLElement, code: PhoneCode | undefined): void {
    window.clearInterval(this.tickTimer);
    if (!code) {
      return;
    }
    const offset = code.serverTimeMs - Date.now();
    const tick = () => {
      const left = Math.max(0, Math.ceil((code.stepEndsAtMs - (Date.now() + offset)) / 1000));
      section.querySelectorAll<HTMLElement>(".code-countdown").forEach((element) => {
        element.textContent = `New code in ${left} s`;
      });
      section.querySelectorAll<HTMLElement>(".code-progress").forEach((element) => {
        element.style.width = `${(left / code.stepSeconds) * 100}%`;
      });
    };
    tick();
    this.tickTimer = window.setInterval(tick, 1_000);
  }

  private async showPasses(section: HTMLElement): Promise<void> {
    try {
      const passes = await getPasses();
      section.append(
        passes.length === 0
          ? h("p", { class: "muted", text: "No pass yet." })
          : h("ul", { class: "pass-list" }, ...passes.map((pass) => this.passItem(pass))),
      );
    } catch (error) {
      section.append(h("p", { class: "message", role: "alert", text: describe(error) }));
    }
  }

  private passItem(pass: MemberPass): HTMLElement {
    const state = pass.revokedAt ? "revoked" : pass.suspended ? "suspended" : "active";
    const days = pass.weekdays.length === 7 ? "Every day"
      : weekdayOrder.filter((d) => pass.weekdays.includes(d)).map((d) => d.slice(0, 1).toUpperCase() + d.slice(1, 3)).join(", ");
    const hours = pass.opens && pass.closes ? `${pass.opens}–${pass.closes}` : "all day";
    const validity = pass.validFrom || pass.validTo ? `valid ${pass.validFrom ?? "…"} to ${pass.validTo ?? "…"}` : "no end date";
    return h("li", { class: "pass", "data-state": state },
      h("div", { class: "pass-head" },
        h("strong", { text: pass.name || "Pass" }),
        h("span", { class: `badge badge-${state}`, text: state })),
      h("p", { class: "muted", text: pass.spaceIds.map((id) => this.spaceName(id)).join(" · ") }),
      h("p", { class: "muted", text: `${days}, ${hours}; ${validity}` }));
  }

  private async showWhosIn(section: HTMLElement, profile: MemberProfile): Promise<void> {
    const optIn = h("input", { type: "checkbox", id: "whos-in-opt-in", checked: profile.showInWhosIn });
    const headline = h("input", {
      type: "text", id: "whos-in-headline", maxlength: 160, value: profile.headline ?? "", placeholder: "e.g. Product designer, happy to talk typography",
    });
    const save = h("button", { type: "submit", class: "button small", text: "Save" });
    const saved = h("p", { class: "form-summary", role: "status", hidden: true });
    const form = h("form", { class: "whos-in-form" },
      h("div", { class: "field-checkbox" }, optIn, h("label", { for: "whos-in-opt-in", text: "Show me to other members of a space on days I'm in" })),
      h("div", { class: "field" }, h("label", { for: "whos-in-headline", text: "A line about what you do" }), headline),
      h("div", { class: "form-buttons" }, save), saved);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void (async () => {
        try {
          await saveProfile(optIn.checked, headline.value);
          announce(saved, optIn.checked ? "Saved: you are shown on days you're in." : "Saved: you are not shown.");
          await Promise.all(lists.map((refresh) => refresh()));
        } catch (error) {
          announce(saved, describe(error), "error");
        }
      })();
    });

    const lists: Array<() => Promise<void>> = [];
    const spaces = h("div", { class: "whos-in-spaces" });
    for (const spaceId of profile.spaceIds) {
      const block = h("div", { class: "whos-in", "data-space-id": spaceId });
      spaces.append(block);
      const render = (view: WhosIn) => {
        const toggle = h("button", {
          type: "button", class: view.youAreIn ? "button small" : "button small primary",
          "aria-pressed": String(view.youAreIn), text: view.youAreIn ? "I'm not here after all" : "I'm here today",
        });
        toggle.addEventListener("click", () => void checkIn(spaceId, !view.youAreIn).then(render, (error) => announce(saved, describe(error), "error")));
        block.replaceChildren(
          h("div", { class: "whos-in-head" }, h("h3", { text: this.spaceName(spaceId) }), toggle),
          view.members.length === 0
            ? h("p", { class: "muted", text: "Nobody who shares it is in yet today." })
            : h("ul", { class: "people", "aria-label": `Who's in at ${this.spaceName(spaceId)}` },
                ...view.members.map((m) => h("li", { class: "person" }, h("strong", { text: m.name }), m.headline ? h("span", { class: "muted", text: m.headline }) : null))));
      };
      const refresh = async () => {
        try {
          render(await getWhosIn(spaceId));
        } catch (error) {
          block.replaceChildren(h("p", { class: "message", role: "alert", text: describe(error) }));
        }
      };
      lists.push(refresh);
    }
    section.append(
      h("p", { class: "muted", text: "Coworking is about meeting people. Only members who choose to are listed, only to members of the same space, only on days they're in." }),
      form, spaces);
    await Promise.all(lists.map((refresh) => refresh()));
  }

  private showData(section: HTMLElement): void {
    const download = h("button", { type: "button", class: "button small", text: "Download my data (JSON)" });
    const status = h("p", { class: "form-summary", role: "status", hidden: true });
    download.addEventListener("click", () => void (async () => {
      try {
        const data = await getExport();
        const link = h("a", {
          href: URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" })),
          download: "occupancy-my-data.json",
        });
        link.click();
        URL.revokeObjectURL(link.href);
      } catch (error) {
        announce(status, describe(error), "error");
      }
    })());
    section.append(
      h("p", { class: "muted", text: "Everything the system holds about you: account, passes, credentials and check-ins. Desk sensors never know who sits where." }),
      h("div", { class: "form-buttons" }, download), status);
  }
}

function codeCard(code: PhoneCode, useNext: boolean): HTMLElement {
  const presented = useNext ? code.nextPresented : code.presented;
  const digits = presented.slice(presented.lastIndexOf(".") + 1);
  return h("figure", { class: "code-card", "data-testid": "phone-code", "data-presented": presented },
    qrSvg(presented, `Door code for ${code.label || "your phone"}: hold it to the reader`),
    h("figcaption", {},
      h("p", { class: "code-digits", "data-testid": "code-digits", "aria-label": `Code ${digits.split("").join(" ")}`, text: `${digits.slice(0, 4)} ${digits.slice(4)}` }),
      h("p", { class: "muted", text: code.label || "Phone" }),
      h("div", { class: "code-bar", "aria-hidden": "true" }, h("div", { class: "code-progress" })),
      h("p", { class: "code-countdown muted", "aria-live": "off" })));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
