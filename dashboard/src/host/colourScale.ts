// A sequential, colour-blind-safe scale (viridis: dark blue → green → yellow, readable in every common colour
// vision deficiency and in greyscale), from 0 to a maximum rounded up to a whole 10 %. Values are also written as
// text, so colour never carries them alone.

const VIRIDIS = ["#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"];

export class ColourScale {
  readonly max: number;

  constructor(values: Iterable<number | null>) {
    let highest = 0;
    for (const value of values) {
      if (value !== null && value > highest) {
        highest = value;
      }
    }
    this.max = Math.min(1, Math.max(0.1, Math.ceil(highest * 10 - 1e-9) / 10));
  }

  colour(value: number): string {
    const position = Math.min(1, Math.max(0, value / this.max)) * (VIRIDIS.length - 1);
    const low = Math.floor(position);
    const high = Math.min(VIRIDIS.length - 1, low + 1);
    return mix(VIRIDIS[low]!, VIRIDIS[high]!, position - low);
  }

  /** Dark text on the light (yellow, green) end, white on the dark end. */
  ink(value: number): string {
    return value / this.max > 0.55 ? "#1d232a" : "#ffffff";
  }

  /** CSS gradient of the whole scale, for the legend. */
  gradient(): string {
    return `linear-gradient(to right, ${VIRIDIS.join(", ")})`;
  }
}

export function percent(value: number | null): string {
  return value === null ? "closed" : `${(value * 100).toFixed(1)}%`;
}

function mix(from: string, to: string, share: number): string {
  const channel = (hex: string, index: number) => parseInt(hex.slice(1 + index * 2, 3 + index * 2), 16);
  const parts = [0, 1, 2].map((i) => Math.round(channel(from, i) + (channel(to, i) - channel(from, i)) * share));
  return `#${parts.map((p) => p.toString(16).padStart(2, "0")).join("")}`;
}
