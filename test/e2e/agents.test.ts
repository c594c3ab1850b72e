import { describe, expect, it } from 'vitest';
import { eventually, field, openBoard, row, screenshot } from './support/browser.js';
import { useBrowserAndServer } from './support/browser-and-server.js';

const e2e = useBrowserAndServer();

async function itemIds(): Promise<Set<string>> {
  const body = (await (await fetch(`${e2e.server.url}/api/rooms/demo/items`)).json()) as {
    items: { id: string }[];
  };
  return new Set(body.items.map((item) => item.id));
}

describe('an agent request from the browser', { timeout: 120_000 }, () => {
  it('UI-7, UI-8: streams its feed to both people, ending in complete, and the new rows reach both boards', async () => {
    const alice = await openBoard(e2e.browser, e2e.server.url, 'demo', 'alice');
    const bob = await openBoard(e2e.browser, e2e.server.url, 'demo', 'bob');
    const before = await itemIds();

    const input = alice.page.locator('[data-testid="agent-input"]');
    await input.fill('Add 5 new inventory items for Q1 planning');
    await input.press('Enter');

    for (const person of [alice, bob]) {
      const feed = person.page.locator('[data-testid="progress-feed"]');
      await feed.locator('> [data-type="complete"]').waitFor({ timeout: 30_000 });
      const types = await feed
        .locator('> [data-type]')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-type')));
      expect(types[0]).toBe('start');
      expect(types).toContain('intent_analysis');
      expect(types.filter((t) => t === 'item_added')).toHaveLength(5);
      expect(types.at(-1)).toBe('complete');
    }

    const added = [...(await itemIds())].filter((id) => !before.has(id));
    expect(added).toHaveLength(5);
    for (const person of [alice, bob]) {
      for (const id of added) {
        // The board is virtualized: search for the item so that its row is rendered.
        await person.page.locator('[data-testid="filter-text"]').fill(id);
        await eventually(() => row(person.page, id).count()).toBe(1);
        expect(await field(person.page, id, 'sku').inputValue()).toBe(id);
      }
      await person.page.locator('[data-testid="filter-text"]').fill('');
    }
    await screenshot(alice.page, 'e2e-agent-request');
    await alice.page.context().close();
    await bob.page.context().close();
  });
});
