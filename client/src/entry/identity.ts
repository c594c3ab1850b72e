/**
 * A person's default identity in this browser: a generated, readable user id
 * and a colour, kept in localStorage so that reloads and other tabs of the
 * same browser stay the same person.
 */
const ADJECTIVES = ['amber', 'brisk', 'calm', 'deft', 'eager', 'fleet', 'keen', 'lucid', 'merry', 'nimble'];
const ANIMALS = ['otter', 'heron', 'lynx', 'marten', 'finch', 'badger', 'ibex', 'wren', 'panda', 'koala'];

/** Readable on both light and dark backgrounds; used for presence and edit outlines. */
export const PALETTE = [
  '#e5484d',
  '#f76b15',
  '#d6a300',
  '#30a46c',
  '#12a594',
  '#0090ff',
  '#3e63dd',
  '#8e4ec6',
  '#d6409f',
  '#7d6b5d',
] as const;

const USER_KEY = 'stockroom:user';
const COLOR_KEY = 'stockroom:color';

type Random = () => number;

function pick<T>(list: readonly T[], random: Random): T {
  return list[Math.floor(random() * list.length)]!;
}

export function generateUserId(random: Random = Math.random): string {
  return `${pick(ADJECTIVES, random)}-${pick(ANIMALS, random)}-${Math.floor(random() * 90) + 10}`;
}

export function storedUserId(storage: Storage | undefined, random: Random = Math.random): string {
  const saved = safeGet(storage, USER_KEY);
  if (saved) return saved;
  const id = generateUserId(random);
  safeSet(storage, USER_KEY, id);
  return id;
}

export function storedColor(storage: Storage | undefined, random: Random = Math.random): string {
  const saved = safeGet(storage, COLOR_KEY);
  if (saved && /^#[0-9a-f]{6}$/i.test(saved)) return saved;
  const color = pick(PALETTE, random);
  safeSet(storage, COLOR_KEY, color);
  return color;
}

// Storage can throw (private mode, disabled cookies); an identity for this tab is then enough.
function safeGet(storage: Storage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function safeSet(storage: Storage | undefined, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // ignored: see safeGet
  }
}
