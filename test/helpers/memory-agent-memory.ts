import type { AgentMemory, MemoryEntry } from '../../server/agents/memory/memory.js';

/**
 * The entries of an in-memory agent memory, per room, oldest write first.
 * Instances given the same data share it, as processes share a database.
 */
export class AgentMemoryData {
  readonly rooms = new Map<string, MemoryEntry[]>();
}

/**
 * AgentMemory in memory, for tests of agents that do not test storage. It
 * passes the same contract suite as the SQLite and PostgreSQL memories
 * (test/server/store/agent-memory.test.ts). Entries go in and out as JSON,
 * as they do in the databases, so a caller cannot change what is kept.
 */
export class InMemoryAgentMemory implements AgentMemory {
  constructor(readonly data = new AgentMemoryData()) {}

  async record(room: string, entry: MemoryEntry): Promise<void> {
    // Recording a request id again replaces the entry and counts as the newest write.
    const entries = (this.data.rooms.get(room) ?? []).filter((e) => e.requestId !== entry.requestId);
    entries.push(copy(entry));
    this.data.rooms.set(room, entries);
  }

  async recent(room: string, limit = 50): Promise<MemoryEntry[]> {
    const entries = [...(this.data.rooms.get(room) ?? [])].reverse();
    // Newest `at` first; a stable sort keeps the later write first on a tie.
    entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    return entries.slice(0, limit).map(copy);
  }

  async markUndone(room: string, requestId: string, undoneBy: string): Promise<void> {
    const entry = this.data.rooms.get(room)?.find((e) => e.requestId === requestId);
    if (entry) entry.undoneBy = undoneBy;
  }
}

function copy(entry: MemoryEntry): MemoryEntry {
  return JSON.parse(JSON.stringify(entry)) as MemoryEntry;
}
