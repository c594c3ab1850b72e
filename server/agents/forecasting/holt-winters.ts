import { initialState } from './hw-init.js';
import { smooth, type HoltWintersParams } from './hw-smoother.js';

/** Weekly seasonality of a daily series. */
export const DEFAULT_PERIOD = 7;

/**
 * The grid searched for each parameter not fixed by the caller: 7·3·4·3 = 252
 * fits per series. Coarse on purpose: SSE is flat near its minimum, and a
 * finer grid (or an optimiser) costs time for gains inside the noise. Small
 * β and γ come first so that, on exact ties, the steadier model wins.
 */
const HW_GRID: Readonly<Record<keyof HoltWintersParams, readonly number[]>> = {
  alpha: [0.01, 0.03, 0.07, 0.15, 0.3, 0.5, 0.8],
  beta: [0.01, 0.05, 0.15],
  gamma: [0.01, 0.05, 0.15, 0.3],
  phi: [0.98, 0.9, 0.8],
};

export interface HoltWintersOptions extends Partial<HoltWintersParams> {
  /** Season length in points; default 7. */
  period?: number;
}

export interface HoltWintersModel {
  period: number;
  params: HoltWintersParams;
  /** State at the end of the series. */
  level: number;
  trend: number;
  /** seasonal[j] applies j + 1 steps after the last observation (cyclically). */
  seasonal: number[];
  /** Root mean squared one-step error after the first season: the σ of the intervals. */
  sigma: number;
  /** Points the model was fitted on. */
  n: number;
}

const candidates = (fixed: number | undefined, grid: readonly number[]): readonly number[] =>
  fixed === undefined ? grid : [fixed];

/**
 * Fits additive damped Holt-Winters: every parameter given in `options` is
 * kept, the others are chosen from HW_GRID by the least one-step-ahead SSE on
 * `series` itself. Needs at least two full seasons: with one, the seasonal
 * start values would be that very season and nothing would be left to fit.
 */
export function fitHoltWinters(
  series: readonly number[],
  options: HoltWintersOptions = {},
): HoltWintersModel {
  const m = options.period ?? DEFAULT_PERIOD;
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`period must be a positive integer, got ${m}`);
  if (series.length < 2 * m) {
    throw new RangeError(`Holt-Winters needs at least ${2 * m} points (two seasons), got ${series.length}`);
  }
  if (!series.every(Number.isFinite)) throw new RangeError('series contains a non-finite value');

  const init = initialState(series, m);
  let best: { params: HoltWintersParams; sse: number } | null = null;
  for (const alpha of candidates(options.alpha, HW_GRID.alpha)) {
    for (const beta of candidates(options.beta, HW_GRID.beta)) {
      for (const gamma of candidates(options.gamma, HW_GRID.gamma)) {
        for (const phi of candidates(options.phi, HW_GRID.phi)) {
          const params = { alpha, beta, gamma, phi };
          const { sse } = smooth(series, m, params, init, m);
          if (best === null || sse < best.sse) best = { params, sse };
        }
      }
    }
  }
  const params = (best as { params: HoltWintersParams }).params;
  const { state, sse, count } = smooth(series, m, params, init, m);

  const n = series.length;
  const seasonal = Array.from({ length: m }, (_, j) => state.seasonal[(n + j) % m] as number);
  return {
    period: m,
    params,
    level: state.level,
    trend: state.trend,
    seasonal,
    sigma: Math.sqrt(sse / count),
    n,
  };
}
