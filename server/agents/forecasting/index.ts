export * from './hw-init.js';
export * from './hw-smoother.js';
export * from './holt-winters.js';
export * from './hw-forecast.js';
export * from './metrics.js';
export * from './forecast-skus.js';
export * from './forecast-all.js';
export * from './stock.js';
