// What the centre e2e tests share: a real pouchdb-server prepared as a centre (the contract's
// databases and rules, tests/support/centre-ui-fixture.ts), browser profiles connected to it in
// Settings as a lecturer connects, and
// a deck with a Vietnamese-named image made in a profile as a lecturer makes one.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { startCentreServer, type CentreServer } from '../support/centre-server.ts';
import { CentreFixture, type Account } from '../support/centre-ui-fixture.ts';
import { openLibrary } from './support/browser.ts';

export const ADMIN: Account = { name: 'quản.trị.hà', password: 'mật khẩu quản trị' };
export const AN: Account = { name: 'nguyễn.văn.an', password: 'mật khẩu của An' };
export const BINH: Account = { name: 'trần.thị.bình', password: 'mật khẩu của Bình' };

/** A deck made the way a lecturer makes one: a Markdown file imported, then its image added on
 *  the deck's media page (a Vietnamese file name, stored as `media/Ảnh-lớp-học.png`). */
export const DECK_TITLE = 'Bài 3 — Công tác chi bộ';
export const DECK_IMAGE = 'media/Ảnh-lớp-học.png';
const IMAGE_FILE = 'tests/fixtures/media/Ảnh lớp học.png';

export interface CentreSetup {
  readonly server: CentreServer;
  readonly centre: CentreFixture;
}

/** A centre server for the file's tests: an administrator and two lecturers. */
export function useCentre(): CentreSetup {
  let server: CentreServer | undefined;
  let centre: CentreFixture | undefined;
  beforeAll(async () => {
    server = await startCentreServer();
    centre = await CentreFixture.setup(server);
    await centre.addUser(ADMIN, { admin: true });
    await centre.addUser(AN);
    await centre.addUser(BINH);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('centre used before beforeAll');
      return server;
    },
    get centre() {
      if (!centre) throw new Error('centre used before beforeAll');
      return centre;
    },
  };
}

/** A new profile connected to the centre as `account` in Settings → "Centre sync" (English UI
 *  for connecting), then on its library screen in `lang`: in English by following the app's own
 *  link, without a reload, so the Centre library must appear from the connection alone. */
export async function openConnected(context: BrowserContext, server: CentreServer, account: Account, lang: 'vi' | 'en' = 'en'): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('pageerror:', error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`console (${account.name}):`, message.text());
  });
  await openLibrary(page, 'en');
  expect(await page.locator('lectern-centre-library').count()).toBe(0);
  await connectInSettings(page, server, account);
  if (lang === 'en') await page.evaluate(() => (location.hash = '#/library'));
  else await openLibrary(page, lang);
  await expect.poll(() => page.locator('lectern-centre-library').count(), { timeout: 60_000 }).toBe(1);
  return page;
}

/** Settings → "Centre sync": server address, user name, password, Connect, as a lecturer does it
 *  (the page stays loaded: the app's own navigation). */
export async function connectInSettings(page: Page, server: CentreServer, account: Account, expectConnected = true): Promise<void> {
  await page.evaluate(() => (location.hash = '#/settings'));
  const group = page.locator('lectern-centre-sync');
  await group.getByRole('heading', { name: 'Centre sync' }).waitFor({ timeout: 60_000 });
  await group.getByRole('textbox', { name: 'Server address' }).fill(server.url);
  await group.getByRole('textbox', { name: 'User name' }).fill(account.name);
  await group.getByLabel('Password').fill(account.password);
  await group.getByRole('button', { name: 'Connect' }).click();
  if (expectConnected) await group.getByRole('button', { name: 'Disconnect' }).waitFor({ timeout: 120_000 });
}

/** The region "Centre library" of the library screen. */
export function centreRegion(page: Page, name = 'Centre library') {
  return page.getByRole('region', { name });
}

/** Makes DECK_TITLE with its image in the profile's library; returns the deck's id. */
export async function makeDeckWithImage(page: Page, dir: string): Promise<string> {
  const file = join(dir, 'bai-3.md');
  writeFileSync(file, `---\ntitle: ${DECK_TITLE}\n---\n\n# Mở đầu\n\n![Ảnh lớp học](${DECK_IMAGE})\n`);
  await expect.poll(() => page.getByRole('button', { name: 'Back up library' }).isEnabled(), { timeout: 30_000 }).toBe(true);
  await page.locator('input.import').setInputFiles(file);
  await page.waitForURL(/#\/edit\//, { timeout: 60_000 });
  const deckId = deckIdOf(page.url());
  await page.goto(`${inject('baseURL')}?lang=en#/media/${encodeURIComponent(deckId)}`);
  await page.locator('input[type=file][accept^="image"]').setInputFiles(IMAGE_FILE);
  await page.locator(`li.card[data-path="${DECK_IMAGE}"]`).waitFor({ timeout: 60_000 });
  await page.goto(`${inject('baseURL')}?lang=en#/library`);
  await page.locator('article.deck h2', { hasText: DECK_TITLE }).waitFor({ timeout: 60_000 });
  return deckId;
}

/** The deck id of an editor or media URL. */
export function deckIdOf(url: string): string {
  return decodeURIComponent(/#\/(?:edit|media)\/([^/?#]+)/.exec(url)![1]!);
}
