export * from './csv.js';
export * from './schemas.js';
export * from './mock-data.js';
export * from './inventory-items.js';
