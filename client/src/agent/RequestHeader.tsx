import { isFinished, type RequestStatus } from './progress-state.js';
import './request-header.css';
import './agent-buttons.css';

const STATUS_LABEL: Record<RequestStatus, string> = {
  pending: 'queued',
  running: 'running',
  complete: 'complete',
  error: 'error',
  cancelled: 'cancelled',
};

function StatusBadge({ status }: { status: RequestStatus }) {
  return (
    <span className="agent-badge" data-status={status}>
      {STATUS_LABEL[status]}
    </span>
  );
}

export interface RequestHeaderProps {
  requestId: string;
  status: RequestStatus;
  /** What was asked, when known (see RequestGroup.input). */
  input?: string | undefined;
  userId?: string | undefined;
  onCancel(requestId: string): void;
}

/**
 * The heading of one request: what was asked, by whom, its state, and a cancel button while it
 * can still be stopped. Rendered inside the request's first feed message (see ProgressFeed).
 */
export function RequestHeader({ requestId, status, input, userId, onCancel }: RequestHeaderProps) {
  const title = input ?? (userId ? `Request from ${userId}` : 'Agent request');
  return (
    <div className="agent-request-header">
      <span className="agent-request-header__title" title={requestId}>
        {title}
      </span>
      {input && userId ? <span className="agent-request-header__who">{userId}</span> : null}
      <StatusBadge status={status} />
      {isFinished(status) ? null : (
        <button
          type="button"
          className="agent-button agent-button--quiet"
          data-testid="agent-cancel"
          aria-label={`Cancel request: ${title}`}
          onClick={() => onCancel(requestId)}
        >
          Cancel
        </button>
      )}
    </div>
  );
}
