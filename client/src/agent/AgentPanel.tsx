import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import './agent-panel.css';
import './agent-buttons.css';
import type { ProgressSource } from './progress-source.js';
import { ProgressFeed } from './ProgressFeed.js';
import { RequestBox } from './RequestBox.js';
import { RequestHeader } from './RequestHeader.js';
import { useProgressChannel } from './useProgressChannel.js';

export interface AgentPanelProps {
  room: string;
  userId: string;
  token?: string | undefined;
  /** Called with an item id when a person clicks an item the agent touched. */
  onItemClick?: ((itemId: string) => void) | undefined;
  /** Inject a progress source (tests, a shared client); by default the panel opens its own socket. */
  client?: ProgressSource | undefined;
}

/**
 * The agent panel: ask the room's agents for something, follow what they do live, and read
 * their results (supplier table, forecast chart). Every request in the room shows, whoever sent it.
 */
export function AgentPanel({ room, userId, token, onItemClick, client }: AgentPanelProps) {
  const channel = useProgressChannel({
    room,
    userId,
    ...(token ? { token } : {}),
    ...(client ? { client } : {}),
  });
  const [dismissed, setDismissed] = useState<string | undefined>();

  // The board usually passes an inline arrow; reading it through a ref keeps the memoised feed
  // rows from re-rendering on every board render.
  const onItemClickRef = useRef(onItemClick);
  useLayoutEffect(() => {
    onItemClickRef.current = onItemClick;
  });
  const handleItemClick = useCallback((itemId: string) => onItemClickRef.current?.(itemId), []);
  const { cancel } = channel;
  const handleCancel = useCallback((requestId: string) => void cancel(requestId), [cancel]);

  // Sent from this tab but not yet started by the server (the room runs one request at a time):
  // no messages yet, so they are listed above the feed instead of in it.
  const queued = channel.requests.filter((group) => group.messages.length === 0);
  const notice = channel.notice !== dismissed ? channel.notice : undefined;

  return (
    <section className="agent-panel" aria-label="Agents">
      <header className="agent-panel__header">
        <h2 className="agent-panel__title">Agents</h2>
        <span className="agent-conn" data-status={channel.status} title="Agent channel">
          {channel.status}
        </span>
      </header>
      <RequestBox status={channel.status} onSend={channel.send} />
      {notice ? (
        <p className="agent-notice" role="status">
          <span>{notice}</span>
          <button
            type="button"
            className="agent-button agent-button--quiet"
            onClick={() => setDismissed(notice)}
          >
            Dismiss
          </button>
        </p>
      ) : null}
      {queued.length > 0 ? (
        <div className="agent-queue" role="group" aria-label="Waiting requests">
          {queued.map((group) => (
            <RequestHeader
              key={group.requestId}
              requestId={group.requestId}
              status={group.status}
              input={group.input}
              userId={group.userId}
              onCancel={handleCancel}
            />
          ))}
        </div>
      ) : null}
      <ProgressFeed requests={channel.requests} onItemClick={handleItemClick} onCancel={handleCancel} />
    </section>
  );
}
