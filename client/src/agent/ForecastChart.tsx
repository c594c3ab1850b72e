import { useId, useMemo, useState } from 'react';
import './forecast-chart.css';
import './agent-empty.css';
import { buildForecastSeries, dayLabeller } from './forecast-series.js';
import { ForecastPlot } from './ForecastPlot.js';
import { describeBaseline, formatNumber, formatPercentPoints } from './format.js';
import type { ForecastResultsData } from '../../../shared/progress.js';

/** `forecast_results` for people: pick a SKU, see its forecast, and how much to trust it. */
export function ForecastChart({ results }: { results: ForecastResultsData }) {
  const { forecasts, accuracy, horizon_days: horizonDays, start_date: startDate } = results;
  const [sku, setSku] = useState(() => forecasts[0]?.sku ?? '');
  const selectId = useId();
  const selected = forecasts.find((f) => f.sku === sku) ?? forecasts[0];
  const series = useMemo(() => (selected ? buildForecastSeries(selected) : null), [selected]);
  const dayLabel = useMemo(() => dayLabeller(startDate ?? null), [startDate]);

  if (!selected || !series) return <p className="agent-empty">No forecasts.</p>;
  const horizon = horizonDays;
  const verdict = describeBaseline(accuracy.mase, accuracy.baseline_mase);
  const label = `Forecast for ${selected.name ?? selected.sku} over the next ${horizon} days`;

  return (
    <div className="agent-forecast" data-testid="forecast-chart">
      <div className="agent-forecast__head">
        <label htmlFor={selectId} className="agent-forecast__label">
          SKU
        </label>
        <select
          id={selectId}
          className="agent-forecast__select"
          value={selected.sku}
          onChange={(event) => setSku(event.target.value)}
        >
          {forecasts.map((f) => (
            <option key={f.sku} value={f.sku}>
              {f.name ? `${f.sku} — ${f.name}` : f.sku}
            </option>
          ))}
        </select>
        <span className="agent-forecast__total">
          {formatNumber(selected.total, 0)} units in {horizon} days
        </span>
      </div>
      <ForecastPlot series={series} label={label} dayLabel={dayLabel} />
      <ul className="agent-forecast__legend" aria-hidden="true">
        {series.hasHistory ? <li data-series="actual">Actual</li> : null}
        <li data-series="forecast">Forecast</li>
        {series.hasBand ? <li data-series="band">Likely range</li> : null}
      </ul>
      <p className="agent-forecast__accuracy" data-testid="forecast-accuracy">
        <span>
          MASE <strong>{formatNumber(accuracy.mase, 2)}</strong>
        </span>
        <span>
          sMAPE <strong>{formatPercentPoints(accuracy.smape)}</strong>
        </span>
        <span>
          baseline MASE <strong>{formatNumber(accuracy.baseline_mase, 2)}</strong>
        </span>
        {verdict ? (
          <span className="agent-forecast__verdict">On the holdout, the forecast {verdict}.</span>
        ) : null}
      </p>
    </div>
  );
}
