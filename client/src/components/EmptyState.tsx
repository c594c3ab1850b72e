import type { ReactNode } from 'react';
import './empty.css';

/** The board's placeholder: loading, an empty room, or filters that match nothing. */
export function EmptyState({
  title,
  children,
  busy,
}: {
  title: string;
  children?: ReactNode;
  busy?: boolean;
}) {
  return (
    <div className="empty" data-testid="board-empty" role="status" aria-busy={busy || undefined}>
      {busy ? (
        <span className="spinner" aria-hidden="true" />
      ) : (
        <span className="empty__icon" aria-hidden="true" />
      )}
      <p className="empty__title">{title}</p>
      {children ? <div className="empty__body">{children}</div> : null}
    </div>
  );
}
