// Moving a library between profiles the two ways the library offers: drop several `.lectern`
// files onto it (each with its own preview), and "Back up library" / "Restore backup".
// Every profile is a fresh browser context (its own IndexedDB); nothing passes but the files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { SAMPLE_COUNT, openLibrary, useBrowser } from './support/browser.ts';

const chrome = useBrowser({ tempDir: 'lectern-e2e-library-import-' });
const { dir } = chrome;

async function openProfile(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('pageerror:', error.message));
  await openLibrary(page);
  // The sharing buttons are enabled once the library knows the sharing module is there.
  await expect.poll(() => page.getByRole('button', { name: 'Back up library' }).isEnabled(), { timeout: 30_000 }).toBe(true);
  return page;
}

describe('library import and backup', () => {
  it('should import two dropped bundles into a fresh profile, then back up and restore the library', { timeout: 300_000 }, async () => {
    // Profile A: export two decks (its samples: every profile seeds them under the same ids,
    // src/app/sample-identity.ts).
    const a = await chrome.browser.newContext({ acceptDownloads: true });
    const pageA = await openProfile(a);
    const cards = pageA.locator('article.deck');
    const ids = (await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-deck-id') ?? ''))).slice(0, 2);
    const titles: string[] = [];
    const files: { name: string; base64: string }[] = [];
    for (const id of ids) {
      const card = pageA.locator(`article.deck[data-deck-id="${id}"]`);
      titles.push(await card.locator('h2').innerText());
      const [download] = await Promise.all([pageA.waitForEvent('download'), card.getByRole('button', { name: 'Export', exact: true }).click()]);
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      files.push({ name: download.suggestedFilename(), base64: readFileSync(path).toString('base64') });
    }
    expect(files.map((f) => f.name)).toEqual(titles.map((t) => `${t}.lectern`));
    await a.close();

    // Profile B: drop both files (and a stray text file) on the library.
    const b = await chrome.browser.newContext({ acceptDownloads: true });
    const pageB = await openProfile(b);
    for (const id of ids) expect(await pageB.locator(`article.deck[data-deck-id="${id}"]`).count()).toBe(1);
    const dataTransfer = await pageB.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const { name, base64 } of list) {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], name, { type: 'application/zip' }));
      }
      dt.items.add(new File(['not a bundle'], 'notes.txt', { type: 'text/plain' }));
      return dt;
    }, files);
    const screen = pageB.locator('lectern-screen-library');
    await screen.dispatchEvent('dragover', { dataTransfer });
    await pageB.locator('lectern-screen-library .drop-zone').waitFor();
    await screen.dispatchEvent('drop', { dataTransfer });
    await pageB.locator('lectern-screen-library .drop-zone').waitFor({ state: 'detached' });
    // Each bundle is previewed and confirmed on its own; B has these decks already (the same
    // samples), so each is kept beside B's own as a copy.
    const dialog = pageB.locator('lectern-import-dialog');
    for (const title of titles) {
      await dialog.getByText(/^This deck is already in your library/).waitFor({ timeout: 60_000 });
      await expect.poll(() => dialog.locator('dd').first().innerText()).toBe(title);
      await dialog.getByRole('button', { name: 'Keep both' }).click();
    }
    await pageB.getByText('Not .lectern, .pptx, .docx, .md or .qmd files, left out: notes.txt').waitFor();
    await expect.poll(() => pageB.locator('article.deck').count(), { timeout: 60_000 }).toBe(SAMPLE_COUNT + 2);
    for (const title of titles) expect(await pageB.locator('article.deck h2', { hasText: title }).count()).toBe(2);
    const countB = await pageB.locator('article.deck').count();

    // Back up profile B's library.
    const [download] = await Promise.all([pageB.waitForEvent('download'), pageB.getByRole('button', { name: 'Back up library' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^lectern-\d{4}-\d{2}-\d{2}\.lectern-backup$/);
    const backup = join(dir, download.suggestedFilename());
    await download.saveAs(backup);
    await b.close();

    // Profile C: restore. The preview comes first; cancelling stores nothing.
    const c = await chrome.browser.newContext();
    const pageC = await openProfile(c);
    const restoreDialog = pageC.locator('lectern-restore-dialog');
    await pageC.locator('input.restore').setInputFiles(backup);
    await restoreDialog.getByText(`${countB} deck(s):`).waitFor({ timeout: 60_000 });
    for (const title of titles) await expect.poll(() => restoreDialog.locator('li').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(title)]));
    await restoreDialog.getByRole('button', { name: 'Cancel' }).click();
    await restoreDialog.waitFor({ state: 'detached' });
    expect(await pageC.locator('article.deck').count()).toBe(SAMPLE_COUNT);

    await pageC.locator('input.restore').setInputFiles(backup);
    // C's own samples are the backup's samples: by default they are skipped, the rest restored.
    await restoreDialog.getByText('already in your library').first().waitFor({ timeout: 60_000 });
    await restoreDialog.getByRole('button', { name: 'Restore' }).click({ timeout: 60_000 });
    await restoreDialog.waitFor({ state: 'detached', timeout: 60_000 });
    for (const id of ids) await pageC.locator(`article.deck[data-deck-id="${id}"]`).waitFor({ timeout: 60_000 });
    await expect.poll(() => pageC.locator('article.deck').count(), { timeout: 60_000 }).toBe(countB);
    await pageC.getByText(`Restored ${countB - SAMPLE_COUNT} decks, skipped ${SAMPLE_COUNT}.`).waitFor();
    await c.close();
  });
});
