import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';
import { chooseOption } from './support/app.js';
import { done, people, posted, shows, snap } from './support/people.js';
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const SUBJECT = 'Về việc rà soát hồ sơ lưu trữ năm 2026';
const RESULT = 'Đã tham mưu văn bản trả lời, trình lãnh đạo ký ban hành.';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const asUser = people(() => browser, () => server.baseUrl);

/** dd/mm/yyyy, the way the date fields are typed, `days` from today in Vietnam time. */
function vnDate(days: number): string {
  const d = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Tab until the field with this id has the focus; fails if the tab order never reaches it. */
async function tabTo(page: Page, id: string, maxPresses = 8): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedId(page)) === id) return;
  }
  throw new Error(`Tab never reached #${id}; focus is on #${await focusedId(page)}`);
}

describe('incoming documents', () => {
  it('[Q-11.3đ] [Q-11.2a] goes from registration through direction and assignment to a finished result on the timeline, and the printed register carries the number', async () => {
    // The clerk registers a paper document from the keyboard.
    const clerk = await asUser('vanthu.snv');
    await clerk.getByTestId('nav-incoming').click();
    await clerk.getByTestId('register-incoming').click();
    await clerk.getByTestId('register-form').waitFor();
    await clerk.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'source');
    await snap(clerk, 'register-form');

    await tabTo(clerk, 'issuerName');
    await clerk.keyboard.type('Ủy ban nhân dân tỉnh Thái Nguyên');
    await tabTo(clerk, 'codeNumber', 1);
    await clerk.keyboard.type('45');
    await tabTo(clerk, 'codeNotation', 1);
    await clerk.keyboard.type('UBND-NC');
    await tabTo(clerk, 'issuedDate', 1);
    await clerk.keyboard.type(vnDate(-3));
    await tabTo(clerk, 'typeName', 2);
    await clerk.keyboard.type('Công văn');
    await tabTo(clerk, 'subject', 1);
    await clerk.keyboard.type(SUBJECT);
    const registered = posted(clerk, /^\/api\/incoming\/?$/);
    await clerk.keyboard.press('Enter');
    expect((await registered).status()).toBe(201);
    expect(await clerk.getByTestId('arrival-number').textContent()).toBe('1');

    // …and presents it to the director.
    await clerk.getByTestId('present-after-register').click();
    const presentDialog = clerk.getByRole('dialog');
    await chooseOption(clerk, presentDialog.getByLabel('Lãnh đạo nhận văn bản'), 'Trần Văn Minh — Giám đốc');
    const presented = posted(clerk, /\/present$/);
    await presentDialog.getByRole('button', { name: 'Trình', exact: true }).click();
    expect((await presented).status()).toBe(200);
    await clerk.getByText('Đã trình lãnh đạo.').waitFor();
    await done(clerk);

    // The director finds it waiting and gives direction.
    const head = await asUser('giamdoc.snv');
    await head.getByTestId('nav-awaiting-direction').click();
    await head.getByTestId('awaiting-direction-table').getByText(SUBJECT).click();
    await head.getByTestId('document-title').getByText('Văn bản đến số 1').waitFor();
    await head.getByTestId('direct').click();
    const directDialog = head.getByRole('dialog');
    await chooseOption(head, directDialog.getByLabel('Đơn vị, cá nhân chủ trì'), 'Phòng Văn thư - Lưu trữ');
    await directDialog.getByLabel('Hạn xử lý của chủ trì').click();
    await head.keyboard.type(vnDate(10));
    await head.keyboard.press('Tab');
    await chooseOption(head, directDialog.getByLabel('Đơn vị, cá nhân phối hợp'), 'Phòng Tổ chức, biên chế');
    await directDialog.getByLabel('Ý kiến chỉ đạo').fill('Giao Phòng Văn thư - Lưu trữ chủ trì tham mưu trả lời.');
    const directed = posted(head, /\/direct$/);
    await directDialog.getByRole('button', { name: 'Chỉ đạo', exact: true }).click();
    expect((await directed).status()).toBe(200);
    await directDialog.waitFor({ state: 'hidden' });
    const assignments = head.getByTestId('assignments-table');
    await assignments.getByText('Phòng Văn thư - Lưu trữ').waitFor();
    await assignments.getByText('Phòng Tổ chức, biên chế').waitFor();
    await done(head);

    // The head of the lead unit hands it to a member of staff.
    const unitHead = await asUser('truongphong.snv');
    await unitHead.getByTestId('nav-unit-documents').click();
    const unitRow = unitHead.getByTestId('unit-tasks-table').locator('tr', { hasText: SUBJECT });
    await unitRow.getByRole('button', { name: 'Giao chuyên viên' }).click();
    const assignDialog = unitHead.getByRole('dialog');
    await chooseOption(unitHead, assignDialog.getByLabel('Chuyên viên xử lý'), 'Phạm Thị Mai — Chuyên viên');
    const assigned = posted(unitHead, /\/assign$/);
    await assignDialog.getByRole('button', { name: 'Giao việc' }).click();
    expect((await assigned).status()).toBe(200);
    await assignDialog.waitFor({ state: 'hidden' });
    await done(unitHead);

    // The member of staff finishes with a result.
    const staff = await asUser('chuyenvien.snv');
    await staff.getByTestId('nav-my-tasks').click();
    const taskRow = staff.getByTestId('my-tasks-table').locator('tr', { hasText: SUBJECT });
    await taskRow.getByRole('button', { name: 'Hoàn thành' }).click();
    const finishDialog = staff.getByRole('dialog');
    await finishDialog.getByLabel('Kết quả giải quyết').fill(RESULT);
    const finished = posted(staff, /\/finish$/);
    await finishDialog.getByRole('button', { name: 'Hoàn thành' }).click();
    expect((await finished).status()).toBe(200);
    await staff.getByTestId('my-tasks-table').getByText('Không có văn bản nào đang giao cho bạn').waitFor();
    await done(staff);

    // The clerk reads the whole story on the document's timeline.
    const reader = await asUser('vanthu.snv');
    await reader.getByTestId('nav-incoming').click();
    const entry = reader.getByTestId('incoming-table').getByText(SUBJECT);
    await entry.waitFor();
    await snap(reader, 'incoming-list');
    await entry.click();
    const timeline = reader.getByTestId('timeline');
    await timeline.getByTestId('timeline-finished').waitFor();
    await shows(timeline.getByTestId('timeline-registered'), 'Nguyễn Thị Lan');
    await shows(timeline.getByTestId('timeline-presented'), 'Trình Trần Văn Minh');
    await shows(timeline.getByTestId('timeline-directed'), 'Chủ trì: Phòng Văn thư - Lưu trữ');
    await shows(timeline.getByTestId('timeline-directed'), 'Phối hợp: Phòng Tổ chức, biên chế');
    await shows(timeline.getByTestId('timeline-assigned'), 'Giao Phạm Thị Mai');
    await shows(timeline.getByTestId('timeline-finished'), RESULT);
    expect(await reader.getByTestId('routing-state').textContent()).toBe('Đã giải quyết xong');
    await snap(reader, 'document-page');

    // The clerk prints the register: the printed row carries the number the screen gave.
    await reader.getByTestId('nav-incoming').click();
    const [download] = await Promise.all([reader.waitForEvent('download'), reader.getByRole('button', { name: /In sổ \(PDF\)/ }).click()]);
    const pdfPath = join(await mkdtemp(join(tmpdir(), 'vanthu-e2e-')), 'so.pdf');
    await download.saveAs(pdfPath);
    const printed = (await run('pdftotext', ['-layout', pdfPath, '-'])).stdout;
    expect(printed).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    const row = printed.split('\n').find((line) => /rà soát hồ sơ/.test(line)) ?? '';
    expect(row).toMatch(/\b01\b/);
    await done(reader);
  });

  it('warns about a probable duplicate, registers it when confirmed, and refuses a secret document', async () => {
    const clerk = await asUser('vanthu.snv');
    await clerk.goto(`${server.baseUrl}/van-ban-den/dang-ky`);
    const fill = async () => {
      await clerk.getByLabel('Cơ quan, tổ chức ban hành').fill('uy ban nhan dan tinh Thai Nguyen');
      await clerk.getByLabel('Số', { exact: true }).fill('45');
      await clerk.getByLabel('Ký hiệu').fill('ubnd-nc');
      await clerk.getByLabel('Tên loại văn bản').fill('Công văn');
      await clerk.getByLabel('Trích yếu nội dung').fill('Bản sao gửi lại của công văn số 45');
    };

    // Same number, symbol and issuer as the first test's document, typed without diacritics or capitals.
    await fill();
    await clerk.getByTestId('register-submit').click();
    await clerk.getByTestId('duplicate-matches').getByText(SUBJECT).waitFor();
    // A click landing while the dialog is still opening can be lost under load (seen in CI); the
    // button ignores clicks while its request is pending, so clicking again cannot register twice.
    let again = null;
    for (let attempt = 0; attempt < 3 && !again; attempt++) {
      const response = posted(clerk, /^\/api\/incoming\/?$/, 10_000).catch(() => null);
      await clerk.getByTestId('register-anyway').click();
      again = await response;
    }
    expect(again?.status()).toBe(201);
    expect(await clerk.getByTestId('arrival-number').textContent()).toBe('2');

    await clerk.getByTestId('register-next').click();
    await fill();
    await clerk.getByTestId('register-form').getByText('Mật', { exact: true }).click();
    await clerk.getByTestId('register-submit').click();
    const refusal = clerk.getByTestId('secret-refused');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('không được đưa vào hệ thống');
    await done(clerk);
  });
});
