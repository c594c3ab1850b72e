/**
 * The phrases the product was specified with (AGENT-4…AGENT-14). Offered as one-click
 * suggestions so people discover what the agents understand; clicking fills the box, never sends.
 */
export const SUGGESTED_PHRASES: readonly string[] = [
  'Add 5 new inventory items for Q1 planning',
  'Remove all low-stock items',
  'Restock low-stock items',
  'Analyze supplier performance',
  'Forecast demand for the next 4 weeks',
  'Undo the last agent change',
  'Remove the items you just added',
];
