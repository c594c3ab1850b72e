import { EmptyState } from './EmptyState.js';

/** Shown instead of the app when the URL names no valid room or user. */
export function RoomError({ message }: { message: string }) {
  return (
    <div className="app app--error">
      <EmptyState title="This link does not open a room">
        <p>{message}</p>
        <a className="btn btn--primary" href="/?room=demo">
          Open the demo room
        </a>
      </EmptyState>
    </div>
  );
}
