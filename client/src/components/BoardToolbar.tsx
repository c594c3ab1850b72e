import type { Filter } from '../view/filter-sort.js';
import { formatCount } from '../view/format.js';
import './toolbar.css';

export interface BoardToolbarProps {
  filter: Filter;
  types: readonly string[];
  total: number;
  shown: number;
  low: number;
  adding: boolean;
  onFilter(filter: Filter): void;
  onToggleAdd(): void;
}

/** Search, type and low-stock filters, the counts, and the "Add item" toggle. */
export function BoardToolbar({
  filter,
  types,
  total,
  shown,
  low,
  adding,
  onFilter,
  onToggleAdd,
}: BoardToolbarProps) {
  const filtered = shown !== total;
  return (
    <div className="toolbar">
      <input
        className="input toolbar__search"
        type="search"
        placeholder="Search name, SKU, supplier…"
        aria-label="Search items"
        data-testid="filter-text"
        value={filter.text}
        onChange={(e) => onFilter({ ...filter, text: e.target.value })}
      />
      <select
        className="input"
        aria-label="Filter by type"
        data-testid="filter-type"
        value={filter.type}
        onChange={(e) => onFilter({ ...filter, type: e.target.value })}
      >
        <option value="">All types</option>
        {types.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </select>
      <label className={`toggle${filter.lowOnly ? ' toggle--on' : ''}`}>
        <input
          type="checkbox"
          data-testid="filter-low"
          checked={filter.lowOnly}
          onChange={(e) => onFilter({ ...filter, lowOnly: e.target.checked })}
        />
        Low stock{' '}
        <span className="toggle__count" data-testid="low-count">
          {formatCount(low)}
        </span>
      </label>
      <span className="toolbar__count muted" data-testid="item-count">
        {filtered ? `${formatCount(shown)} of ${formatCount(total)} items` : `${formatCount(total)} items`}
      </span>
      <div className="toolbar__spacer" />
      <button
        type="button"
        className={`btn ${adding ? '' : 'btn--primary'}`}
        data-testid="add-item-toggle"
        aria-expanded={adding}
        onClick={onToggleAdd}
      >
        {adding ? 'Close' : '+ Add item'}
      </button>
    </div>
  );
}
