import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvFileError, CsvRowError, readCsv } from '../../../server/data/csv.js';
import { SalesRowSchema } from '../../../server/data/schemas.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stockroom-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function csvFile(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the promise to reject with an Error');
  return error;
}

describe('readCsv', () => {
  it('validates every row; extra columns, a BOM, CRLF and blank lines are fine', async () => {
    const file = await csvFile(
      'good.csv',
      '\uFEFFsku,date,units,note\r\nA-1,2026-10-30,3,"x, y"\r\n\r\nA-1,2026-10-31,0,\r\n',
    );
    expect(await readCsv(file, SalesRowSchema)).toEqual([
      { date: '2026-10-30', sku: 'A-1', units: 3 },
      { date: '2026-10-31', sku: 'A-1', units: 0 },
    ]);
  });

  it('names the file, the 1-based line and the problem of a bad row', async () => {
    const file = await csvFile('bad-row.csv', 'date,sku,units\n2026-10-30,A-1,3\n2026-10-31,A-1,-2\n');
    const error = await errorOf(readCsv(file, SalesRowSchema));
    expect(error).toBeInstanceOf(CsvRowError);
    expect(error).toMatchObject({ file, line: 3 });
    expect(error.message).toBe(`${file} line 3: units must be a whole number ≥ 0 (got "-2")`);
  });

  it('counts blank lines and lines inside quoted multi-line cells', async () => {
    const file = await csvFile('multiline.csv', 'date,sku,units\n\n2026-10-30,"A\n1",3\n2026-10-31,A-1,x\n');
    expect(await errorOf(readCsv(file, SalesRowSchema))).toMatchObject({ line: 5 });
    const spanning = await csvFile('spanning.csv', 'date,sku,units\n2026-10-30,"A\n1",-3\n');
    expect(await errorOf(readCsv(spanning, SalesRowSchema))).toMatchObject({ line: 2 });
  });

  it('refuses a row with the wrong number of fields', async () => {
    const file = await csvFile('short.csv', 'date,sku,units\n2026-10-30,A-1\n');
    const error = await errorOf(readCsv(file, SalesRowSchema));
    expect(error.message).toBe(`${file} line 2: has 2 fields, the header has 3`);
  });

  it('reports a missing column on line 1', async () => {
    const file = await csvFile('header.csv', 'date,product,units\n2026-10-30,A-1,3\n');
    const error = await errorOf(readCsv(file, SalesRowSchema));
    expect(error).toMatchObject({ file, line: 1 });
    expect(error.message).toContain('missing column sku');
  });

  it('reports an empty file, a duplicate column and broken quoting', async () => {
    const empty = await csvFile('empty.csv', '');
    expect((await errorOf(readCsv(empty, SalesRowSchema))).message).toContain('line 1: the file is empty');
    const twice = await csvFile('twice.csv', 'date,sku,units,sku\n');
    expect((await errorOf(readCsv(twice, SalesRowSchema))).message).toContain('column sku appears twice');
    const quote = await csvFile('quote.csv', 'date,sku,units\n2026-10-30,"A-1,3\n');
    expect(await errorOf(readCsv(quote, SalesRowSchema))).toBeInstanceOf(CsvRowError);
  });

  it('names the path of a missing file', async () => {
    const file = join(dir, 'nowhere.csv');
    const error = await errorOf(readCsv(file, SalesRowSchema));
    expect(error).toBeInstanceOf(CsvFileError);
    expect(error.message).toBe(`${file}: file not found`);
  });
});
