export * from './fields.js';
export * from './http.js';
export * from './items.js';
export * from './origins.js';
export * from './progress.js';
export * from './protocol.js';
export * from './room-name.js';
export * from './text.js';
