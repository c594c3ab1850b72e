import { readFile } from 'node:fs/promises';
import { parse, type Info } from 'csv-parse/sync';
import type { z } from 'zod';
import { formatIssues } from '../../shared/zod-issues.js';

/**
 * A CSV that cannot be used as it is. The message names the file, the
 * 1-based line (the header is line 1) and the problem, so whoever edits the
 * data can go straight to it. Rows are never skipped: agents acting on a
 * partly read file would act on wrong numbers.
 */
export class CsvRowError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file} line ${line}: ${problem}`);
    this.name = 'CsvRowError';
  }
}

/** The file itself is missing or unreadable. */
export class CsvFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'CsvFileError';
  }
}

type RowSchema = z.ZodObject;

/** What csv-parse yields per record with `info: true` (its typings do not model that option). */
interface ParsedRecord {
  record: string[];
  info: Info;
}

/** Reads a whole CSV file and validates every row against `schema` (extra columns are ignored). */
export async function readCsv<S extends RowSchema>(file: string, schema: S): Promise<z.output<S>[]> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(error)})`;
    throw new CsvFileError(file, `${file}: ${why}`, { cause: error });
  }
  return parseCsv(file, source, schema);
}

// relax_column_count: a wrong field count is reported below, with file and line like any other problem.
const PARSE_OPTIONS = { bom: true, skip_empty_lines: true, relax_column_count: true } as const;

/** Like readCsv, on text already in memory; `file` only names it in errors. */
function parseCsv<S extends RowSchema>(file: string, source: string, schema: S): z.output<S>[] {
  const records = parseRecords(file, source);
  // Line numbers cost a second parse (csv-parse's `info` option doubles its time on the
  // 146k-row sales history), so they are looked up only for the record that fails.
  const rowError = (index: number, problem: string) =>
    new CsvRowError(file, lineOfRecord(source, index), problem);

  const header = records[0];
  if (!header) throw new CsvRowError(file, 1, 'the file is empty; expected a header row');
  const columns = header.map((name) => name.trim());
  const headerIssue = headerProblem(columns, Object.keys(schema.shape));
  if (headerIssue) throw rowError(0, headerIssue);

  const rows: z.output<S>[] = [];
  for (let index = 1; index < records.length; index++) {
    const record = records[index]!;
    if (record.length !== columns.length) {
      throw rowError(index, `has ${record.length} fields, the header has ${columns.length}`);
    }
    const row: Record<string, string | undefined> = {};
    columns.forEach((name, c) => (row[name] = record[c]));
    const result = schema.safeParse(row);
    if (!result.success) throw rowError(index, describeIssues(result.error, row));
    rows.push(result.data);
  }
  return rows;
}

function parseRecords(file: string, source: string): string[][] {
  try {
    return parse(source, PARSE_OPTIONS);
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    throw new CsvRowError(file, typeof line === 'number' ? line : 1, (error as Error).message);
  }
}

/** The 1-based line a record starts on (a record is one line unless a quoted cell spans several). */
function lineOfRecord(source: string, index: number): number {
  const parsed = parse(source, { ...PARSE_OPTIONS, info: true }) as unknown as ParsedRecord[];
  const found = parsed[index];
  if (!found) return 0;
  const breaks = found.record.reduce((n, field) => n + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  // csv-parse reports the line a record ends on.
  return found.info.lines - breaks;
}

function headerProblem(columns: readonly string[], required: readonly string[]): string | undefined {
  const missing = required.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    const noun = missing.length === 1 ? 'column' : 'columns';
    return `missing ${noun} ${missing.join(', ')} (header: ${columns.join(',')})`;
  }
  const duplicate = columns.find((name, i) => columns.indexOf(name) !== i);
  return duplicate === undefined ? undefined : `column ${duplicate} appears twice`;
}

function describeIssues(error: z.ZodError, row: Readonly<Record<string, unknown>>): string {
  // Rows are flat, so a path is one column name; the value shown is the cell as read.
  return formatIssues(error, '', (issue, column) =>
    column ? `${column} ${issue.message} (got ${JSON.stringify(row[column])})` : issue.message,
  );
}
