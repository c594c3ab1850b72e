// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AgentPanel } from '../../../client/src/agent/AgentPanel.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Stands in for the browser WebSocket: records every socket the panel opens. */
function stubWebSocket() {
  const sockets: Array<{ url: string; closed: boolean }> = [];
  class StubSocket {
    readyState = 0;
    onopen = null;
    onmessage = null;
    onclose = null;
    onerror = null;
    readonly record: { url: string; closed: boolean };
    constructor(url: string) {
      this.record = { url, closed: false };
      sockets.push(this.record);
    }
    send() {}
    close() {
      this.record.closed = true;
    }
  }
  vi.stubGlobal('WebSocket', StubSocket);
  return sockets;
}

describe('useProgressChannel without an injected client', () => {
  it('opens the room progress socket with the token, survives StrictMode, closes on unmount', () => {
    const sockets = stubWebSocket();
    const { unmount } = render(
      <StrictMode>
        <AgentPanel room="q1" userId="alice" token="t0k" />
      </StrictMode>,
    );
    expect(sockets.length).toBeGreaterThanOrEqual(1);
    expect(sockets.at(-1)?.url).toMatch(/^wss?:\/\/[^/]*\/progress\/q1\?token=t0k$/);
    // StrictMode mounts effects twice: every socket but the live one is closed.
    expect(sockets.filter((s) => !s.closed)).toHaveLength(1);
    unmount();
    expect(sockets.every((s) => s.closed)).toBe(true);
  });
});
