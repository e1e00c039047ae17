/** The colours and font charts draw with, read from the theme's CSS custom properties. */
export interface ChartColors {
  text: string;
  mutedText: string;
  grid: string;
  series: [string, string, string, string];
  danger: string;
  orphan: string;
  surface: string;
  font: string;
}

const FALLBACK: ChartColors = {
  text: '#171b24',
  mutedText: '#778095',
  grid: 'rgba(23,27,36,0.07)',
  series: ['#3d5fd9', '#14a37f', '#e0851b', '#c0429a'],
  danger: '#c9372c',
  orphan: '#8a44d6',
  surface: '#ffffff',
  font: 'system-ui, sans-serif',
};

function read(): ChartColors {
  if (typeof document === 'undefined') return FALLBACK;
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text-2', FALLBACK.text),
    mutedText: v('--text-3', FALLBACK.mutedText),
    grid: v('--chart-grid', FALLBACK.grid),
    series: [v('--chart-1', FALLBACK.series[0]), v('--chart-2', FALLBACK.series[1]), v('--chart-3', FALLBACK.series[2]), v('--chart-4', FALLBACK.series[3])],
    danger: v('--danger', FALLBACK.danger),
    orphan: v('--orphan', FALLBACK.orphan),
    surface: v('--surface', FALLBACK.surface),
    font: v('--font-sans', FALLBACK.font),
  };
}

/** Chart colours that follow the OS colour scheme while the app runs. */
class ChartTheme {
  #colors = $state.raw<ChartColors>(FALLBACK);
  #read = false;

  constructor() {
    if (typeof window === 'undefined') return;
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => (this.#colors = read()));
  }

  // Read lazily (not at module load) so that the theme's style sheets have been applied by then.
  get colors(): ChartColors {
    return this.#read ? this.#colors : read();
  }

  /** Reads the colours now; call once the page's styles are in (the app does it on mount). */
  refresh(): void {
    this.#colors = read();
    this.#read = true;
  }
}

/** The one chart theme of the page. */
export const chartTheme = new ChartTheme();

/** `#3d5fd9` as `rgba(61, 95, 217, alpha)`, for fills under lines; other colour forms are returned as they are. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (hex === null) return color;
  const n = Number.parseInt(hex[1]!, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
