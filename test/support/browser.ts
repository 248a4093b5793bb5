import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { CHROMIUM_FLAGS, ensureChromium } from '../../scripts/services/chromium';

/** Git-ignored; CI keeps it as the run's artefacts. */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-artifacts', 'screenshots');

export interface TestBrowser {
  readonly browser: Browser;
  /** A fresh context (own cookies and localStorage: one person) with one page on `baseUrl`. */
  newPage(baseUrl: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts Debian's Chromium (installed on first use) through playwright-core, headless.
 * playwright-core's launch() gives it a fresh temporary profile (--user-data-dir) of its own
 * and removes it on close, so no run sees another's cookies or cache.
 */
export async function startBrowser(): Promise<TestBrowser> {
  const executablePath = await ensureChromium();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async newPage(baseUrl) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        viewport: { width: 1280, height: 860 },
      });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
      await browser.close();
    },
  };
}

/** Saves a full-page screenshot as test-artifacts/screenshots/<name>.png; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeProblem {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

/**
 * Runs axe-core (WCAG 2.1 A/AA rules) on the page as it is and returns the serious and
 * critical violations, each with the elements it found, so a failing test names them.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeProblem[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact!,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
}

/**
 * Waits until the first element of `locator` shows `expected`: the whole (trimmed) text for a
 * string, a match for a RegExp. playwright-core has no `expect`, so this is its retrying
 * assertion; on time-out it fails with what the page showed instead.
 */
export async function expectText(
  locator: Locator,
  expected: string | RegExp,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen: string | null = null;
  for (;;) {
    seen = await locator
      .first()
      .innerText({ timeout: 1_000 })
      .then((text) => text.trim())
      .catch(() => null);
    if (seen !== null && (typeof expected === 'string' ? seen === expected : expected.test(seen)))
      return;
    if (Date.now() > deadline)
      throw new Error(`${String(locator)} shows ${JSON.stringify(seen)}, not ${String(expected)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Fails when the page shows any element of `locator` (call it once the page has rendered). */
export async function expectAbsent(locator: Locator): Promise<void> {
  const count = await locator.count();
  if (count > 0)
    throw new Error(`${String(locator)} is on the page ${count} time(s); it should not be`);
}

/**
 * Waits until the page shows no loading indicator (Ant Design spinners, aria-busy) twice in a
 * row half a second apart: what a person would take for "loaded". Network idleness is no
 * measure here, since live pages keep polling.
 */
export async function settled(page: Page, timeoutMs = 15_000): Promise<void> {
  const busy = page.locator('.ant-spin-spinning, [aria-busy="true"]');
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  while (quiet < 2) {
    if (Date.now() > deadline) throw new Error(`${page.url()} still shows a loading indicator`);
    quiet = (await busy.count()) === 0 ? quiet + 1 : 0;
    await page.waitForTimeout(500);
  }
}
