import { itemsOf } from '../../../shared/items.js';
import { RequestError } from '../errors.js';
import type { Handler } from '../handler.js';
import { changedDocument } from '../memory/memory.js';
import { idRefs } from '../run.js';
import { planUndo } from './undo-plan.js';

/** Requests about the agents' own past work, answered from the room's memory. */

export const removeRecentlyAddedHandler: Handler<'remove_recently_added'> = async (_intent, run) => {
  const history = await run.memory.recent(run.request.room);
  // An undo's `added` are removed items it put back, not new ones: skip undos.
  const last = history.find(
    (entry) => entry.intentKind !== 'undo_last_agent_change' && entry.added.length > 0 && !entry.undoneBy,
  );
  if (!last) throw new RequestError('No recent request added any items', 'nothing_to_do');
  const present = last.added.filter((id) => itemsOf(run.doc).has(id));
  run.emit('item_removal', `Removing ${present.length} items added by "${last.input}"`, {
    sourceRequestId: last.requestId,
    refs: idRefs(present),
    itemIds: present,
  });
  if (present.length === 0) return { message: 'Those items were already removed', data: { itemIds: [] } };
  run.removeItems(present);
  return {
    message: `Removed the ${present.length} items added by "${last.input}"`,
    data: { sourceRequestId: last.requestId, itemIds: present },
  };
};

export const undoLastAgentChangeHandler: Handler<'undo_last_agent_change'> = async (_intent, run) => {
  const history = await run.memory.recent(run.request.room);
  const last = history.find(
    (entry) => entry.intentKind !== 'undo_last_agent_change' && !entry.undoneBy && changedDocument(entry),
  );
  if (!last) throw new RequestError('There is no agent change to undo', 'nothing_to_do');
  const plan = planUndo(run.doc, last);
  run.emit('inventory_analysis', `Undoing "${last.input}" (${last.requestId})`, {
    sourceRequestId: last.requestId,
    skipped: plan.skipped,
  });
  run.checkCancelled();
  // One transaction for the whole revert.
  run.transact(() => {
    if (plan.remove.length > 0) run.removeItems(plan.remove);
    if (plan.restore.length > 0) run.addItems(plan.restore);
    if (plan.patches.length > 0) run.updateItems(plan.patches);
    if (plan.clears.length > 0) run.clearFields(plan.clears);
  });
  await run.memory.markUndone(run.request.room, last.requestId, run.request.requestId);
  const kept = plan.skipped.length ? `; kept ${plan.skipped.length} fields a person changed since` : '';
  return {
    message: `Undid "${last.input}": ${plan.remove.length} removed, ${plan.restore.length} restored, ${plan.patches.length + plan.clears.length} items reverted${kept}`,
    data: { sourceRequestId: last.requestId, skipped: plan.skipped },
  };
};
