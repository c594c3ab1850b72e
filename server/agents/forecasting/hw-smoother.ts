import type { HwState } from './hw-init.js';

/** Smoothing parameters of additive Holt-Winters with a damped trend. */
export interface HoltWintersParams {
  /** Level smoothing, 0 < α ≤ 1. */
  alpha: number;
  /** Trend smoothing, 0 ≤ β ≤ 1 (of the level change, classic form). */
  beta: number;
  /** Seasonal smoothing, 0 ≤ γ ≤ 1. */
  gamma: number;
  /** Trend damping, 0 < φ ≤ 1; φ = 1 is the undamped (linear) trend. */
  phi: number;
}

/**
 * Runs the classic additive damped Holt-Winters recursions over `series` from
 * `init` (which it does not modify), with s = the seasonal of t − m:
 *   ŷ_t = ℓ + φb + s                          (one-step-ahead forecast)
 *   ℓ'  = α(y_t − s) + (1 − α)(ℓ + φb)
 *   b'  = β(ℓ' − ℓ) + (1 − β)φb
 *   s'  = γ(y_t − ℓ') + (1 − γ)s
 * Returns the final state and the sum of squared one-step errors, skipping the
 * first `burnIn` steps: the initial state was estimated from those points, so
 * their errors are optimistic and say little about the parameters.
 * Written as a flat loop over a typed array because the grid search calls it
 * a few hundred times per series.
 */
export function smooth(
  series: readonly number[],
  m: number,
  p: HoltWintersParams,
  init: HwState,
  burnIn: number,
): { state: HwState; sse: number; count: number } {
  const { alpha, beta, gamma, phi } = p;
  const seasonal = Float64Array.from(init.seasonal);
  let level = init.level;
  let trend = init.trend;
  let sse = 0;
  let count = 0;
  for (let t = 0; t < series.length; t++) {
    const y = series[t] as number;
    const slot = t % m;
    const s = seasonal[slot] as number;
    const damped = phi * trend;
    const error = y - (level + damped + s);
    if (t >= burnIn) {
      sse += error * error;
      count += 1;
    }
    const nextLevel = alpha * (y - s) + (1 - alpha) * (level + damped);
    trend = beta * (nextLevel - level) + (1 - beta) * damped;
    seasonal[slot] = gamma * (y - nextLevel) + (1 - gamma) * s;
    level = nextLevel;
  }
  return { state: { level, trend, seasonal }, sse, count };
}
