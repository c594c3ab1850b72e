import { memo } from 'react';
import type { ActivityEntry, FieldDelta } from '../sync/activity.js';
import { useRoom } from '../sync/RoomContext.js';
import { useActivity } from '../sync/useActivity.js';
import { COLUMNS } from '../view/columns.js';
import { formatCount, formatValue, parseActor, relativeTime } from '../view/format.js';
import { RobotIcon } from './RobotIcon.js';
import { useNow } from './useNow.js';
import './activity.css';

const LABELS = new Map<string, string>(COLUMNS.map((c) => [c.key, c.label]));
const VIA_HINT = {
  undo: 'Your undo',
  redo: 'Your redo',
  sync: 'Received when this browser synced with the server',
} as const;
const fieldLabel = (field: string) => LABELS.get(field) ?? field.replaceAll('_', ' ');

function Who({ actor, me }: { actor: string; me: string }) {
  if (actor === me) return <strong className="who who--you">You</strong>;
  const parsed = parseActor(actor);
  return (
    <strong className={`who who--${parsed.kind}`}>
      {parsed.kind === 'agent' ? <RobotIcon size={12} title="agent" /> : null}
      {parsed.name}
    </strong>
  );
}

function Change({ delta }: { delta: FieldDelta }) {
  return (
    <span className="change">
      {fieldLabel(delta.field)} <s className="change__before">{formatValue(delta.before)}</s>
      {' → '}
      <span className="change__after">{formatValue(delta.after)}</span>
    </span>
  );
}

interface EntryProps {
  entry: ActivityEntry;
  me: string;
  now: number;
  exists: boolean;
  onItemClick(itemId: string): void;
}

const Entry = memo(function Entry({ entry, me, now, exists, onItemClick }: EntryProps) {
  const item =
    entry.itemId && exists ? (
      <button
        type="button"
        className="link"
        onClick={() => onItemClick(entry.itemId!)}
        title="Show on the board"
      >
        {entry.itemName}
      </button>
    ) : (
      <em>{entry.itemName}</em>
    );
  let what;
  if (entry.kind === 'bulk') {
    const count = <strong>{formatCount(entry.count ?? 0)} items</strong>;
    what = entry.actor ? (
      <>
        {' '}
        {entry.bulkOf} {count}
      </>
    ) : (
      <>
        {count} {entry.bulkOf}
      </>
    );
  } else if (entry.kind === 'added') what = <> added {item}</>;
  else if (entry.kind === 'removed') what = <> removed {item}</>;
  else
    what = (
      <>
        {' '}
        changed {item}
        <span className="changes">
          {entry.fields.map((delta) => (
            <Change key={delta.field} delta={delta} />
          ))}
        </span>
      </>
    );
  return (
    <li className={`activity__entry activity__entry--${entry.kind}`} data-kind={entry.kind}>
      <span className="activity__line">
        {entry.via ? (
          <span className="activity__via" title={VIA_HINT[entry.via]}>
            {entry.via}
          </span>
        ) : null}
        {entry.kind === 'bulk' && !entry.actor ? null : <Who actor={entry.actor} me={me} />}
        {what}
      </span>
      <time className="activity__time" dateTime={new Date(entry.at).toISOString()}>
        {relativeTime(entry.at, now)}
      </time>
    </li>
  );
});

/** What changed in the room during this session, newest first, from people and agents alike. */
export function ActivityFeed({ onItemClick }: { onItemClick(itemId: string): void }) {
  const room = useRoom();
  const entries = useActivity();
  const now = useNow(15_000);
  const me = `user:${room.userId}`;
  return (
    <section className="activity" aria-label="Activity">
      <h2 className="side-title">Activity</h2>
      {entries.length === 0 ? (
        <p className="activity__empty muted">Changes by people and agents show up here as they happen.</p>
      ) : (
        <ol className="activity__list" data-testid="activity-feed">
          {entries.map((entry) => (
            <Entry
              key={entry.id}
              entry={entry}
              me={me}
              now={now}
              exists={entry.itemId !== undefined && room.items.get(entry.itemId) !== undefined}
              onItemClick={onItemClick}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
