import { COLUMNS, GRID_TEMPLATE } from '../view/columns.js';
import type { ColumnKey } from '../view/columns.js';
import type { Sort } from '../view/filter-sort.js';
import './board-header.css';

/** Column headers; a click sorts ascending, then descending, then back to document order. */
export function BoardHeader({ sort, onSort }: { sort: Sort | null; onSort(key: ColumnKey): void }) {
  return (
    <div className="board-head" role="row" style={{ gridTemplateColumns: GRID_TEMPLATE }}>
      {COLUMNS.map((column) => {
        const active = sort?.key === column.key ? sort.dir : null;
        return (
          <div
            key={column.key}
            role="columnheader"
            aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : 'none'}
            className={`head-cell${column.numeric ? ' head-cell--numeric' : ''}`}
          >
            <button
              type="button"
              className={`head-button${active ? ' head-button--active' : ''}`}
              data-sort-key={column.key}
              title={column.hint ? `${column.hint} · click to sort` : 'Click to sort'}
              onClick={() => onSort(column.key)}
            >
              <span>{column.label}</span>
              <span className="sort-arrow" aria-hidden="true">
                {active === 'asc' ? '▲' : active === 'desc' ? '▼' : '↕'}
              </span>
            </button>
          </div>
        );
      })}
      <div role="columnheader" className="head-cell">
        <span className="visually-hidden">Actions</span>
      </div>
    </div>
  );
}
