import { useConnectionStatus } from '../sync/useConnectionStatus.js';
import './header.css';

const HINT = {
  online: 'Connected: your changes reach everyone as you make them.',
  connecting: 'Connecting to the server…',
  offline: 'Working offline: changes are kept in this browser and sent when the server is back.',
} as const;

/** The connection state (exact texts of UI-9) and, apart, the count of changes not yet sent. */
export function ConnectionBadge() {
  const { status, pending, refused } = useConnectionStatus();
  return (
    <div className="connection" data-status={status} title={refused ?? HINT[status]}>
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__text" data-testid="connection-status">
        {status}
      </span>
      {pending > 0 ? (
        <span
          className="connection__pending"
          data-testid="pending-changes"
          title="Changes made while disconnected; they are sent when the connection is back."
        >
          {pending} unsent
        </span>
      ) : null}
      {refused ? <span className="connection__refused">{refused}</span> : null}
    </div>
  );
}
