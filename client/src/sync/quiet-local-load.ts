import type * as Y from 'yjs';

/**
 * y-indexeddb applies the stored room in one transaction, and Yjs then
 * encodes all of it again for the document's `update` listeners: ~20% of
 * the first paint with 10,000 items. Before the socket is asked to connect
 * no listener needs that copy (y-indexeddb skips its own origin, so does the
 * unsent-changes count, and the provider sends nothing while disconnected),
 * so for that one transaction the document has none. Yjs encodes an update
 * only when someone listens; the listeners are back for the next one.
 *
 * `quiet()` says whether that still holds (false once the socket may be open).
 * Returns the undo.
 */
export function quietLocalLoad(doc: Y.Doc, origin: unknown, quiet: () => boolean): () => void {
  let held: Set<unknown> | undefined;
  const restore = () => {
    if (!held) return;
    // Anyone who subscribed meanwhile stays subscribed.
    for (const listener of doc._observers.get('update') ?? []) held.add(listener);
    doc._observers.set('update', held);
    held = undefined;
  };
  const onCleanup = (transaction: Y.Transaction) => {
    // A transaction an observer started during the load is cleaned up next, before 'afterAllTransactions'.
    restore();
    if (transaction.origin !== origin || !quiet()) return;
    // Emitted just before Yjs looks for `update` listeners.
    held = doc._observers.get('update');
    doc._observers.delete('update');
  };
  doc.on('afterTransactionCleanup', onCleanup);
  doc.on('afterAllTransactions', restore);
  return () => {
    doc.off('afterTransactionCleanup', onCleanup);
    doc.off('afterAllTransactions', restore);
    restore();
  };
}
