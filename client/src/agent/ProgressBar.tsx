import { progressFraction } from './format.js';
import './progress-bar.css';

/** The bar of a `progress` message (`data.done` of `data.total`); nothing when total is unknown. */
export function ProgressBar({ done, total }: { done: unknown; total: unknown }) {
  const fraction = progressFraction(done, total);
  if (fraction === null) return null;
  const percent = Math.round(fraction * 100);
  return (
    <div className="agent-progress">
      <div
        className="agent-progress__track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total as number}
        aria-valuenow={done as number}
      >
        <div className="agent-progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="agent-progress__label">
        {String(done)} / {String(total)}
      </span>
    </div>
  );
}
