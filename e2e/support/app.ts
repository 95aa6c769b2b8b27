import type { Locator, Page } from 'playwright-core';

/** Logs in through the real login form and waits for the shell to show the person's name. */
export async function loginViaUi(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('header-full-name').waitFor();
}

/** Picks an option of an antd Select by its exact label, typing first to narrow long lists. */
export async function chooseOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  if (await select.isEditable()) await select.fill(label);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click();
}

/** A logged-in API client for test setup, using the session cookie and CSRF token as a browser would. */
export async function apiSession(baseUrl: string, username: string, password: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`Login as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const send = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { cookie };
    if (method !== 'GET') Object.assign(headers, { 'x-csrf-token': csrfToken, 'content-type': 'application/json' });
    const r = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return {
    get: <T>(path: string) => send<T>('GET', path),
    post: <T>(path: string, body: unknown = {}) => send<T>('POST', path, body),
    /** Sends a file as the upload field of a form would (to /api/files by default); answers the id given. */
    upload: async (name: string, content: Buffer, path = '/api/files', method = 'POST'): Promise<string> => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(content)]), name);
      const r = await fetch(`${baseUrl}${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken }, body: form });
      if (!r.ok) throw new Error(`upload ${name}: ${r.status} ${await r.text()}`);
      const body = (await r.json()) as { id?: string; fileId?: string };
      return body.id ?? body.fileId ?? '';
    },
  };
}
