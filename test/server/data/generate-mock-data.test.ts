import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateMockData } from '../../../scripts/generate-mock-data.js';

const COMMITTED = fileURLToPath(new URL('../../../mock_data/', import.meta.url));
const FILES = ['catalog.csv', 'inventory.csv', 'purchase_orders.csv', 'sales_history.csv', 'suppliers.csv'];

const temps: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'stockroom-gen-'));
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('generate-mock-data', () => {
  it('writes byte-identical files on every run, equal to the committed ones', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    const counts = generateMockData(a);
    generateMockData(b);
    expect(Object.keys(counts).sort()).toEqual(FILES);
    expect((await readdir(a)).sort()).toEqual(FILES);
    for (const file of FILES) {
      const bytes = await readFile(join(a, file));
      expect(bytes.equals(await readFile(join(b, file))), file).toBe(true);
      // A failure here means mock_data/ is stale: run `npm run mock-data` and commit the result.
      expect(bytes.equals(await readFile(join(COMMITTED, file))), `committed ${file}`).toBe(true);
    }
  });

  it('writes different data for another seed', async () => {
    const dir = await tempDir();
    generateMockData(dir, 7);
    const other = await readFile(join(dir, 'inventory.csv'), 'utf8');
    expect(other).not.toBe(await readFile(join(COMMITTED, 'inventory.csv'), 'utf8'));
  });
});
