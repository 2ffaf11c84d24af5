// The Centre library as a lecturer meets it, against a real centre server holding hostile content:
// a title made of HTML and script (shown as text), a document failing the schema (left out and
// counted), a deck whose media bytes do not match their SHA-256 (copy refused, nothing stored), a
// library larger than the listing's bound (bounded, said so); the list kept for offline use; a
// republish that sends only the deck document; a publish the server refuses (shown clearly).
// The section is a labelled region; actions are named buttons.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { LIBRARY_DB } from '@lectern/centre';
import { SAMPLE_COUNT, SAMPLE_TITLE, deckCards, openLibrary, useBrowser } from './support/browser.ts';
import { ADMIN, AN, BINH, centreRegion, connectInSettings, openConnected, useCentre } from './centre-library-support.ts';

const chrome = useBrowser();
const setup = useCentre();
const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> Bài “độc”';
const MISMATCH_TITLE = 'Bài có ảnh bị tráo';
const PLAIN_TITLE = 'Giáo án dùng chung — không có tư liệu';

function deckDoc(id: string, title: string, media: object[] = []) {
  const at = '2026-03-01T08:00:00.000Z';
  return { _id: `deck:${id}`, type: 'deck', owner: ADMIN.name, deckId: id, title, markdown: `---\ntitle: ${JSON.stringify(title)}\n---\n\n# ${title}\n`, createdAt: at, updatedAt: at, media, publishedBy: ADMIN.name, publishedAt: at };
}

async function ownDeckCount(page: Page): Promise<number> {
  return page.locator('lectern-screen-library article.deck[data-deck-id]').count();
}

