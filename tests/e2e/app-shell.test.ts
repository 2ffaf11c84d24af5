// The app shell: navigation by hash, back button, language switch, and that screens are lazy.
import { expect, inject, it } from 'vitest';
import { useBrowser } from './support/browser.ts';

const chrome = useBrowser();

it('should route by hash, follow the back button and switch language', async () => {
  const page = await chrome.browser.newPage();
  await page.goto(`${inject('baseURL')}?lang=vi#/sessions`);
  const main = page.locator('lectern-app main');
  await expect.poll(() => main.getAttribute('data-screen')).toBe('sessions');
  await expect.poll(() => page.locator('lectern-app nav a[aria-current="page"]').textContent()).toBe('Buổi học');

  await page.locator('lectern-app nav a[data-route="excerpts"]').click();
  await expect.poll(() => main.getAttribute('data-screen')).toBe('excerpts');
  expect(page.url()).toMatch(/#\/excerpts$/);

  await page.goBack();
  await expect.poll(() => main.getAttribute('data-screen')).toBe('sessions');

  await page.locator('lectern-app header select').selectOption('en');
  await expect.poll(() => page.locator('lectern-app nav a[data-route="library"]').textContent()).toBe('Library');
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
  await page.close();
});

it('should reach every navigation link with the keyboard', async () => {
  const page = await chrome.browser.newPage();
  await page.goto(`${inject('baseURL')}?lang=en#/library`);
  await page.locator('lectern-app nav a').first().waitFor();
  const focused: string[] = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    focused.push(await page.evaluate(() => document.querySelector('lectern-app')?.shadowRoot?.activeElement?.textContent?.trim() ?? ''));
  }
  for (const label of ['Library', 'Excerpts', 'Sessions', 'Report', 'Settings']) expect(focused).toContain(label);
  await page.close();
});

it('should carry a Content-Security-Policy that the app itself never violates', async () => {
  const page = await chrome.browser.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${inject('baseURL')}?lang=en#/library`);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  await page.waitForFunction(() => document.documentElement.dataset.lecternSamples === 'ready', null, { timeout: 120_000 });
  for (const name of ['excerpts', 'sessions', 'report', 'settings', 'library']) {
    await page.locator(`lectern-app nav a[data-route="${name}"]`).click();
    await expect.poll(() => page.locator('lectern-app main').getAttribute('data-screen')).toBe(name);
    await page.locator(`lectern-screen-${name}`).waitFor({ timeout: 60_000 });
  }
  expect(violations).toEqual([]);
  // A script injected the way an attacker would is refused by the policy.
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__cspProbe = true';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return (window as unknown as { __cspProbe?: boolean }).__cspProbe === true;
  });
  expect(ran).toBe(false);
  // The import's preview hashes media with WebAssembly (src/sharing/bundle-hash.ts), so the
  // policy allows compiling it ('wasm-unsafe-eval'), and that alone: eval() and new Function()
  // stay refused, as does inline script (above).
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  const wasm = await page.evaluate(async () => {
    const compiles = await WebAssembly.compile(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])).then(() => true, () => false);
    const attempt = (run: () => unknown) => {
      try {
        run();
        return true;
      } catch {
        return false;
      }
    };
    return { compiles, evals: attempt(() => (0, eval)('1 + 1')), functions: attempt(() => new Function('return 1')()) };
  });
  expect(wasm).toEqual({ compiles: true, evals: false, functions: false });
  await page.close();
});
