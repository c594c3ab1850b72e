import { useLayoutEffect, useRef } from 'react';
import './progress-feed.css';
import { FeedMessage } from './FeedMessage.js';
import type { RequestGroup } from './progress-state.js';

export interface ProgressFeedProps {
  requests: readonly RequestGroup[];
  onItemClick(itemId: string): void;
  onCancel(requestId: string): void;
}

/** How close to the bottom (px) still counts as "following" the feed. */
const FOLLOW_SLACK = 48;

/**
 * The live feed: a flat list whose direct children are the messages, one each, grouped by request
 * (requests oldest first). A request's heading sits inside its first message and CSS draws the
 * separator there, so tests can count messages as `progress-feed`'s children.
 */
export function ProgressFeed({ requests, onItemClick, onCancel }: ProgressFeedProps) {
  const feedRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const count = requests.reduce((sum, group) => sum + group.dropped + group.messages.length, 0);

  // Keep the newest message in view, unless the reader has scrolled up to look at older ones.
  useLayoutEffect(() => {
    const feed = feedRef.current;
    if (feed && following.current) feed.scrollTop = feed.scrollHeight;
  }, [count]);

  return (
    <div
      ref={feedRef}
      data-testid="progress-feed"
      className="agent-feed"
      role="log"
      aria-label="Agent activity"
      onScroll={(event) => {
        const el = event.currentTarget;
        following.current = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_SLACK;
      }}
    >
      {requests.flatMap((group) =>
        group.messages.map((message, index) => (
          <FeedMessage
            // Messages only append (old ones may be trimmed), so the absolute index is a stable key.
            key={`${group.requestId}:${group.dropped + index}`}
            message={message}
            header={
              index === 0 ? { status: group.status, input: group.input, userId: group.userId } : undefined
            }
            // A newer progress line makes this one redundant: it stays in the feed (one child per
            // message) but CSS hides it, so a long run shows one live bar instead of dozens.
            superseded={message.type === 'progress' && group.messages[index + 1]?.type === 'progress'}
            onItemClick={onItemClick}
            onCancel={onCancel}
          />
        )),
      )}
    </div>
  );
}
