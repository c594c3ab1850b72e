import { describe, expect, it } from 'vitest';
import {
  addLocalRequest,
  initialProgressState,
  MAX_MESSAGES_PER_REQUEST,
  MAX_REQUESTS,
  progressReducer,
  requestList,
  type ProgressState,
} from '../../../client/src/agent/progress-state.js';
import type { ServerMessage } from '../../../shared/progress.js';
import { msg } from './fixtures.js';

const fold = (messages: ServerMessage[], state: ProgressState = initialProgressState) =>
  messages.reduce(progressReducer, state);

describe('progressReducer', () => {
  it('groups messages by requestId, requests in first-seen order, messages in arrival order', () => {
    const state = fold([
      msg('start', 'a'),
      msg('start', 'b'),
      msg('intent_analysis', 'a'),
      msg('progress', 'b'),
    ]);
    expect(state.order).toEqual(['a', 'b']);
    expect(state.requests.a?.messages.map((m) => m.type)).toEqual(['start', 'intent_analysis']);
    expect(state.requests.b?.messages.map((m) => m.type)).toEqual(['start', 'progress']);
    expect(requestList(state).map((g) => g.requestId)).toEqual(['a', 'b']);
  });

  it('marks a request running on its first message and complete on `complete`', () => {
    const running = fold([msg('start', 'a')]);
    expect(running.requests.a?.status).toBe('running');
    expect(fold([msg('complete', 'a')], running).requests.a?.status).toBe('complete');
  });

  it('distinguishes a cancelled request from a failed one', () => {
    const failed = fold([msg('start', 'a'), msg('error', 'a', { reason: 'unknown item' })]);
    expect(failed.requests.a?.status).toBe('error');
    const cancelled = fold([msg('start', 'b'), msg('error', 'b', { reason: 'cancelled' })]);
    expect(cancelled.requests.b?.status).toBe('cancelled');
  });

  it('keeps a terminal state when stray messages follow it', () => {
    const state = fold([
      msg('start', 'a'),
      msg('complete', 'a'),
      msg('item_updated', 'a'),
      msg('error', 'a'),
    ]);
    expect(state.requests.a?.status).toBe('complete');
    expect(state.requests.a?.messages).toHaveLength(4);
  });

  it('records who asked and what from the start message', () => {
    const state = fold([msg('start', 'a', { input: 'Restock low-stock items' }, { userId: 'alice' })]);
    expect(state.requests.a).toMatchObject({ userId: 'alice', input: 'Restock low-stock items' });
  });

  it('keeps a request queued behind another pending until it starts working', () => {
    const queued = fold([msg('start', 'a', { queued: true, position: 1 })]);
    expect(queued.requests.a?.status).toBe('pending');
    expect(fold([msg('intent_analysis', 'a')], queued).requests.a?.status).toBe('running');
    expect(fold([msg('error', 'a', { reason: 'cancelled' })], queued).requests.a?.status).toBe('cancelled');
  });

  it('ignores pongs (same state object) and keeps channel-level errors as a notice', () => {
    const start = fold([msg('start', 'a')]);
    expect(progressReducer(start, { type: 'pong', message: 'pong' })).toBe(start);
    const noticed = progressReducer(start, { type: 'error', message: 'Invalid JSON format' });
    expect(noticed.notice).toBe('Invalid JSON format');
    expect(noticed.order).toEqual(['a']);
  });

  it('caps the messages of one request, keeping the newest and counting the dropped', () => {
    const messages = Array.from({ length: MAX_MESSAGES_PER_REQUEST + 7 }, (_, i) =>
      msg('item_added', 'a', { itemId: `i${i}` }),
    );
    const group = fold(messages).requests.a;
    expect(group?.messages).toHaveLength(MAX_MESSAGES_PER_REQUEST);
    expect(group?.dropped).toBe(7);
    expect(group?.messages[0]?.data?.itemId).toBe('i7');
  });

  it('caps the request history, dropping the oldest finished requests before running ones', () => {
    let state = fold([msg('start', 'still-running')]);
    for (let i = 0; i < MAX_REQUESTS + 3; i++)
      state = fold([msg('start', `r${i}`), msg('complete', `r${i}`)], state);
    expect(state.order).toHaveLength(MAX_REQUESTS);
    expect(state.order[0]).toBe('still-running');
    expect(state.requests.r0).toBeUndefined();
    expect(Object.keys(state.requests)).toHaveLength(MAX_REQUESTS);
    expect(state.order.at(-1)).toBe(`r${MAX_REQUESTS + 2}`);
  });
});

describe('addLocalRequest', () => {
  it('shows a sent request as pending with its text, then running when the server starts it', () => {
    const sent = addLocalRequest(initialProgressState, {
      requestId: 'x',
      input: 'Restock low-stock items',
      userId: 'bo',
    });
    expect(sent.requests.x).toMatchObject({
      status: 'pending',
      input: 'Restock low-stock items',
      messages: [],
    });
    const started = progressReducer(sent, msg('start', 'x'));
    expect(started.requests.x).toMatchObject({
      status: 'running',
      input: 'Restock low-stock items',
      userId: 'bo',
    });
    expect(started.order).toEqual(['x']);
  });

  it('adds the text to a request the server already reported (echo raced the send)', () => {
    const state = addLocalRequest(fold([msg('start', 'x')]), { requestId: 'x', input: 'hi' });
    expect(state.requests.x).toMatchObject({ status: 'running', input: 'hi' });
    expect(state.order).toEqual(['x']);
  });
});
