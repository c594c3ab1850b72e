import { useRef, useState, type KeyboardEvent } from 'react';
import type { EditResult } from '../view/edits.js';
import './field-input.css';

export interface FieldInputProps {
  itemId: string;
  field: string;
  value: unknown;
  numeric: boolean;
  label: string;
  onCommit(itemId: string, field: string, raw: string): EditResult;
  /** Focus and blur: the board tells the room who edits what. */
  onEditing(itemId: string, field: string, editing: boolean): void;
}

function display(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

/**
 * One editable cell. While focused it holds a draft, so a remote change to the
 * same field does not yank the text from under the cursor; otherwise it shows
 * the document's value. Enter or blur commits, Escape restores. A value the
 * document would refuse is never written: the draft stays, marked, with a
 * message, until it is fixed or Escape is pressed.
 */
export function FieldInput({ itemId, field, value, numeric, label, onCommit, onEditing }: FieldInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Enter and Escape blur the input themselves; the blur that follows must not commit again.
  const settled = useRef(false);
  const shown = draft ?? display(value);

  const commit = (): boolean => {
    if (draft === null || draft === display(value)) {
      setDraft(null);
      setError(null);
      return true;
    }
    const result = onCommit(itemId, field, draft);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setDraft(null);
    setError(null);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (commit()) {
        settled.current = true;
        event.currentTarget.blur();
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDraft(null);
      setError(null);
      settled.current = true;
      event.currentTarget.blur();
    }
  };

  return (
    <span className={`cell-input${error ? ' cell-input--invalid' : ''}`}>
      <input
        className={`field${numeric ? ' field--numeric' : ''}`}
        data-field={field}
        value={shown}
        inputMode={numeric ? 'numeric' : undefined}
        aria-label={label}
        // Narrow columns cut long text; hovering shows all of it.
        title={shown.length > 12 ? shown : undefined}
        aria-invalid={error ? true : undefined}
        spellCheck={false}
        autoComplete="off"
        onFocus={() => {
          settled.current = false;
          if (draft === null) setDraft(display(value));
          onEditing(itemId, field, true);
        }}
        onChange={(event) => {
          setDraft(event.target.value);
          setError(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (!settled.current) commit();
          settled.current = false;
          onEditing(itemId, field, false);
        }}
      />
      {error ? (
        <span className="field-error" role="alert" data-testid="field-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
