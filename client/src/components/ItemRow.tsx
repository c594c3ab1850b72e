import { memo, type CSSProperties } from 'react';
import { isLowStock, type Item } from '../../../shared/items.js';
import { COLUMNS, type Column } from '../view/columns.js';
import type { EditResult } from '../view/edits.js';
import { formatForecast, parseActor, parseTime, relativeTime } from '../view/format.js';
import './item-row.css';
import { FieldInput } from './FieldInput.js';
import { RobotIcon } from './RobotIcon.js';

export interface RemoteEditor {
  name: string;
  color: string;
  field: string;
}

export interface ItemRowProps {
  item: Item;
  top: number;
  flashing: boolean;
  /** Someone else is editing a field of this row: outlined in their colour, their name on the field. */
  editor: RemoteEditor | undefined;
  now: number;
  onCommit(itemId: string, field: string, raw: string): EditResult;
  onEditing(itemId: string, field: string, editing: boolean): void;
  onRemove(itemId: string): void;
}

function valueOf(item: Item, column: Column): unknown {
  return column.key === 'name' || column.key === 'type' ? item[column.key] : item.data[column.key];
}

function ReadOnlyCell({ item, column, now }: { item: Item; column: Column; now: number }) {
  if (column.key === 'forecast') {
    const forecast = formatForecast(item.data);
    if (!forecast) return <span className="muted">—</span>;
    return (
      <span className="forecast">
        <span>{forecast.main}</span>
        {forecast.cover ? <span className="forecast__cover">{forecast.cover}</span> : null}
      </span>
    );
  }
  const actor = parseActor(item.data['updated_by']);
  const at = parseTime(item.data['updated_at']);
  return (
    <span
      className="updated"
      title={typeof item.data['updated_at'] === 'string' ? item.data['updated_at'] : ''}
    >
      <span className={`updated__who updated__who--${actor.kind}`}>
        {actor.kind === 'agent' ? <RobotIcon size={12} title="agent" /> : null}
        {actor.name}
      </span>
      {at !== null ? <span className="updated__when">{relativeTime(at, now)}</span> : null}
    </span>
  );
}

/** One board row: memoised, so a change elsewhere in the room does not re-render it. */
export const ItemRow = memo(function ItemRow(props: ItemRowProps) {
  const { item, top, flashing, editor, now, onCommit, onEditing, onRemove } = props;
  const low = isLowStock(item.data);
  const className = [
    'row',
    low ? 'row--low' : '',
    flashing ? 'row--flash' : '',
    editor ? 'row--remote-edit' : '',
  ].join(' ');
  const style = {
    transform: `translateY(${top}px)`,
    ...(editor ? { '--editor-color': editor.color } : {}),
  } as CSSProperties;
  return (
    <div
      className={className}
      style={style}
      role="row"
      data-testid="item-row"
      data-item-id={item.id}
      data-low={low || undefined}
    >
      {COLUMNS.map((column) => (
        <div
          key={column.key}
          role="cell"
          className={`cell cell--${column.key}${column.numeric ? ' cell--numeric' : ''}${
            editor?.field === column.key ? ' cell--remote-edit' : ''
          }`}
        >
          {column.key === 'current_stock' && low ? (
            <span className="low-badge" title="At or below the reorder point">
              low
            </span>
          ) : null}
          {column.editable ? (
            <FieldInput
              itemId={item.id}
              field={column.key}
              value={valueOf(item, column)}
              numeric={column.numeric}
              label={`${column.label} of ${item.name}`}
              onCommit={onCommit}
              onEditing={onEditing}
            />
          ) : (
            <ReadOnlyCell item={item} column={column} now={now} />
          )}
          {editor?.field === column.key ? (
            <span className="editor-tag" aria-label={`${editor.name} is editing`}>
              {editor.name}
            </span>
          ) : null}
        </div>
      ))}
      <div role="cell" className="cell cell--actions">
        <button
          type="button"
          className="btn btn--icon btn--ghost remove"
          data-testid="remove-item"
          aria-label={`Remove ${item.name}`}
          title="Remove item"
          onClick={() => onRemove(item.id)}
        >
          ×
        </button>
      </div>
    </div>
  );
});
