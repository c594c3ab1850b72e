import type { IntentKind } from './intents/schema.js';

/** Who the agents are, as people see them in presence and in the feed. */
export interface AgentIdentity {
  id: 'inventory' | 'supplier' | 'forecasting';
  name: string;
  color: string;
}

export const AGENTS = {
  inventory: { id: 'inventory', name: 'Inventory agent', color: '#0f766e' },
  supplier: { id: 'supplier', name: 'Supplier agent', color: '#b45309' },
  forecasting: { id: 'forecasting', name: 'Forecasting agent', color: '#7c3aed' },
} as const satisfies Record<string, AgentIdentity>;

export function agentFor(kind: IntentKind): AgentIdentity {
  if (kind === 'supplier_performance') return AGENTS.supplier;
  if (kind === 'forecast_demand') return AGENTS.forecasting;
  return AGENTS.inventory;
}
