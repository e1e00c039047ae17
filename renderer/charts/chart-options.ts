import type { ChartOptions } from 'chart.js';
import type { ChartColors } from './chart-theme.svelte';

/** Options every explorer chart shares: no animation, theme colours, small ticks, a linear x axis in `xTitle`. */
export function baseOptions(colors: ChartColors, axes: { xTitle: string; yTitle: string; yMax?: number; xMin?: number; xMax?: number; yWhole?: boolean }): ChartOptions<'line' | 'bar'> {
  const font = { family: colors.font, size: 10.5 };
  const tick = { color: colors.mutedText, font, maxTicksLimit: 6 };
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    normalized: true,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    plugins: {
      legend: { display: false },
      tooltip: { animation: false, displayColors: false, titleFont: font, bodyFont: font },
    },
    scales: {
      x: {
        type: 'linear',
        min: axes.xMin ?? 0,
        max: axes.xMax,
        grid: { color: colors.grid },
        border: { display: false },
        ticks: tick,
        title: { display: true, text: axes.xTitle, color: colors.mutedText, font },
      },
      y: {
        beginAtZero: true,
        max: axes.yMax,
        grid: { color: colors.grid },
        border: { display: false },
        ticks: axes.yWhole === true ? { ...tick, precision: 0 } : tick,
        title: { display: true, text: axes.yTitle, color: colors.mutedText, font },
      },
    },
  };
}
