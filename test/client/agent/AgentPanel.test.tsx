// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AgentPanel } from '../../../client/src/agent/AgentPanel.js';
import { SUGGESTED_PHRASES } from '../../../client/src/agent/phrases.js';
import { FakeProgressSource, msg } from './fixtures.js';

afterEach(cleanup);

function renderPanel(onItemClick = vi.fn()) {
  const source = new FakeProgressSource();
  render(<AgentPanel room="demo" userId="alice" onItemClick={onItemClick} client={source} />);
  return {
    source,
    onItemClick,
    feed: screen.getByTestId('progress-feed'),
    input: screen.getByTestId('agent-input'),
  };
}

describe('AgentPanel', () => {
  it('renders exactly one feed child per message, each with its data-type, grouped by request', () => {
    const { source, feed } = renderPanel();
    act(() =>
      source.push(
        msg('start', 'a'),
        msg('start', 'b'),
        msg('intent_analysis', 'a', { intent: { primary_intent: 'inventory_management' } }),
        msg('progress', 'a', { done: 2, total: 4 }),
        msg('item_added', 'a', { itemId: 'inv-1' }),
        msg('complete', 'a'),
        msg('error', 'b', { reason: 'cancelled' }),
      ),
    );
    const types = Array.from(feed.children, (child) => child.getAttribute('data-type'));
    expect(types).toEqual([
      'start',
      'intent_analysis',
      'progress',
      'item_added',
      'complete',
      'start',
      'error',
    ]);
    expect(feed.querySelectorAll('[data-first]')).toHaveLength(2);
    expect(within(feed).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('2');
    const badges = Array.from(feed.querySelectorAll('.agent-badge'), (badge) => badge.textContent);
    expect(badges).toEqual(['complete', 'cancelled']);
  });

  it('keeps every progress line as a child but marks all but the latest as superseded', () => {
    const { source, feed } = renderPanel();
    act(() =>
      source.push(
        msg('start', 'a'),
        ...[1, 2, 3].map((done) => msg('progress', 'a', { done, total: 3 })),
        msg('forecast_results', 'a'),
      ),
    );
    expect(feed.children).toHaveLength(5);
    const progress = Array.from(feed.querySelectorAll('[data-type="progress"]'));
    expect(progress.map((el) => el.hasAttribute('data-superseded'))).toEqual([true, true, false]);
  });

  it('sends a user_request on Enter and clears the box', () => {
    const { source, input } = renderPanel();
    fireEvent.change(input, { target: { value: 'Restock low-stock items' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(source.sent).toEqual([
      {
        type: 'user_request',
        requestId: 'req-1',
        options: { input: 'Restock low-stock items', userId: 'alice' },
      },
    ]);
    expect((input as HTMLInputElement).value).toBe('');
    // Shown as queued until the server starts it; the feed itself stays messages-only.
    const queue = screen.getByLabelText('Waiting requests');
    expect(within(queue).getByText('Restock low-stock items')).toBeTruthy();
    expect(within(queue).getByText('queued')).toBeTruthy();
    expect(screen.getByTestId('progress-feed').children).toHaveLength(0);
  });

  it('fills the box from a suggested phrase without sending', () => {
    const { source, input } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: SUGGESTED_PHRASES[3] }));
    expect((input as HTMLInputElement).value).toBe(SUGGESTED_PHRASES[3]);
    expect(source.sent).toEqual([]);
  });

  it('disables the box with a hint while the channel is offline', () => {
    const { source, input } = renderPanel();
    act(() => source.setStatus('offline'));
    expect((input as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(/Agents are unreachable/)).toBeTruthy();
    act(() => source.setStatus('online'));
    expect((input as HTMLInputElement).disabled).toBe(false);
  });

  it('links the items a message names in data.refs, by name when it has one', () => {
    const { source, feed, onItemClick } = renderPanel();
    act(() =>
      source.push(
        msg('start', 'a'),
        msg('item_added', 'a', { refs: [{ id: 'inv-7', name: 'Widget X' }], itemId: 'inv-7' }),
        msg('item_removed', 'a', { refs: [{ id: 'inv-8' }, { id: 'inv-9' }], itemIds: ['inv-8', 'inv-9'] }),
        msg('field_changed', 'a', { refs: [{ id: 'inv-10' }], itemId: 'inv-10', field: 'current_stock' }),
      ),
    );
    fireEvent.click(within(feed).getByRole('button', { name: 'Widget X' }));
    fireEvent.click(within(feed).getByRole('button', { name: 'inv-9' }));
    fireEvent.click(within(feed).getByRole('button', { name: 'inv-10' }));
    expect(onItemClick.mock.calls).toEqual([['inv-7'], ['inv-9'], ['inv-10']]);
  });

  it('offers cancel on the running request only, and sends cancel', () => {
    const { source, feed } = renderPanel();
    act(() => source.push(msg('start', 'done'), msg('complete', 'done'), msg('start', 'live')));
    const cancels = within(feed).getAllByTestId('agent-cancel');
    expect(cancels).toHaveLength(1);
    fireEvent.click(cancels[0] as HTMLElement);
    expect(source.sent).toEqual([{ type: 'cancel', requestId: 'live' }]);
    act(() => source.push(msg('error', 'live', { reason: 'cancelled' })));
    expect(within(feed).queryAllByTestId('agent-cancel')).toHaveLength(0);
  });

  it('renders supplier and forecast results inside their messages', () => {
    const { source, feed } = renderPanel();
    const suppliers = [
      {
        supplier: 'Acme',
        orders: 3,
        on_time_rate: 0.5,
        mean_lead_time_days: 2,
        p90_lead_time_days: 3,
        fill_rate: 1,
        defect_rate: 0,
        score: 0.7,
        rank: 1,
      },
    ];
    const forecasts = [{ sku: 'SKU-1', daily: [1, 2], total: 3 }];
    act(() =>
      source.push(
        msg('start', 'a'),
        msg('supplier_results', 'a', { suppliers }),
        msg('forecast_results', 'a', {
          horizon_days: 2,
          forecasts,
          accuracy: { mase: 0.82, smape: 20, baseline_mase: 1 },
        }),
      ),
    );
    expect(feed.children).toHaveLength(3);
    expect(within(feed).getByTestId('supplier-table').textContent).toContain('Acme');
    expect(within(feed).getByTestId('forecast-accuracy').textContent).toContain(
      'beats seasonal-naive by 18%',
    );
  });

  it('shows a channel-level notice and lets it be dismissed', () => {
    const { source } = renderPanel();
    act(() => source.push({ type: 'error', message: 'Invalid JSON format' } as never));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('Invalid JSON format')).toBeNull();
  });
});
