import { useEffect, useRef, useState } from 'react';
import './forecast-chart.css';
import './supplier-table.css';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ForecastSeries } from './forecast-series.js';
import { formatNumber } from './format.js';

let canvasSupport: boolean | undefined;

/** uPlot draws on a 2D canvas; DOM emulations used in tests (happy-dom, jsdom) have none. */
function canvasAvailable(): boolean {
  if (canvasSupport === undefined) {
    try {
      canvasSupport = typeof document !== 'undefined' && !!document.createElement('canvas').getContext('2d');
    } catch {
      canvasSupport = false;
    }
  }
  return canvasSupport;
}

function cssVar(el: Element, name: string, fallback: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

/** The band's translucent fill from the accent colour; hex alpha only works on #rrggbb. */
function bandFill(accent: string): string {
  return /^#[0-9a-f]{6}$/i.test(accent) ? `${accent}26` : 'rgba(79, 70, 229, 0.15)';
}

type DayLabel = (offset: number) => string;

function plotOptions(
  el: HTMLElement,
  series: ForecastSeries,
  dayLabel: DayLabel,
  width: number,
): uPlot.Options {
  const accent = cssVar(el, '--agent-accent', '#4f46e5');
  const muted = cssVar(el, '--agent-muted', '#6b7280');
  return {
    width,
    height: 220,
    scales: { x: { time: false } },
    axes: [
      { stroke: muted, values: (_u, splits) => splits.map(dayLabel) },
      { stroke: muted, values: (_u, splits) => splits.map((v) => formatNumber(v, 0)) },
    ],
    series: [
      { label: 'Day', value: (_u, v) => (v === null ? '' : dayLabel(v)) },
      { label: 'Actual', stroke: muted, width: 1.5 },
      { label: 'Forecast', stroke: accent, width: 2, dash: [6, 4] },
      { label: 'Lower', stroke: 'transparent', points: { show: false } },
      { label: 'Upper', stroke: 'transparent', points: { show: false } },
    ],
    // Shade between upper (4) and lower (3): the prediction interval.
    bands: series.hasBand ? [{ series: [4, 3], fill: bandFill(accent) }] : [],
    // ForecastChart draws its own small legend; uPlot's would list the invisible band edges too.
    legend: { show: false },
  };
}

export interface ForecastPlotProps {
  series: ForecastSeries;
  /** Accessible name of the chart (and of the fallback table). */
  label: string;
  dayLabel: DayLabel;
}

/** The chart itself; falls back to a table where there is no canvas or uPlot fails. */
export function ForecastPlot({ series, label, dayLabel }: ForecastPlotProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const useTable = failed || !canvasAvailable();

  useEffect(() => {
    const host = hostRef.current;
    if (useTable || !host) return;
    let plot: uPlot | undefined;
    let observer: ResizeObserver | undefined;
    try {
      const data = [
        series.x,
        series.history,
        series.forecast,
        series.lower,
        series.upper,
      ] as uPlot.AlignedData;
      plot = new uPlot(plotOptions(host, series, dayLabel, host.clientWidth || 480), data, host);
      if (typeof ResizeObserver !== 'undefined') {
        observer = new ResizeObserver(() => plot?.setSize({ width: host.clientWidth || 480, height: 220 }));
        observer.observe(host);
      }
    } catch (error) {
      console.warn('forecast chart unavailable, showing a table', error);
      setFailed(true);
    }
    return () => {
      observer?.disconnect();
      plot?.destroy();
    };
  }, [series, dayLabel, useTable]);

  if (useTable) return <ForecastTable series={series} label={label} dayLabel={dayLabel} />;
  return <div ref={hostRef} className="agent-forecast__plot" role="img" aria-label={label} />;
}

function ForecastTable({ series, label, dayLabel }: ForecastPlotProps) {
  const rows = series.x.flatMap((day, i) => (day > 0 ? [{ day, i }] : []));
  return (
    <div className="agent-table-wrap agent-forecast__fallback">
      <table className="agent-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col" data-numeric>
              Forecast
            </th>
            {series.hasBand ? (
              <th scope="col" data-numeric>
                Range
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ day, i }) => (
            <tr key={day}>
              <td>{dayLabel(day)}</td>
              <td data-numeric>{formatNumber(series.forecast[i], 1)}</td>
              {series.hasBand ? (
                <td data-numeric>
                  {formatNumber(series.lower[i], 1)} – {formatNumber(series.upper[i], 1)}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
