import { z } from 'zod';
import { ItemRefSchema, type ItemRef, type ProgressMessage } from '../../../shared/progress.js';

/**
 * Which board items a progress message names, so the feed can link to them: `data.refs`, the one
 * ref shape of the protocol (shared/progress/data-items.ts). Checked here as well as by the
 * decoder, because a type whose schema has no `refs` passes unknown fields through unchecked.
 * An item named twice gets one link, with the first name given.
 */

const RefsSchema = z.array(ItemRefSchema);

export function extractItemRefs(message: Pick<ProgressMessage, 'data'>): ItemRef[] {
  const refs = RefsSchema.safeParse(message.data?.['refs']);
  if (!refs.success) return [];
  const byId = new Map<string, ItemRef>();
  for (const ref of refs.data) {
    const seen = byId.get(ref.id);
    if (!seen) byId.set(ref.id, ref);
    else if (!seen.name && ref.name) byId.set(ref.id, { ...seen, name: ref.name });
  }
  return [...byId.values()];
}
