/**
 * The smallest external store that useSyncExternalStore needs: a snapshot that
 * keeps its identity until it changes, and a subscribe that returns its undo.
 */
export class ExternalStore<T> {
  private listeners = new Set<() => void>();

  constructor(private snapshot: T) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): T => this.snapshot;

  protected set(next: T): void {
    if (Object.is(next, this.snapshot)) return;
    this.snapshot = next;
    for (const listener of [...this.listeners]) listener();
  }
}
