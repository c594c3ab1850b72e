/**
 * Whether a server transaction (RoomDoc.transact) is open, and what may
 * happen inside it: a nested transaction joins it, but one that throws
 * refuses the whole of it, even if the outer function catches the error —
 * what the nested one wrote cannot be taken out alone. Applying a peer's or
 * another process's update inside it is refused outright: it would end the
 * transaction's change collection, so the rest of it would count as a stray
 * write and escape the refusal of a throwing function.
 */
export class TransactionNesting {
  private open = false;
  private nestedThrew = false;

  get isOpen(): boolean {
    return this.open;
  }

  /** Runs the outermost transaction (`run` calls `checked` on its function's result). */
  outermost<T>(run: () => T): T {
    this.open = true;
    this.nestedThrew = false;
    try {
      return run();
    } finally {
      this.open = false;
    }
  }

  /** The outermost function's result; throws instead if a nested transaction threw in it. */
  checked<T>(value: T): T {
    if (this.nestedThrew) throw new Error('a nested transaction threw: the whole transaction is refused');
    return value;
  }

  /** Runs a nested transaction's function, noting whether it throws. */
  nested<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      this.nestedThrew = true;
      throw error;
    }
  }

  /** Throws while a transaction is open (see the class comment). */
  refuseApply(): void {
    if (this.open) throw new Error('an update cannot be applied inside a server transaction (Room.transact)');
  }
}
