import type { IntentKind } from './schema.js';

/**
 * What the parsers understand, with one example phrase each. A UI shows
 * these as suggestions; the `general` answer lists them; the LLM tools use
 * `does` as their description.
 */
export interface Capability {
  readonly kind: Exclude<IntentKind, 'general'>;
  readonly example: string;
  readonly does: string;
}

export const CAPABILITIES: readonly Capability[] = [
  {
    kind: 'add_items',
    example: 'Add 5 new inventory items for Q1 planning',
    does: 'Add N new items with realistic values from the data',
  },
  {
    kind: 'create_item',
    example: 'Create a new inventory item named Widget X',
    does: 'Create one item with a given name (and type)',
  },
  { kind: 'remove_item', example: 'Remove item FAS-1042', does: 'Remove one item by id, SKU or name' },
  {
    kind: 'remove_low_stock',
    example: 'Remove all low-stock items',
    does: 'Remove every item whose stock is at or below its reorder point',
  },
  {
    kind: 'bulk',
    example: 'Perform add_multiple on 3 items',
    does: 'Add, remove or update the items given in context.items, all at once',
  },
  { kind: 'set_field', example: 'Set current_stock of FAS-1042 to 40', does: 'Change one field of one item' },
  {
    kind: 'restock_low_stock',
    example: 'Restock low-stock items',
    does: 'Raise every low-stock item to its max stock',
  },
  {
    kind: 'restock_item',
    example: 'Restock FAS-1042 with 20 units',
    does: 'Restock one item, by a quantity or up to its max stock',
  },
  {
    kind: 'stock_analysis',
    example: 'Show low stock',
    does: 'Analyse stock levels and list what is running low',
  },
  {
    kind: 'supplier_performance',
    example: 'Analyze supplier performance',
    does: 'Score and rank suppliers on delivery, lead time and quality',
  },
  {
    kind: 'forecast_demand',
    example: 'Forecast demand for the next 4 weeks',
    does: 'Forecast demand per SKU over a horizon',
  },
  {
    kind: 'undo_last_agent_change',
    example: 'Undo the last agent change',
    does: "Revert the agents' most recent change",
  },
  {
    kind: 'remove_recently_added',
    example: 'Remove the items you just added',
    does: 'Remove the items the most recent adding request created',
  },
];

/** Said when a request names an action but misses what it needs. */
export const MISSING_HINTS: Partial<Record<IntentKind, string>> = {
  add_items: 'How many? Say e.g. "Add 5 new inventory items" (at most 500 at once).',
  create_item: 'What name? Say e.g. "Create a new inventory item named Widget X" or pass context.item_name.',
  remove_item: 'Which item? Say e.g. "Remove item FAS-1042" or pass context.item_id.',
  set_field: 'Say which item, field and value, e.g. "Set current_stock of FAS-1042 to 40".',
  restock_item: 'Which item? Say e.g. "Restock FAS-1042 with 20 units".',
  forecast_demand: 'Say a horizon between 1 and 730 days, e.g. "Forecast demand for the next 4 weeks".',
};

export function capabilitiesText(): string {
  return CAPABILITIES.map((c) => `${c.does.charAt(0).toLowerCase()}${c.does.slice(1)} ("${c.example}")`).join(
    '; ',
  );
}
