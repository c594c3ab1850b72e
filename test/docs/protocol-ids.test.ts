import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/PROTOCOL.md gives every rule an id that tests and code comments cite.
 * This keeps the two in step: each id is defined once, and each citation
 * names a rule that exists.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const PREFIXES = [
  ...['CMD', 'ENV', 'STOP', 'DUR', 'LIM', 'ROOM', 'SYNC', 'AUTH', 'DOC', 'AGENT', 'PROG', 'HTTP', 'UI'],
  ...['XDOC', 'GUARD', 'REVIEW', 'NLU', 'HIST', 'CSV', 'MCP', 'AGUI', 'SEED', 'WEB', 'OPS'],
];
const CITATION = new RegExp(`\\b(?:${PREFIXES.join('|')})-\\d+\\b`, 'g');

function definedIds(): string[] {
  const text = fs.readFileSync(path.join(ROOT, 'docs/PROTOCOL.md'), 'utf8');
  // A definition is the bold id that opens a rule: "- **SYNC-7** …" or a table row "| **AGENT-4** |".
  return [...text.matchAll(/^(?:- |\| )\*\*([A-Z]+-\d+)\*\*/gm)].map((m) => m[1]!);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(rel);
    return /\.(ts|tsx)$/.test(entry.name) ? [rel] : [];
  });
}

describe('docs/PROTOCOL.md rule ids', () => {
  it('defines each id once, with a known prefix', () => {
    const ids = definedIds();
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => !PREFIXES.includes(id.split('-')[0]!))).toEqual([]);
  });

  it('every id cited in tests, server, shared and client code is defined', () => {
    const defined = new Set(definedIds());
    const unknown = ['test', 'server', 'shared', 'client/src'].flatMap(sourceFiles).flatMap((file) =>
      [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(CITATION)]
        .map((m) => m[0])
        .filter((id) => !defined.has(id))
        .map((id) => `${file}: ${id}`),
    );
    expect(unknown).toEqual([]);
  });
});
