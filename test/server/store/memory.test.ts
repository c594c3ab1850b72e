import { MemoryStore, MemoryStoreData } from '../../helpers/memory-store.js';
import { runStoreContractTests } from './store-contract.js';

// The test helper store keeps the same contract as the real ones, so tests that use it in their
// place prove something about the rooms and agents they test.
runStoreContractTests('memory (test helper)', () => {
  const data = new MemoryStoreData();
  return {
    open: async () => new MemoryStore(data),
    cleanup: async () => {},
  };
});
