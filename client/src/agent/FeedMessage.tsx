import { memo, useMemo } from 'react';
import type { ProgressMessage, ProgressType } from '../../../shared/progress.js';
import { ForecastChart } from './ForecastChart.js';
import { formatPercent, formatTime } from './format.js';
import { extractItemRefs } from './item-refs.js';
import { ItemRefs } from './ItemRefs.js';
import { ProgressBar } from './ProgressBar.js';
import type { RequestStatus } from './progress-state.js';
import { RequestHeader } from './RequestHeader.js';
import { parseForecastResults, parseSupplierResults } from './result-data.js';
import { SupplierTable } from './SupplierTable.js';

/** Short labels people scan the feed by; the full line is the message itself. */
const LABELS: Record<ProgressType, string> = {
  start: 'Started',
  intent_analysis: 'Intent',
  inventory_analysis: 'Inventory',
  analysis_results: 'Findings',
  item_creation: 'Creating',
  item_added: 'Added',
  item_removal: 'Removing',
  item_removed: 'Removed',
  item_updated: 'Updated',
  field_changed: 'Changed',
  supplier_analysis: 'Suppliers',
  supplier_results: 'Suppliers',
  forecasting_analysis: 'Modeling',
  forecast_results: 'Forecast',
  progress: 'Progress',
  complete: 'Done',
  error: 'Error',
};

/** Present only on a request's first message: the request heading lives inside it. */
export interface FeedHeader {
  status: RequestStatus;
  input: string | undefined;
  userId: string | undefined;
}

export interface FeedMessageProps {
  message: ProgressMessage;
  header: FeedHeader | undefined;
  /** A `progress` line followed by a newer one: kept as a child, hidden by CSS. */
  superseded?: boolean;
  onItemClick(itemId: string): void;
  onCancel(requestId: string): void;
}

function IntentChip({ data }: { data: Record<string, unknown> | undefined }) {
  const intent = data?.intent as { primary_intent?: unknown; confidence?: unknown } | undefined;
  if (typeof intent?.primary_intent !== 'string') return null;
  const confidence = typeof intent.confidence === 'number' ? ` · ${formatPercent(intent.confidence, 0)}` : '';
  return <span className="agent-intent">{`${intent.primary_intent.replace(/_/g, ' ')}${confidence}`}</span>;
}

/** The heading is a fresh object each render; compare its fields so memo still skips unchanged rows. */
function sameProps(a: FeedMessageProps, b: FeedMessageProps): boolean {
  return (
    a.message === b.message &&
    a.superseded === b.superseded &&
    a.onItemClick === b.onItemClick &&
    a.onCancel === b.onCancel &&
    !a.header === !b.header &&
    a.header?.status === b.header?.status &&
    a.header?.input === b.header?.input &&
    a.header?.userId === b.header?.userId
  );
}

/**
 * One progress message: exactly one element, a direct child of the feed, with `data-type`
 * (UI-8). Memoised: messages are immutable and the feed only appends.
 */
export const FeedMessage = memo(function FeedMessage({
  message,
  header,
  superseded,
  onItemClick,
  onCancel,
}: FeedMessageProps) {
  const { type, data } = message;
  const refs = useMemo(() => extractItemRefs(message), [message]);
  const suppliers = useMemo(
    () => (type === 'supplier_results' ? parseSupplierResults(data) : null),
    [type, data],
  );
  const forecast = useMemo(
    () => (type === 'forecast_results' ? parseForecastResults(data) : null),
    [type, data],
  );
  const cancelled = type === 'error' && data?.reason === 'cancelled';

  return (
    <div
      className="agent-msg"
      data-type={type}
      data-request-id={message.requestId}
      data-first={header ? '' : undefined}
      data-cancelled={cancelled ? '' : undefined}
      data-superseded={superseded ? '' : undefined}
    >
      {header ? (
        <RequestHeader
          requestId={message.requestId}
          status={header.status}
          input={header.input}
          userId={header.userId ?? message.userId}
          onCancel={onCancel}
        />
      ) : null}
      <div className="agent-msg__line">
        <span className="agent-msg__label">{cancelled ? 'Cancelled' : LABELS[type]}</span>
        <span className="agent-msg__text">{message.message}</span>
        <time className="agent-msg__time" dateTime={message.timestamp}>
          {formatTime(message.timestamp)}
        </time>
      </div>
      {type === 'intent_analysis' ? <IntentChip data={data} /> : null}
      {type === 'progress' ? <ProgressBar done={data?.done} total={data?.total} /> : null}
      <ItemRefs refs={refs} removed={type === 'item_removed'} onItemClick={onItemClick} />
      {suppliers ? <SupplierTable suppliers={suppliers} /> : null}
      {forecast ? <ForecastChart results={forecast} /> : null}
    </div>
  );
}, sameProps);