describe('Centre library', () => {
  // Bình's profiles here: each profile syncs its library to the lecturer's database, and An's
  // tests below count An's decks.
  it('comes with Connect in Settings and goes with Disconnect, without a reload', { timeout: 300_000 }, async () => {
    const { server } = setup;
    const context = await chrome.browser.newContext({ locale: 'en-GB' });
    const page = await openConnected(context, server, BINH);
    await centreRegion(page).getByText(/^Updated /).waitFor({ timeout: 60_000 });
    const loads = await page.evaluate(() => performance.getEntriesByType('navigation').length + ':' + performance.timeOrigin);
    await page.evaluate(() => (location.hash = '#/settings'));
    const group = page.locator('lectern-centre-sync');
    await group.getByRole('button', { name: 'Disconnect' }).click({ timeout: 60_000 });
    await group.getByRole('button', { name: 'Connect' }).waitFor({ timeout: 60_000 });
    await page.evaluate(() => (location.hash = '#/library'));
    await expect.poll(() => page.locator('article.deck').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('lectern-centre-library').count(), { timeout: 60_000 }).toBe(0);
    expect(await centreRegion(page).count()).toBe(0);
    // Still the same page: nothing was reloaded.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length + ':' + performance.timeOrigin)).toBe(loads);
    await context.close();
  });

  it('words a refused password in Settings from the one catalogue, and takes a decomposed (NFD) user name', { timeout: 300_000 }, async () => {
    const { server } = setup;
    const context = await chrome.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await openLibrary(page, 'en');
    await connectInSettings(page, server, { name: BINH.name, password: 'sai mật khẩu' }, false);
    const group = page.locator('lectern-centre-sync');
    await group.getByRole('status').getByText('The centre server refused the user name or password.').waitFor({ timeout: 60_000 });
    expect(await page.locator('lectern-centre-library').count()).toBe(0);
    // The same lecturer, the name typed with combining marks: the server stores NFC.
    await connectInSettings(page, server, { name: BINH.name.normalize('NFD'), password: BINH.password });
    await page.evaluate(() => (location.hash = '#/library'));
    await centreRegion(page).getByText(/^Updated /).waitFor({ timeout: 60_000 });
    await context.close();
  });

  it('shows hostile titles as text, counts bad documents, refuses a mismatched file, works offline', { timeout: 600_000 }, async () => {
    const { server, centre } = setup;
    const png = readFileSync('tests/fixtures/media/Ảnh lớp học.png');
    const lie = createHash('sha256').update('other bytes').digest('hex');
    await centre.putMedia(ADMIN, lie, new Uint8Array(png), 'image/png');
    await centre.bulk(ADMIN, LIBRARY_DB, [
      deckDoc('a-hostile', HOSTILE_TITLE),
      deckDoc('a-mismatch', MISMATCH_TITLE, [{ path: 'media/ảnh.png', sha256: lie, type: 'image/png', size: png.byteLength, name: 'ảnh.png' }]),
      deckDoc('a-plain', PLAIN_TITLE),
      { _id: 'deck:a-broken', type: 'deck', owner: ADMIN.name, title: { html: '<b>x</b>' } },
    ]);

    const context = await chrome.browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await openConnected(context, server, AN);
    const region = centreRegion(page);
    await region.getByRole('heading', { name: PLAIN_TITLE }).waitFor({ timeout: 60_000 });
    await region.getByText('1 document(s) from the server could not be read and were left out.').waitFor();
    expect(await region.getByRole('heading', { level: 3 }).count()).toBe(3);

    // The hostile title is characters on the page, not markup.
    const hostile = region.locator('article').filter({ has: page.getByRole('heading', { name: HOSTILE_TITLE }) });
    expect(await hostile.count()).toBe(1);
    expect(await hostile.locator('img, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    // A lecturer is offered no way to publish.
    expect(await page.getByRole('button', { name: 'Publish to centre library' }).count()).toBe(0);

    // Keyboard: the copy action is a button with the deck's name, reached by Tab.
    const copyMismatch = region.getByRole('button', { name: `Copy “${MISMATCH_TITLE}” to my library` });
    await copyMismatch.focus();
    expect(await copyMismatch.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);

    // A file whose bytes are not what the deck says: refused with a reason, nothing stored.
    const before = await ownDeckCount(page);
    expect(before).toBe(SAMPLE_COUNT);
    await page.keyboard.press('Enter');
    await page.getByText('The file “ảnh.png” on the server does not match the published deck (different SHA-256). Nothing was copied; tell your centre administrator.').waitFor({ timeout: 60_000 });
    expect(page.url()).toContain('#/library');
    expect(await ownDeckCount(page)).toBe(before);

    // Offline: the server cannot be reached, the kept copy shows, and a deck without media copies.
    await context.route(`${server.url}/**`, (route) => route.abort('connectionrefused'));
    await page.reload();
    const offlineRegion = centreRegion(page);
    await offlineRegion.getByText(/The centre server cannot be reached: showing the copy kept at /).waitFor({ timeout: 60_000 });
    await offlineRegion.getByRole('heading', { name: PLAIN_TITLE }).waitFor();
    await offlineRegion.getByRole('button', { name: `Copy “${PLAIN_TITLE}” to my library` }).click();
    await page.waitForURL(/#\/edit\//, { timeout: 60_000 });
    await page.goto(page.url().replace(/#.*$/, '#/library'));
    await page.locator('article.deck h2', { hasText: PLAIN_TITLE }).waitFor({ timeout: 60_000 });
    expect(await ownDeckCount(page)).toBe(SAMPLE_COUNT + 1);
    await context.close();
  });

  it('bounds a very large library and says so', { timeout: 600_000 }, async () => {
    const { server, centre } = setup;
    await centre.bulk(ADMIN, LIBRARY_DB, Array.from({ length: 505 }, (_, i) => deckDoc(`m-${String(i).padStart(4, '0')}`, `Bài số ${i + 1}`)));
    const context = await chrome.browser.newContext({ locale: 'en-GB' });
    const page = await openConnected(context, server, AN);
    const region = centreRegion(page);
    // 500 documents are read at most; the one failing the schema (first test) is not shown.
    await region.getByText('The library is very large: only the first 499 decks are shown.').waitFor({ timeout: 120_000 });
    expect(await region.locator('article').count()).toBe(499);
    await context.close();
  });

  it('republishes without sending media again, and shows the server’s refusal once the role is gone', { timeout: 600_000 }, async () => {
    const { server, centre } = setup;
    const context = await chrome.browser.newContext({ locale: 'en-GB' });
    const page = await openConnected(context, server, ADMIN);
    const card = deckCards(page, SAMPLE_TITLE).first();
    const deckId = await card.getAttribute('data-deck-id');
    const publish = card.getByRole('button', { name: 'Publish to centre library' });
    await publish.waitFor({ timeout: 60_000 });
    const published = async () => centre.get(AN, LIBRARY_DB, `deck:${deckId}`);

    // The sample deck with its images and video: the deck document, then one document per file.
    await publish.click();
    await expect.poll(async () => (await published())?._rev, { timeout: 120_000 }).toMatch(/^1-/);
    const media = (await published())!.media as { sha256: string }[];
    expect(media.length).toBeGreaterThan(1);
    const mediaRevs = async () => Promise.all(media.map(async (m) => (await centre.get(AN, LIBRARY_DB, `media:${m.sha256}`))?._rev));
    const firstRevs = await mediaRevs();
    expect(firstRevs.every((rev) => typeof rev === 'string')).toBe(true);
    // Published again: the deck document is updated, the media (same bytes) are not sent again.
    await expect.poll(() => publish.isEnabled(), { timeout: 60_000 }).toBe(true);
    await publish.click();
    await expect.poll(async () => (await published())?._rev, { timeout: 120_000 }).toMatch(/^2-/);
    expect(await mediaRevs()).toEqual(firstRevs);
    await expect.poll(() => publish.isEnabled(), { timeout: 60_000 }).toBe(true);
    // Between showing the button and the click, the centre takes the role away: the server decides.
    await centre.demote(ADMIN);
    await publish.click();
    await page.getByText('The centre server refused: only centre administrators may publish to the centre library.').waitFor({ timeout: 60_000 });
    await context.close();
  });

  it('asks to connect again when the server has ended the session, instead of calling it unreachable', { timeout: 300_000 }, async () => {
    const { server, centre } = setup;
    const context = await chrome.browser.newContext({ locale: 'en-GB' });
    const page = await openConnected(context, server, BINH);
    await centreRegion(page).getByText(/^Updated /).waitFor({ timeout: 60_000 });
    // The centre gives Bình a new password: the server forgets the browser's session.
    const newPassword = 'mật khẩu mới của Bình';
    await centre.addUser({ ...BINH, password: newPassword });
    await page.reload();
    await centreRegion(page)
      .getByText('The centre server refused: the session has expired or the password has changed. Connect again in Settings.')
      .waitFor({ timeout: 60_000 });
    expect(await centreRegion(page).getByText(/cannot be reached/).count()).toBe(0);
    await context.close();
    await centre.addUser(BINH);
  });
});
