/**
 * Which sequence numbers of a room's stored log this process has applied to
 * its copy of the document: everything through `contiguous`, plus ranges
 * above it. With one process every commit extends `contiguous` directly;
 * with several, a local commit can be numbered past updates another process
 * committed that have not arrived yet, leaving a gap until they do.
 * Compaction folds only through `contiguous`, the one point the document is
 * known to contain everything up to.
 */
export class SeqWindow {
  /** Disjoint, sorted ranges [first, last], each starting past contiguous + 1. */
  private readonly ahead: [number, number][] = [];

  constructor(private through: number) {}

  get contiguous(): number {
    return this.through;
  }

  /** The highest sequence number applied. */
  get highest(): number {
    return this.ahead.at(-1)?.[1] ?? this.through;
  }

  /** Something below `highest` is still missing. */
  get hasGap(): boolean {
    return this.ahead.length > 0;
  }

  /** Whether every seq in first..last is already applied. */
  covers(first: number, last: number): boolean {
    if (last <= this.through) return true;
    const from = Math.max(first, this.through + 1);
    return this.ahead.some(([a, b]) => a <= from && last <= b);
  }

  add(first: number, last: number): void {
    if (last <= this.through) return;
    if (first <= this.through + 1) {
      // The usual case, and the only one with a single process: O(1).
      this.through = last;
    } else {
      this.insert(first, last);
    }
    while (this.ahead.length > 0 && this.ahead[0]![0] <= this.through + 1) {
      this.through = Math.max(this.through, this.ahead.shift()![1]);
    }
  }

  private insert(first: number, last: number): void {
    let i = 0;
    while (i < this.ahead.length && this.ahead[i]![1] + 1 < first) i++;
    // Merge with every range that overlaps or touches [first, last].
    let lo = first;
    let hi = last;
    let j = i;
    while (j < this.ahead.length && this.ahead[j]![0] <= hi + 1) {
      lo = Math.min(lo, this.ahead[j]![0]);
      hi = Math.max(hi, this.ahead[j]![1]);
      j++;
    }
    this.ahead.splice(i, j - i, [lo, hi]);
  }
}
