import { describe, expect, it } from 'vitest';
import { editField, eventually, field, firstItemId, openBoard, row, screenshot } from './support/browser.js';
import { useBrowserAndServer } from './support/browser-and-server.js';

const e2e = useBrowserAndServer();

// Generous: two browser contexts and a server share what may be a busy CI machine.
describe('two people in the demo room', { timeout: 120_000 }, () => {
  it('UI-6, UI-11: see each other’s field edits live, and an invalid value is refused', async () => {
    const alice = await openBoard(e2e.browser, e2e.server.url, 'demo', 'alice');
    const bob = await openBoard(e2e.browser, e2e.server.url, 'demo', 'bob');
    const id = await firstItemId(alice.page);

    await editField(alice.page, id, 'current_stock', '777');
    await eventually(() => field(bob.page, id, 'current_stock').inputValue()).toBe('777');
    await eventually(() => row(bob.page, id).textContent()).toContain('alice');

    await editField(alice.page, id, 'supplier', 'Acme Test Supply');
    await eventually(() => field(bob.page, id, 'supplier').inputValue()).toBe('Acme Test Supply');

    // Refused input: a visible message, nothing written anywhere.
    await editField(alice.page, id, 'current_stock', 'lots');
    await eventually(() => alice.page.locator('[data-testid="field-error"]').textContent()).toMatch(
      /current_stock/,
    );
    await screenshot(alice.page, 'e2e-collab-invalid-input');
    await field(alice.page, id, 'current_stock').press('Escape');
    expect(await field(alice.page, id, 'current_stock').inputValue()).toBe('777');
    expect(await field(bob.page, id, 'current_stock').inputValue()).toBe('777');
    await screenshot(bob.page, 'e2e-collab-bob-sees-edit');
    await alice.page.context().close();
    await bob.page.context().close();
  });

  it('UI-10: show both people in the presence bar, and outline the row someone else is editing', async () => {
    const alice = await openBoard(e2e.browser, e2e.server.url, 'demo', 'alice');
    const bob = await openBoard(e2e.browser, e2e.server.url, 'demo', 'bob');
    const peers = (page: typeof alice.page) => page.locator('[data-testid="presence"] > *');
    await eventually(() => peers(alice.page).count()).toBe(2);
    await eventually(() => peers(bob.page).count()).toBe(2);
    expect(await alice.page.locator('[data-testid="presence"]').textContent()).toMatch(/alice.*\(you\).*bob/);

    const id = await firstItemId(alice.page);
    await field(alice.page, id, 'sku').click();
    await eventually(() => row(bob.page, id).getAttribute('class')).toContain('row--remote-edit');
    await screenshot(bob.page, 'e2e-presence-remote-edit');
    await alice.page.keyboard.press('Escape');
    await eventually(() => row(bob.page, id).getAttribute('class')).not.toContain('row--remote-edit');

    await alice.page.context().close();
    await eventually(() => peers(bob.page).count(), 15_000).toBe(1);
    await bob.page.context().close();
  });

  it('add, filter, remove, and a feed entry that scrolls to and flashes its row', async () => {
    const alice = await openBoard(e2e.browser, e2e.server.url, 'demo', 'alice');
    const bob = await openBoard(e2e.browser, e2e.server.url, 'demo', 'bob');

    const lowCount = async () => Number(await bob.page.getByTestId('low-count').textContent());
    const lowBefore = await lowCount();
    await alice.page.getByTestId('add-item-toggle').click();
    const form = alice.page.getByTestId('add-item-form');
    await form.locator('input[name="name"]').fill('E2E Gadget');
    await form.locator('input[name="sku"]').fill('E2E-1');
    await form.locator('input[name="current_stock"]').fill('2');
    await form.locator('input[name="reorder_point"]').fill('5');
    await alice.page.getByTestId('add-item-submit').click();

    // Bob finds it with the text filter; it is low on stock, so the low-stock filter keeps it.
    await bob.page.getByTestId('filter-text').fill('e2e gadget');
    const added = bob.page.locator('[data-testid="item-row"]');
    await eventually(() => added.count()).toBe(1);
    const id = (await added.first().getAttribute('data-item-id'))!;
    expect(await added.first().getAttribute('data-low')).toBe('true');
    await bob.page.getByTestId('filter-low').check();
    await eventually(() => added.count()).toBe(1);
    expect(await lowCount()).toBe(lowBefore + 1);
    await bob.page.getByTestId('filter-low').uncheck();
    await bob.page.getByTestId('filter-text').fill('');

    // The feed names the item; clicking it scrolls the board to the row and flashes it.
    await bob.page.locator('[data-testid="activity-feed"] button', { hasText: 'E2E Gadget' }).first().click();
    await eventually(() => row(bob.page, id).getAttribute('class')).toContain('row--flash');
    await screenshot(bob.page, 'e2e-added-item-flash');

    await row(alice.page, id).getByTestId('remove-item').click();
    await eventually(() => row(bob.page, id).count()).toBe(0);
    await alice.page.context().close();
    await bob.page.context().close();
  });

  it('undo and redo revert only your own edit, with buttons and keyboard', async () => {
    const alice = await openBoard(e2e.browser, e2e.server.url, 'demo', 'alice');
    const bob = await openBoard(e2e.browser, e2e.server.url, 'demo', 'bob');
    const id = await firstItemId(alice.page);
    const before = await field(alice.page, id, 'min_stock').inputValue();

    await editField(alice.page, id, 'min_stock', '4321');
    await editField(bob.page, id, 'max_stock', '98765');
    await eventually(() => field(alice.page, id, 'max_stock').inputValue()).toBe('98765');

    await alice.page.getByTestId('undo').click();
    await eventually(() => field(bob.page, id, 'min_stock').inputValue()).toBe(before);
    expect(await field(alice.page, id, 'max_stock').inputValue()).toBe('98765'); // bob's edit stays

    await alice.page.getByTestId('redo').click();
    await eventually(() => field(bob.page, id, 'min_stock').inputValue()).toBe('4321');

    // Keyboard: not while typing in a field, so move focus to the page first.
    await alice.page.locator('body').click({ position: { x: 5, y: 5 } });
    await alice.page.keyboard.press('Control+z');
    await eventually(() => field(bob.page, id, 'min_stock').inputValue()).toBe(before);
    await alice.page.keyboard.press('Control+Shift+z');
    await eventually(() => field(bob.page, id, 'min_stock').inputValue()).toBe('4321');
    await screenshot(alice.page, 'e2e-undo-redo');
    await alice.page.context().close();
    await bob.page.context().close();
  });
});
