export * from './types.js';
export * from './dates.js';
export * from './percentile.js';
export * from './supplier-metrics.js';
export * from './score.js';
