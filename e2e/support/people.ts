import type { Browser, Locator, Page } from 'playwright-core';
import { loginViaUi } from './app.js';

export const DEMO_PASSWORD = 'demo';

/** Each person in their own browser context, as on their own computer, in Vietnam time. */
export function people(browser: () => Browser, baseUrl: () => string) {
  return async function asUser(username: string): Promise<Page> {
    const context = await browser().newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    const page = await context.newPage();
    await loginViaUi(page, baseUrl(), username, DEMO_PASSWORD);
    return page;
  };
}

export async function done(page: Page) {
  await page.context().close();
}

/** Optional screenshots for looking at the screens: E2E_SCREENSHOT_DIR=/tmp/shots. */
export async function snap(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** Waits until the element shows the text: names fill in once the agency's people have loaded. */
export async function shows(locator: Locator, text: string) {
  await locator.filter({ hasText: text }).waitFor();
}

export const posted = (page: Page, path: RegExp, timeout = 30_000) =>
  page.waitForResponse((r) => r.request().method() === 'POST' && path.test(new URL(r.url()).pathname), { timeout });
