import * as encoding from 'lib0/encoding';

/**
 * Writes Yjs v1 updates struct by struct, so tests can build the updates an
 * honest Yjs never emits: forward references to a client's own clocks,
 * re-sent clocks with other origins, empty delete ranges, and so on. Every
 * update written here passes `Y.decodeUpdate` unless its fields are out of
 * range; whether it also *applies* is what the tests find out.
 *
 * Layout (yjs src/utils/encoding.js): varUint #blocks; per block #structs,
 * client, first clock, then each struct's info byte (low 5 bits: content
 * ref, 0 = GC, 10 = Skip; bit 8 origin, bit 7 right origin, bit 6 parentSub)
 * and fields; then the delete set: #clients; per client: client, #ranges,
 * (clock, length)*.
 */
export type Ref = readonly [client: number, clock: number];

export type Content =
  | { kind: 'any'; values: unknown[] }
  | { kind: 'string'; text: string }
  | { kind: 'deleted'; length: number }
  /** 0 Array, 1 Map, 2 Text, 3 XmlElement (needs a name: not written here), 4 XmlFragment, 6 XmlText. */
  | { kind: 'type'; typeRef: 0 | 1 | 2 | 4 | 6 }
  | { kind: 'json'; values: string[] }
  | { kind: 'binary'; bytes: Uint8Array }
  | { kind: 'format'; key: string; value: string }
  | { kind: 'embed'; json: string }
  | { kind: 'doc'; guid: string };

export type Struct =
  | { kind: 'gc'; length: number }
  | { kind: 'skip'; length: number }
  | {
      kind: 'item';
      origin?: Ref;
      rightOrigin?: Ref;
      /** Only written when neither origin is: a root type name or the id of the parent item. */
      parent?: string | Ref;
      parentSub?: string;
      content: Content;
    };

export interface Block {
  client: number;
  clock: number;
  structs: Struct[];
}

export interface DeleteRange {
  client: number;
  clock: number;
  length: number;
}

const CONTENT_REF = {
  deleted: 1,
  json: 2,
  binary: 3,
  string: 4,
  embed: 5,
  format: 6,
  type: 7,
  any: 8,
  doc: 9,
} as const;

function writeContent(e: encoding.Encoder, content: Content): void {
  switch (content.kind) {
    case 'any':
      encoding.writeVarUint(e, content.values.length);
      for (const value of content.values)
        encoding.writeAny(e, value as Parameters<typeof encoding.writeAny>[1]);
      return;
    case 'string':
      encoding.writeVarString(e, content.text);
      return;
    case 'deleted':
      encoding.writeVarUint(e, content.length);
      return;
    case 'type':
      encoding.writeVarUint(e, content.typeRef);
      return;
    case 'json':
      encoding.writeVarUint(e, content.values.length);
      for (const value of content.values) encoding.writeVarString(e, value);
      return;
    case 'binary':
      encoding.writeVarUint8Array(e, content.bytes);
      return;
    case 'format':
      encoding.writeVarString(e, content.key);
      encoding.writeVarString(e, content.value);
      return;
    case 'embed':
      encoding.writeVarString(e, content.json);
      return;
    case 'doc':
      encoding.writeVarString(e, content.guid);
      encoding.writeAny(e, {});
      return;
  }
}

function writeStruct(e: encoding.Encoder, struct: Struct): void {
  if (struct.kind === 'gc' || struct.kind === 'skip') {
    encoding.writeUint8(e, struct.kind === 'gc' ? 0 : 10);
    encoding.writeVarUint(e, struct.length);
    return;
  }
  const hasParent = !struct.origin && !struct.rightOrigin;
  const hasSub = hasParent && struct.parentSub !== undefined;
  encoding.writeUint8(
    e,
    CONTENT_REF[struct.content.kind] |
      (struct.origin ? 128 : 0) |
      (struct.rightOrigin ? 64 : 0) |
      (hasSub ? 32 : 0),
  );
  for (const ref of [struct.origin, struct.rightOrigin]) {
    if (!ref) continue;
    encoding.writeVarUint(e, ref[0]);
    encoding.writeVarUint(e, ref[1]);
  }
  if (hasParent) {
    const parent = struct.parent ?? 'items';
    if (typeof parent === 'string') {
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, parent);
    } else {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, parent[0]);
      encoding.writeVarUint(e, parent[1]);
    }
    if (hasSub) encoding.writeVarString(e, struct.parentSub!);
  }
  writeContent(e, struct.content);
}

export function writeUpdate(blocks: readonly Block[], deletes: readonly DeleteRange[] = []): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, blocks.length);
  for (const block of blocks) {
    encoding.writeVarUint(e, block.structs.length);
    encoding.writeVarUint(e, block.client);
    encoding.writeVarUint(e, block.clock);
    for (const struct of block.structs) writeStruct(e, struct);
  }
  const byClient = new Map<number, DeleteRange[]>();
  for (const range of deletes) byClient.set(range.client, [...(byClient.get(range.client) ?? []), range]);
  encoding.writeVarUint(e, byClient.size);
  for (const [client, ranges] of byClient) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, ranges.length);
    for (const range of ranges) {
      encoding.writeVarUint(e, range.clock);
      encoding.writeVarUint(e, range.length);
    }
  }
  return encoding.toUint8Array(e);
}
