// The same lecturer on two machines (two Chromium profiles) syncing through a real pouchdb-server:
// connect in Settings → "Centre sync", a deck made on machine 1 (with media) appears on machine 2,
// the same deck edited offline on both becomes a conflict shown with both versions, and keeping
// both leaves both texts in both libraries.
import { userDbName } from '@lectern/centre';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentreServer, type CentreServer } from '../support/centre-server.ts';
import { CentreFixture, basicAuth } from '../support/centre-ui-fixture.ts';
import { connectInSettings } from './centre-library-support.ts';
import { appUrl, editor, freshPage, newDeck, replaceText, waitSaved } from './authoring-support.ts';
import { openLibrary, useBrowser } from './support/browser.ts';

const chrome = useBrowser();
const lecturer = { name: 'lê.văn.cường', password: 'mật khẩu của Cường' };
let server: CentreServer;

beforeAll(async () => {
  server = await startCentreServer({ lifetimeSeconds: 1800 });
  const centre = await CentreFixture.setup(server);
  await centre.addUser(lecturer);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

async function connect(page: Page): Promise<void> {
  await connectInSettings(page, server, lecturer);
  const group = page.locator('lectern-centre-sync');
  await expect.poll(() => group.getByRole('status').innerText(), { timeout: 120_000 }).toMatch(/^Synced /);
}

async function syncNow(page: Page): Promise<void> {
  await page.goto(appUrl('#/settings'));
  const group = page.locator('lectern-centre-sync');
  await group.getByRole('button', { name: 'Sync now' }).click({ timeout: 60_000 });
  await expect.poll(() => group.getByRole('status').innerText(), { timeout: 120_000 }).toMatch(/^Synced /);
}

/** The library's decks and their media links, read from the app's IndexedDB. */
async function library(page: Page): Promise<{ id: string; markdown: string; deletedAt?: string; media: string[] }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('lectern');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['decks', 'deckAssets', 'assets']);
          const decks = tx.objectStore('decks').getAll();
          const links = tx.objectStore('deckAssets').getAll();
          const assets = tx.objectStore('assets').getAllKeys();
          tx.oncomplete = () => {
            open.result.close();
            const present = new Set(assets.result);
            resolve(
              (decks.result as { id: string; markdown: string; deletedAt?: string }[]).map((d) => ({
                id: d.id,
                markdown: d.markdown,
                ...(d.deletedAt ? { deletedAt: d.deletedAt } : {}),
                media: (links.result as { deckId: string; assetId: string }[]).filter((l) => l.deckId === d.id && present.has(l.assetId)).map((l) => l.assetId),
              })),
            );
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function serverText(deckId: string): Promise<string | undefined> {
  const reply = await fetch(`${server.url}/${userDbName(lecturer.name)}/${encodeURIComponent(`deck:${deckId}`)}`, { headers: { Authorization: basicAuth(server.admin) } });
  return reply.ok ? ((await reply.json()) as { markdown: string }).markdown : undefined;
}

describe('centre sync: one lecturer, two machines', () => {
  it('brings a deck with its media to the other machine, and resolves an offline conflict by keeping both', { timeout: 900_000 }, async () => {
    const one = await freshPage(chrome.browser, 'en');
    await openLibrary(one.page, 'en');
    const deckId = await newDeck(one.page, 'en');
    await replaceText(one.page, '# Bài chung của hai máy\n\nBản gốc.\n', 'en');
    await waitSaved(one.page);
    await connect(one.page);
    const onOne = await library(one.page);
    const withMedia = onOne.find((d) => d.media.length > 0)!;
    expect(withMedia).toBeTruthy();
    expect(await serverText(deckId)).toBe('# Bài chung của hai máy\n\nBản gốc.\n');

    const two = await freshPage(chrome.browser, 'en');
    await openLibrary(two.page, 'en');
    await connect(two.page);
    const onTwo = await library(two.page);
    expect(onTwo.find((d) => d.id === deckId)?.markdown).toBe('# Bài chung của hai máy\n\nBản gốc.\n');
    // A deck of machine 1 with media (a seeded sample) arrived with the same bytes' ids.
    expect(onTwo.find((d) => d.id === withMedia.id)?.media.sort()).toEqual(withMedia.media.sort());
    // Machine 2 seeded the same samples under the same ids: each is listed once, not twice.
    const ids = (lib: { id: string; deletedAt?: string }[]) => lib.filter((d) => !d.deletedAt).map((d) => d.id).sort();
    expect(ids(onTwo)).toEqual(ids(await library(one.page)));
    await two.page.goto(appUrl('#/library'));
    await two.page.locator(`article.deck[data-deck-id="${deckId}"]`).waitFor({ timeout: 60_000 });

    // Both machines edit the same deck while offline.
    for (const [machine, words] of [[one, 'Sửa ở máy 1.'], [two, 'Sửa ở máy 2.']] as const) {
      await machine.page.goto(appUrl(`#/edit/${encodeURIComponent(deckId)}`));
      // The editor's code loads on demand: wait for it before the network goes.
      await editor(machine.page, 'en').waitFor({ timeout: 60_000 });
      await machine.context.setOffline(true);
      await replaceText(machine.page, `# Bài chung của hai máy\n\n${words}\n`, 'en');
      await waitSaved(machine.page);
    }
    await one.context.setOffline(false);
    await expect.poll(() => serverText(deckId), { timeout: 120_000 }).toBe('# Bài chung của hai máy\n\nSửa ở máy 1.\n');
    await two.context.setOffline(false);

    // Machine 2 shows the conflict with both versions, and keeps both.
    await two.page.goto(appUrl('#/settings'));
    const group = two.page.locator('lectern-centre-sync');
    const compare = group.getByRole('button', { name: /^Compare: / });
    await group.getByRole('button', { name: 'Sync now' }).click({ timeout: 60_000 });
    await compare.first().click({ timeout: 180_000 });
    const dialog = group.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Two versions of “Bài chung của hai máy”' }).waitFor();
    await expect.poll(() => dialog.innerText()).toContain('Sửa ở máy 1.');
    expect(await dialog.innerText()).toContain('Sửa ở máy 2.');
    // The other version is kept as a copy unless chosen otherwise.
    expect(await dialog.getByRole('radio', { name: 'Keep it as a copy (a new deck) (Other version 1)' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Apply these choices' }).click();
    await expect.poll(() => compare.count(), { timeout: 120_000 }).toBe(0);
    await expect.poll(() => group.getByRole('status').innerText(), { timeout: 120_000 }).toMatch(/^Synced /);

    const texts = (lib: { markdown: string; deletedAt?: string }[]) =>
      lib.filter((d) => !d.deletedAt && d.markdown.startsWith('# Bài chung của hai máy')).map((d) => d.markdown).sort();
    const both = ['# Bài chung của hai máy\n\nSửa ở máy 1.\n', '# Bài chung của hai máy\n\nSửa ở máy 2.\n'];
    expect(texts(await library(two.page))).toEqual(both);
    await syncNow(one.page);
    await expect.poll(async () => texts(await library(one.page)), { timeout: 120_000 }).toEqual(both);
    await one.context.close();
    await two.context.close();
  });
});
