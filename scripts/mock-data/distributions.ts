/** The non-uniform draws of the demand model, each consuming `rng.next()` in a fixed order. */
import type { Random } from '../lib/random.js';

/** Standard normal (Box–Muller); draws two numbers. */
export function normal(rng: Random): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/** Marsaglia–Tsang, shape ≥ 1, scale 1. */
function gamma(rng: Random, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(rng);
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(1 - rng.next()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Knuth for small means, a rounded normal above (where the two barely differ). */
export function poisson(rng: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

/** Gamma–Poisson mixture: counts more dispersed than Poisson, as real sales are. */
export function negBinomial(rng: Random, mean: number, shape: number): number {
  return poisson(rng, (mean * gamma(rng, shape)) / shape);
}
