export * from './refs.js';
export * from './selector.js';
export * from './writes.js';
export * from './bulk-entries.js';
export * from './questions.js';
export * from './supplier.js';
export * from './forecast.js';
export * from './plan.js';
