import { memo, useMemo } from 'react';
import './feed-message.css';
import type { ProgressDataOf, ProgressMessage, ProgressType } from '../../../shared/progress.js';
import { ForecastChart } from './ForecastChart.js';
import { formatPercent, formatTime } from './format.js';
import { extractItemRefs } from './item-refs.js';
import { ItemRefs } from './ItemRefs.js';
import { ProgressBar } from './ProgressBar.js';
import type { RequestStatus } from './progress-state.js';
import { RequestHeader } from './RequestHeader.js';
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

function IntentChip({ data }: { data: ProgressDataOf<'intent_analysis'> | undefined }) {
  if (!data) return null;
  const confidence = ` · ${formatPercent(data.confidence, 0)}`;
  return (
    <span className="agent-intent">{`${data.intent.primary_intent.replace(/_/g, ' ')}${confidence}`}</span>
  );
}

/** The parts below the line that depend on the type: each reads its own typed `data`. */
function Details({ message }: { message: ProgressMessage }) {
  switch (message.type) {
    case 'intent_analysis':
      return <IntentChip data={message.data} />;
    case 'progress':
      return <ProgressBar done={message.data?.done} total={message.data?.total} />;
    case 'supplier_results':
      return message.data ? <SupplierTable suppliers={message.data.suppliers} /> : null;
    case 'forecast_results':
      return message.data ? <ForecastChart results={message.data} /> : null;
    default:
      return null;
  }
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
  const { type } = message;
  const refs = useMemo(() => extractItemRefs(message), [message]);
  const cancelled = message.type === 'error' && message.data?.reason === 'cancelled';

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
      <Details message={message} />
      <ItemRefs refs={refs} removed={type === 'item_removed'} onItemClick={onItemClick} />
    </div>
  );
}, sameProps);
