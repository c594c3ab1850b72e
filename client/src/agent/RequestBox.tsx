import { useId, useRef, useState, type KeyboardEvent } from 'react';
import './request-box.css';
import './agent-buttons.css';
import { SUGGESTED_PHRASES } from './phrases.js';
import type { ConnectionStatus } from './progress-source.js';

export interface RequestBoxProps {
  status: ConnectionStatus;
  /** Returns the new requestId, or null when the request could not be sent (the text is kept). */
  onSend(input: string): string | null;
}

const HINTS: Record<ConnectionStatus, string> = {
  online: 'Ask an agent to change, analyze or forecast the inventory. Enter sends.',
  connecting: 'Connecting to the agents…',
  offline: 'Agents are unreachable; retrying. You can keep editing the board meanwhile.',
};

/** The request input (Enter sends) and the suggested phrases. */
export function RequestBox({ status, onSend }: RequestBoxProps) {
  const [text, setText] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  // Requests only travel over the live channel; nothing is queued offline, so say so up front.
  const offline = status !== 'online';
  const canSend = !offline && text.trim() !== '';

  const submit = () => {
    if (!canSend) return;
    if (onSend(text) !== null) setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // isComposing: Enter that confirms an IME composition (Japanese, Chinese…) must not send.
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  };

  const fill = (phrase: string) => {
    setText(phrase);
    inputRef.current?.focus();
  };

  return (
    <div className="agent-request">
      <form
        className="agent-request__row"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <input
          ref={inputRef}
          data-testid="agent-input"
          className="agent-request__input"
          type="text"
          value={text}
          disabled={offline}
          placeholder={offline ? 'Agents offline' : 'e.g. Restock low-stock items'}
          aria-label="Request to the agents"
          aria-describedby={hintId}
          maxLength={10_000}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="agent-button agent-button--primary" disabled={!canSend}>
          Send
        </button>
      </form>
      <p id={hintId} className="agent-request__hint" data-status={status}>
        {HINTS[status]}
      </p>
      <div className="agent-chips" role="group" aria-label="Suggested requests">
        {SUGGESTED_PHRASES.map((phrase) => (
          <button key={phrase} type="button" className="agent-chip" onClick={() => fill(phrase)}>
            {phrase}
          </button>
        ))}
      </div>
    </div>
  );
}
