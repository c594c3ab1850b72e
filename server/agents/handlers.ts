import { forecastHandler } from './forecasting/agent.js';
import type { HandlerTable } from './handler.js';
import { capabilitiesText } from './intents/capabilities.js';
import { stockAnalysisHandler } from './inventory/analysis-handler.js';
import { bulkHandler } from './inventory/bulk-handler.js';
import {
  addItemsHandler,
  createItemHandler,
  removeItemHandler,
  removeLowStockHandler,
  restockItemHandler,
  restockLowStockHandler,
  setFieldHandler,
} from './inventory/edit-handlers.js';
import { removeRecentlyAddedHandler, undoLastAgentChangeHandler } from './inventory/memory-handlers.js';
import { supplierPerformanceHandler } from './supplier/agent.js';

/** Which agent code answers each kind of intent. */
export const HANDLERS: HandlerTable = {
  add_items: addItemsHandler,
  create_item: createItemHandler,
  remove_item: removeItemHandler,
  remove_low_stock: removeLowStockHandler,
  bulk: bulkHandler,
  set_field: setFieldHandler,
  restock_low_stock: restockLowStockHandler,
  restock_item: restockItemHandler,
  stock_analysis: stockAnalysisHandler,
  supplier_performance: supplierPerformanceHandler,
  forecast_demand: forecastHandler,
  undo_last_agent_change: undoLastAgentChangeHandler,
  remove_recently_added: removeRecentlyAddedHandler,
  general: async (intent) => ({
    message: `I could not match that to something I can do${intent.reason ? ` (${intent.reason})` : ''}. ${capabilitiesText()}`,
    data: { capabilities: capabilitiesText() },
  }),
};
