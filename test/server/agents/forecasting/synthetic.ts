/** Seeded test series: the same seed always gives the same numbers, on every machine. */

/** xorshift32: tiny, deterministic, good enough to make noise. Returns [0, 1). */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

/** Standard normal draws by Box-Muller. */
export function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export const WEEK = [-6, -3, 0, 2, 5, 9, -7] as const;

/**
 * Daily demand with a level of 40, a trend of `slope` per day, the weekly
 * shape WEEK and normal noise of sd `noise`, rounded and floored at 0 like
 * real unit sales.
 */
export function demandSeries(seed: number, days: number, slope = 0.03, noise = 3): number[] {
  const z = gaussian(rng(seed));
  return Array.from({ length: days }, (_, t) =>
    Math.max(0, Math.round(40 + slope * t + (WEEK[t % 7] as number) + noise * z())),
  );
}
