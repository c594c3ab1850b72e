/**
 * The room document (DOC-1…DOC-6, docs/PROTOCOL.md):
 *   doc.getMap('items'): item id -> Y.Map { id, type, name, subtitle, data: Y.Map }
 * The functions of shared/items/ are the only ones that write it: schema.ts
 * (shapes), read.ts (readers), add-remove.ts and update.ts (writers), with
 * prepare.ts checking every input before a write. Each validates its
 * whole input first, then writes in ONE transaction tagged with a typed
 * origin, stamping data.updated_by / data.updated_at on every item it touches.
 */
export * from './items/schema.js';
export * from './items/read.js';
export * from './items/add-remove.js';
export * from './items/update.js';
