import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';

/**
 * Counts this browser's changes that have not been handed to the server yet.
 *
 * What can be known: the y-websocket protocol has no acknowledgement of
 * updates. A local change is "sent" when it is written to an open socket (the
 * provider does that in the same tick), or when the server opens a sync with
 * us: its sync step 1 carries its state vector and the provider answers with
 * everything the server lacks, our offline changes included. So the count is
 * "made while disconnected, not yet re-sent"; a change written to a socket that
 * silently died is not counted, but the next sync resends it all the same.
 * The count is kept in localStorage so that a reload while offline keeps it.
 */
export class PendingCounter {
  private value: number;

  constructor(
    private readonly storage?: Storage,
    private readonly key = 'stockroom:pending',
  ) {
    this.value = readCount(storage, key);
  }

  get count(): number {
    return this.value;
  }

  /** A local change was made; `sentNow` when it went straight onto an open socket. */
  recordLocal(sentNow: boolean): void {
    if (sentNow) return;
    this.write(this.value + 1);
  }

  /** The server started a sync with us: our reply carries every change it lacks. */
  serverSynced(): void {
    if (this.value !== 0) this.write(0);
  }

  private write(value: number): void {
    this.value = value;
    try {
      if (value === 0) this.storage?.removeItem(this.key);
      else this.storage?.setItem(this.key, String(value));
    } catch {
      // storage full or disabled: the in-memory count still serves this tab
    }
  }
}

function readCount(storage: Storage | undefined, key: string): number {
  try {
    const n = Number(storage?.getItem(key) ?? 0);
    return Number.isSafeInteger(n) && n > 0 ? n : 0;
  } catch {
    return 0;
  }
}

/**
 * Whether a sync-protocol message (positioned after the message tag) is the
 * server's sync step 1. Reads a copy so the provider's own handler still sees
 * the whole message.
 */
export function isSyncStep1(decoder: decoding.Decoder): boolean {
  try {
    return decoding.readVarUint(decoding.clone(decoder)) === syncProtocol.messageYjsSyncStep1;
  } catch {
    return false;
  }
}
