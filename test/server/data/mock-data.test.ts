import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockData, groupSales, MOCK_FILES } from '../../../server/data/mock-data.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stockroom-mock-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createMockData', () => {
  it('reads each file once and shares the rows', async () => {
    await writeFile(join(dir, MOCK_FILES.salesHistory), 'date,sku,units\n2026-10-31,B-2,4\n2026-10-30,B-2,1\n');
    const data = createMockData(dir);
    const first = await data.salesHistory();
    expect(await data.salesHistory()).toBe(first);
    expect(first).toHaveLength(2);
  });

  it('groups sales by SKU in date order', async () => {
    const file = join(dir, MOCK_FILES.salesHistory);
    await writeFile(file, 'date,sku,units\n2026-10-31,B-2,4\n2026-10-30,A-1,2\n2026-10-30,B-2,1\n');
    const series = await createMockData(dir).salesBySku();
    expect([...series.keys()]).toEqual(['B-2', 'A-1']);
    expect(series.get('B-2')).toEqual({ dates: ['2026-10-30', '2026-10-31'], units: [1, 4] });
    expect(series.get('A-1')).toEqual({ dates: ['2026-10-30'], units: [2] });
  });

  it('refuses two rows for one SKU and day', () => {
    const row = { date: '2026-10-30', sku: 'A-1', units: 1 };
    expect(() => groupSales('s.csv', [row, row])).toThrow('s.csv: SKU A-1 has more than one row for 2026-10-30');
  });

  it('names the missing path, and retries once the file exists', async () => {
    const data = createMockData(dir);
    const file = join(dir, MOCK_FILES.suppliers);
    await expect(data.suppliers()).rejects.toThrow(`${file}: file not found`);
    await writeFile(
      file,
      'name,country,contact_email,payment_terms,lead_time_days\nAcme,Chile,a@acme.example,Net 30,9\n',
    );
    expect(await data.suppliers()).toEqual([
      { name: 'Acme', country: 'Chile', contact_email: 'a@acme.example', payment_terms: 'Net 30', lead_time_days: 9 },
    ]);
  });
});
