import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { quietLocalLoad } from '../../client/src/sync/quiet-local-load.js';

const LOAD = { name: 'local store' };

function setup(quiet = () => true) {
  const doc = new Y.Doc();
  const heard: unknown[] = [];
  doc.on('update', (_update: Uint8Array, origin: unknown) => heard.push(origin));
  const undo = quietLocalLoad(doc, LOAD, quiet);
  return { doc, heard, undo };
}

describe('quietLocalLoad', () => {
  it('gives the local load no update event, and the next transaction its listeners back', () => {
    const { doc, heard } = setup();
    doc.transact(() => doc.getMap('items').set('a', 1), LOAD);
    expect(heard).toEqual([]);
    expect(doc.getMap('items').get('a')).toBe(1);
    doc.transact(() => doc.getMap('items').set('b', 2), 'user');
    expect(heard).toEqual(['user']);
  });

  it('leaves the listeners alone once quiet() says the socket may be open', () => {
    let connecting = false;
    const { doc, heard } = setup(() => !connecting);
    connecting = true;
    doc.transact(() => doc.getMap('items').set('a', 1), LOAD);
    expect(heard).toEqual([LOAD]);
  });

  it('keeps a listener added during the load, and gives a transaction an observer starts its event', () => {
    const { doc, heard } = setup();
    const late: unknown[] = [];
    doc.getMap('items').observe((_event, transaction) => {
      if (transaction.origin !== LOAD) return;
      doc.on('update', (_u: Uint8Array, origin: unknown) => late.push(origin));
      // A write made in reaction to the load must reach the listeners (the provider, the store).
      doc.transact(() => doc.getMap('meta').set('seen', true), 'reaction');
    });
    doc.transact(() => doc.getMap('items').set('a', 1), LOAD);
    expect(heard).toEqual(['reaction']);
    expect(late).toEqual(['reaction']);
  });

  it('undoes itself', () => {
    const { doc, heard, undo } = setup();
    undo();
    doc.transact(() => doc.getMap('items').set('a', 1), LOAD);
    expect(heard).toEqual([LOAD]);
  });
});
