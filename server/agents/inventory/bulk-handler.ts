import { RequestError } from '../errors.js';
import type { Handler } from '../handler.js';

/**
 * add_multiple / remove_multiple / update_multiple: every entry in ONE Yjs
 * transaction. The document functions validate the whole list before the
 * first write, so one bad entry ends in `error` with nothing changed.
 */
export const bulkHandler: Handler<'bulk'> = async (intent, run) => {
  if (intent.items.length === 0)
    throw new RequestError(`${intent.operation} needs at least one item in context.items`);
  const n = intent.items.length;
  run.status(`${intent.operation} on ${n} items`);
  switch (intent.operation) {
    case 'add_multiple': {
      run.emit('item_creation', `Adding ${n} items in one transaction`, { count: n });
      const ids = run.addItems(intent.items);
      return {
        message: `Added ${ids.length} items`,
        data: { operation: intent.operation, count: ids.length, itemIds: ids },
      };
    }
    case 'remove_multiple': {
      run.emit('item_removal', `Removing ${n} items in one transaction`, { count: n });
      const removed = run.removeItems(intent.items.map((entry) => entry.id));
      const itemIds = removed.map((item) => item.id);
      return {
        message: `Removed ${removed.length} items`,
        data: { operation: intent.operation, count: removed.length, itemIds },
      };
    }
    case 'update_multiple': {
      run.emit('inventory_analysis', `Updating ${n} items in one transaction`, { count: n });
      const changes = run.updateItems(intent.items.map((entry) => ({ id: entry.id, data: entry.data })));
      const itemIds = [...new Set(changes.map((c) => c.id))];
      return {
        message: `Updated ${itemIds.length} items (${changes.length} fields)`,
        data: { operation: intent.operation, count: itemIds.length, fields: changes.length, itemIds },
      };
    }
  }
};
