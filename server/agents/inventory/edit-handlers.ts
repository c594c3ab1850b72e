import { isLowStock, listItems, type NewItem } from '../../../shared/items.js';
import { fieldValueProblem, NUMERIC_FIELDS } from '../../../shared/fields.js';
import { RequestError } from '../errors.js';
import type { Handler } from '../handler.js';
import { proposeNewItems } from './new-items.js';
import { resolveItem } from './resolve.js';

/** Inventory edits asked for in plain language: add, create, remove, set, restock. */

export const addItemsHandler: Handler<'add_items'> = async (intent, run) => {
  run.emit('inventory_analysis', `Choosing ${intent.count} products to add from the suppliers' catalogue`);
  const catalog = await run.data.catalog();
  const proposals = proposeNewItems(intent.count, catalog, listItems(run.doc));
  if (proposals.length < intent.count) {
    throw new RequestError(`Only ${proposals.length} new products are available to add`, 'nothing_to_do');
  }
  const items = proposals.map((p) => ({ ...p, type: intent.item_type }));
  run.emit('item_creation', `Adding ${items.length} items${intent.purpose ? ` for ${intent.purpose}` : ''}`, {
    count: items.length,
  });
  const ids = run.addItems(items);
  return { message: `Added ${ids.length} items`, data: { itemIds: ids } };
};

export const createItemHandler: Handler<'create_item'> = async (intent, run) => {
  const sku = typeof intent.data?.['sku'] === 'string' ? intent.data['sku'] : newSku(intent.name);
  const defaults =
    intent.item_type === 'inventory'
      ? { sku, current_stock: 0, min_stock: 0, max_stock: 0, reorder_point: 0, supplier: '' }
      : {};
  const item: NewItem = { type: intent.item_type, name: intent.name, data: { ...defaults, ...intent.data } };
  run.emit('item_creation', `Creating ${intent.item_type} item "${intent.name}"`);
  const id = run.addItems([item])[0]!;
  return { message: `Created "${intent.name}"`, data: { itemId: id, itemIds: [id] } };
};

function newSku(name: string): string {
  const letters = name
    .replace(/[^A-Za-z]/g, '')
    .slice(0, 3)
    .toUpperCase()
    .padEnd(3, 'X');
  return `${letters}-${Math.floor(1000 + Math.random() * 9000)}`;
}

export const removeItemHandler: Handler<'remove_item'> = async (intent, run) => {
  const item = resolveItem(run.doc, intent.ref);
  run.emit('item_removal', `Removing ${item.name} (${item.id})`, {
    refs: [{ id: item.id, name: item.name }],
    itemId: item.id,
  });
  run.removeItems([item.id]);
  return { message: `Removed ${item.name}`, data: { itemIds: [item.id] } };
};

export const removeLowStockHandler: Handler<'remove_low_stock'> = async (_intent, run) => {
  const low = listItems(run.doc).filter((item) => isLowStock(item.data));
  run.emit('inventory_analysis', `${low.length} items are at or below their reorder point`, {
    refs: low.map((i) => ({ id: i.id, name: i.name })),
    itemIds: low.map((i) => i.id),
  });
  if (low.length === 0) return { message: 'No low-stock items to remove', data: { itemIds: [] } };
  run.emit('item_removal', `Removing ${low.length} low-stock items`, { count: low.length });
  run.removeItems(low.map((i) => i.id));
  return { message: `Removed ${low.length} low-stock items`, data: { itemIds: low.map((i) => i.id) } };
};

export const setFieldHandler: Handler<'set_field'> = async (intent, run) => {
  const item = resolveItem(run.doc, intent.ref);
  const value =
    NUMERIC_FIELDS.has(intent.field) && typeof intent.value === 'string' && intent.value.trim() !== ''
      ? Number(intent.value)
      : intent.value;
  const problem = fieldValueProblem(intent.field, value);
  if (problem) throw new RequestError(`Cannot set ${intent.field} of ${item.name}: ${problem}`, 'invalid');
  const changes = run.updateItems([{ id: item.id, data: { [intent.field]: value } }]);
  const message = changes.length
    ? `Set ${intent.field} of ${item.name} to ${JSON.stringify(value)}`
    : `${item.name} already has ${intent.field} = ${JSON.stringify(value)}`;
  return { message, data: { itemIds: [item.id] } };
};

export const restockLowStockHandler: Handler<'restock_low_stock'> = async (_intent, run) => {
  const low = listItems(run.doc).filter(
    (item) => isLowStock(item.data) && typeof item.data['max_stock'] === 'number',
  );
  run.emit('inventory_analysis', `${low.length} items need restocking`, {
    refs: low.map((i) => ({ id: i.id, name: i.name })),
    itemIds: low.map((i) => i.id),
  });
  if (low.length === 0) return { message: 'Nothing is low on stock', data: { itemIds: [] } };
  const units = low.reduce(
    (sum, i) => sum + (Number(i.data['max_stock']) - Number(i.data['current_stock'])),
    0,
  );
  run.updateItems(low.map((item) => ({ id: item.id, data: { current_stock: item.data['max_stock'] } })));
  return {
    message: `Restocked ${low.length} items to their maximum (${units} units)`,
    data: { itemIds: low.map((i) => i.id), units },
  };
};

export const restockItemHandler: Handler<'restock_item'> = async (intent, run) => {
  const item = resolveItem(run.doc, intent.ref);
  const current = Number(item.data['current_stock'] ?? 0);
  const target =
    intent.quantity !== undefined ? current + intent.quantity : Number(item.data['max_stock'] ?? current);
  if (!Number.isFinite(target))
    throw new RequestError(`${item.name} has no max_stock to restock to`, 'invalid');
  run.updateItems([{ id: item.id, data: { current_stock: target } }]);
  return { message: `Restocked ${item.name} to ${target}`, data: { itemIds: [item.id] } };
};
