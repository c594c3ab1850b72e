/**
 * Writes the mock data set the agents read (CONTRACT: MOCK_DATA_DIR):
 *   npx tsx scripts/generate-mock-data.ts [outDir]     (default mock_data/)
 * The generator is scripts/mock-data/generate.ts; its tables and knobs sit beside it.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMockData } from './mock-data/generate.js';

export { generateMockData } from './mock-data/generate.js';
export { SEED } from './mock-data/params.js';

const invokedPath = process.argv[1];
if (invokedPath !== undefined && resolve(invokedPath) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? 'mock_data');
  const counts = generateMockData(outDir);
  for (const [file, rows] of Object.entries(counts)) console.log(`${join(outDir, file)}: ${rows} rows`);
}
