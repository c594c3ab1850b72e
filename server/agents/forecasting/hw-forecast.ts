import type { HoltWintersModel } from './holt-winters.js';

/** Point forecasts with a prediction interval, one entry per day ahead. */
export interface IntervalForecast {
  mean: number[];
  lower: number[];
  upper: number[];
}

/** z of a two-sided 95 % normal interval. */
export const Z95 = 1.959963984540054;

/**
 * Forecasts `horizon` steps ahead: ŷ_{n+h} = ℓ + (φ + φ² + … + φ^h)·b + s_{n+h}.
 *
 * The interval is ŷ ± z·σ·√v_h with the variance multiplier of the additive
 * damped model in error-correction form (the classic recursions are the same
 * model with α, αβ and γ(1 − α) as its smoothing weights):
 *   v_h = 1 + Σ_{j=1}^{h−1} c_j²,  c_j = α + αβ·(φ + … + φ^j) + γ(1 − α)·[j mod m = 0]
 * So it widens with h only as fast as the fitted model forgets, unlike a flat
 * σ√h, which over-widens a slowly-adapting model. Errors are assumed normal
 * and σ is the in-sample one-step RMSE.
 *
 * Demand cannot be negative: the mean and both bounds are clamped at 0.
 */
export function forecast(model: HoltWintersModel, horizon: number, z: number = Z95): IntervalForecast {
  if (!Number.isInteger(horizon) || horizon < 0) {
    throw new RangeError(`horizon must be a whole number ≥ 0, got ${horizon}`);
  }
  const { alpha, beta, gamma, phi } = model.params;
  const m = model.period;
  const mean: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  let phiSum = 0; // φ + … + φ^h for the point forecast
  let variance = 1; // v_h, accumulated one c_{h−1}² at a time
  for (let h = 1; h <= horizon; h++) {
    if (h > 1) {
      const j = h - 1;
      const c = alpha + alpha * beta * phiSum + (j % m === 0 ? gamma * (1 - alpha) : 0);
      variance += c * c;
    }
    phiSum += phi ** h;
    const point = model.level + phiSum * model.trend + (model.seasonal[(h - 1) % m] as number);
    const half = z * model.sigma * Math.sqrt(variance);
    mean.push(Math.max(0, point));
    lower.push(Math.max(0, point - half));
    upper.push(Math.max(0, point + half));
  }
  return { mean, lower, upper };
}
