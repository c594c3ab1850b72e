import type { Intent } from './schema.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

/** One line saying what the agent will do; the explanation shown in the progress feed. */
export function describeIntent(intent: Intent): string {
  switch (intent.kind) {
    case 'add_items':
      return `Add ${plural(intent.count, `new ${intent.item_type} item`)}${intent.purpose ? ` for ${intent.purpose}` : ''}.`;
    case 'create_item': {
      const fields = Object.keys(intent.data ?? {});
      const extra = fields.length > 0 ? ` with ${fields.join(', ')}` : '';
      return `Create a new ${intent.item_type} item named "${intent.name}"${extra}.`;
    }
    case 'remove_item':
      return `Remove item "${intent.ref}".`;
    case 'remove_low_stock':
      return 'Remove every low-stock item (current stock at or below the reorder point).';
    case 'bulk':
      return `Perform ${intent.operation} on ${plural(intent.items.length, 'item')} in one change.`;
    case 'set_field':
      return `Set ${intent.field} of "${intent.ref}" to ${show(intent.value)}.`;
    case 'restock_low_stock':
      return 'Restock every low-stock item up to its max stock.';
    case 'restock_item':
      return intent.quantity === undefined
        ? `Restock "${intent.ref}" up to its max stock.`
        : `Restock "${intent.ref}" with ${plural(intent.quantity, 'unit')}.`;
    case 'stock_analysis':
      return 'Analyse stock levels and list low-stock items.';
    case 'supplier_performance':
      return intent.supplier
        ? `Analyse the performance of supplier "${intent.supplier}".`
        : 'Analyse supplier performance.';
    case 'forecast_demand':
      return `Forecast demand${intent.sku ? ` for ${intent.sku}` : ''} over the next ${plural(intent.horizon_days, 'day')}.`;
    case 'undo_last_agent_change':
      return 'Undo the last agent change.';
    case 'remove_recently_added':
      return 'Remove the items added by the most recent adding request.';
    case 'general':
      return intent.reason ?? 'No action.';
  }
}
