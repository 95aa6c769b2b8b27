import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';
import { chooseOption } from './support/app.js';
import { firstSheet, makeLetterPdf, pdfLayoutText, rowWithCell } from './support/documents.js';
import { done, people, posted, shows, snap } from './support/people.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the clerk types; the PDF's own "V/v" line is shorter, so a prefill over it would show. */
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

/** The calendar day `days` from today in Vietnam time. */
function vnDay(days: number) {
  const d = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
  return { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear() };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy, the way the date fields are typed and printed. */
function vnDate(days: number): string {
  const { day, month, year } = vnDay(days);
  return `${pad(day)}/${pad(month)}/${year}`;
}

/** YYYY-MM-DD, as the API sends dates. */
function isoDate(days: number): string {
  const { day, month, year } = vnDay(days);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The công văn that arrives: its text is what the registration form reads from it. */
function incomingLetter() {
  const { day, month, year } = vnDay(-3);
  return makeLetterPdf({
    issuer: 'ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN',
    numberLine: 'Số: 45/UBND-NC',
    dateLine: `Thái Nguyên, ngày ${day} tháng ${month} năm ${year}`,
    subjectLine: 'V/v rà soát hồ sơ lưu trữ',
  });
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
  it('[Q-11.3đ] [Q-11.2a] goes from registering an uploaded PDF through direction and assignment to a finished result, and the printed register carries the number', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vanthu-e2e-'));

    // The clerk registers an electronic document; the tab order runs down the form as on paper.
    const clerk = await asUser('vanthu.snv');
    await clerk.getByTestId('nav-incoming').click();
    await clerk.getByTestId('register-incoming').click();
    await clerk.getByTestId('register-form').waitFor();
    await clerk.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'source');
    await clerk.keyboard.press('ArrowRight');
    await clerk.getByText('Tệp văn bản chính (PDF)').waitFor();
    await snap(clerk, 'register-form');
    await tabTo(clerk, 'issuerName');
    await tabTo(clerk, 'codeNumber', 1);
    await tabTo(clerk, 'codeNotation', 1);
    await tabTo(clerk, 'issuedDate', 1);
    await tabTo(clerk, 'typeName', 2);
    await tabTo(clerk, 'subject', 1);
    await clerk.keyboard.type(SUBJECT);

    // Uploading the PDF fills the empty fields from its text; the summary typed above stays.
    const prefilled = posted(clerk, /^\/api\/incoming\/prefill$/);
    await clerk.getByTestId('main-file').locator('input[type=file]').setInputFiles({ name: 'cong-van-45-UBND-NC.pdf', mimeType: 'application/pdf', buffer: await incomingLetter() });
    expect((await prefilled).status()).toBe(200);
    await clerk.getByTestId('prefill-notice').waitFor();
    const value = (id: string) => clerk.locator(`#${id}`).inputValue();
    expect(await value('issuerName')).toBe('Ủy ban nhân dân tỉnh Thái Nguyên');
    expect(await value('issuerCode')).toBe('000.00.00.H55');
    expect(await value('codeNumber')).toBe('45');
    expect(await value('codeNotation')).toBe('UBND-NC');
    expect(await value('issuedDate')).toBe(vnDate(-3));
    expect(await value('typeName')).toBe('Công văn');
    expect(await value('subject')).toBe(SUBJECT);
    await snap(clerk, 'register-prefilled');

    // Enter in the summary registers.
    await clerk.locator('#subject').focus();
    const registered = posted(clerk, /^\/api\/incoming\/?$/);
    await clerk.keyboard.press('Enter');
    const registration = await registered;
    expect(registration.status()).toBe(201);
    const doc = (await registration.json()) as { id: string; arrivalNumber: number; files: { role: string }[] };
    expect(doc).toMatchObject({ source: 'upload', codeNumber: '45', codeNotation: 'UBND-NC', issuerCode: '000.00.00.H55', issuedDate: isoDate(-3), subject: SUBJECT, pageAmount: 1 });
    expect(doc.files.map((f) => f.role)).toEqual(['main']);
    expect(await clerk.getByTestId('arrival-number').textContent()).toBe(String(doc.arrivalNumber));

    // …and presents it to the director.
    await clerk.getByTestId('present-after-register').click();
    const presentDialog = clerk.getByRole('dialog');
    await chooseOption(clerk, presentDialog.getByLabel('Lãnh đạo nhận văn bản'), 'Trần Văn Minh — Giám đốc');
    const presented = posted(clerk, /\/present$/);
    await presentDialog.getByRole('button', { name: 'Trình', exact: true }).click();
    expect((await presented).status()).toBe(200);
    await clerk.getByText('Đã trình lãnh đạo.').waitFor();
    await done(clerk);

    // The director finds it waiting and gives direction: a lead and a coordinating unit, each with its deadline.
    const head = await asUser('giamdoc.snv');
    await head.getByTestId('nav-awaiting-direction').click();
    await head.getByTestId('awaiting-direction-table').getByText(SUBJECT).click();
    await head.getByTestId('document-title').getByText(`Văn bản đến số ${doc.arrivalNumber}`).waitFor();
    await head.getByTestId('direct').click();
    const directDialog = head.getByRole('dialog');
    await chooseOption(head, directDialog.getByLabel('Đơn vị, cá nhân chủ trì'), 'Phòng Văn thư - Lưu trữ');
    await directDialog.getByLabel('Hạn xử lý của chủ trì').click();
    await head.keyboard.type(vnDate(10));
    await head.keyboard.press('Tab');
    await chooseOption(head, directDialog.getByLabel('Đơn vị, cá nhân phối hợp'), 'Phòng Tổ chức, biên chế');
    await directDialog.locator('.ant-select-selection-item', { hasText: 'Phòng Tổ chức, biên chế' }).waitFor();
    // A multiple choice keeps its list open; a click on the dialog's title closes it.
    await directDialog.getByText(/^Cho ý kiến chỉ đạo: văn bản đến số/).click();
    await head.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
    await directDialog.getByLabel('Hạn phối hợp của Phòng Tổ chức, biên chế').click();
    await head.keyboard.type(vnDate(7));
    await head.keyboard.press('Tab');
    await directDialog.getByLabel('Ý kiến chỉ đạo').fill('Giao Phòng Văn thư - Lưu trữ chủ trì tham mưu trả lời.');
    const directed = posted(head, /\/direct$/);
    await directDialog.getByRole('button', { name: 'Chỉ đạo', exact: true }).click();
    const direction = await directed;
    expect(direction.status()).toBe(200);
    expect(direction.request().postDataJSON()).toMatchObject({ lead: { deadline: isoDate(10) }, coordinating: [{ deadline: isoDate(7) }] });
    await directDialog.waitFor({ state: 'hidden' });
    const assignments = head.getByTestId('assignments-table');
    await assignments.locator('tr', { hasText: 'Phòng Văn thư - Lưu trữ' }).filter({ hasText: vnDate(10) }).waitFor();
    await assignments.locator('tr', { hasText: 'Phòng Tổ chức, biên chế' }).filter({ hasText: vnDate(7) }).waitFor();
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

    // The registered PDF, shown by pdf.js: its first page is drawn (not left blank).
    await reader.getByTestId('document-files').getByRole('button', { name: 'Xem trước' }).first().click();
    const firstPage = reader.getByTestId('pdf-viewer').getByLabel('Trang 1');
    await firstPage.waitFor();
    await reader.waitForFunction(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="pdf-viewer"] canvas');
      const pixels = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      return !!pixels && pixels.some((v, i) => i % 4 !== 3 && v < 128); // some dark ink
    });

    // The Phiếu giải quyết opens in a new tab, built for this document's number.
    const slip = reader.waitForResponse((r) => new URL(r.url()).pathname === `/api/incoming/${doc.id}/slip.pdf`);
    const [slipTab] = await Promise.all([reader.context().waitForEvent('page'), reader.getByTestId('print-slip').click()]);
    expect((await slip).status()).toBe(200);
    await slipTab.waitForURL(/^blob:/);
    // Its text, read through the same route with the clerk's session (the page's CSP keeps fetch off blob: addresses).
    const slipPath = join(dir, 'phieu.pdf');
    await writeFile(slipPath, await (await reader.request.get(`${server.baseUrl}/api/incoming/${doc.id}/slip.pdf`)).body());
    const slipText = await pdfLayoutText(slipPath);
    expect(slipText).toContain('PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN');
    expect(slipText).toMatch(new RegExp(`Số đến: 0?${doc.arrivalNumber}\\b`));
    expect(slipText).toContain(`Phối hợp: Phòng Tổ chức, biên chế; thời hạn: ${vnDate(7)}`);

    // The clerk prints the register: the document's row carries its number in the Số đến column.
    await reader.getByTestId('nav-incoming').click();
    const [xlsx] = await Promise.all([reader.waitForEvent('download'), reader.getByRole('button', { name: 'Xuất Excel' }).click()]);
    const xlsxPath = join(dir, 'so.xlsx');
    await xlsx.saveAs(xlsxPath);
    const sheet = await firstSheet(xlsxPath);
    const headerRow = rowWithCell(sheet, (text) => text === 'Số đến');
    const headers = sheet.getRow(headerRow).values as unknown[];
    const numberColumn = headers.indexOf('Số đến');
    const subjectColumn = headers.indexOf('Tên loại và trích yếu nội dung văn bản');
    expect(headerRow * numberColumn * subjectColumn).toBeGreaterThan(0);
    const docRow = sheet.getRow(rowWithCell(sheet, (text) => text.includes(SUBJECT)));
    expect(String(docRow.getCell(subjectColumn).value)).toContain(SUBJECT);
    expect(docRow.getCell(numberColumn).value).toBe(doc.arrivalNumber);
    expect(docRow.getCell(numberColumn).numFmt).toBe('00');

    // The PDF of the register says the same: its row starts with the arrival date, then the number.
    const [pdf] = await Promise.all([reader.waitForEvent('download'), reader.getByRole('button', { name: /In sổ \(PDF\)/ }).click()]);
    const pdfPath = join(dir, 'so.pdf');
    await pdf.saveAs(pdfPath);
    const printed = await pdfLayoutText(pdfPath);
    expect(printed).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    const row = printed.split('\n').find((line) => line.includes('UBND-NC')) ?? '';
    expect(row).toMatch(new RegExp(`^\\s*${vnDate(0).replaceAll('/', '\\/')}\\s+${pad(doc.arrivalNumber)}\\s+Ủy ban`));
    await done(reader);
    await rm(dir, { recursive: true, force: true });
  });

  it('flags a scan below standard, warns about a probable duplicate, registers it when confirmed, refuses a secret document, and queues the unpresented copy', async () => {
    const clerk = await asUser('vanthu.snv');
    await clerk.goto(`${server.baseUrl}/van-ban-den/dang-ky`);

    // A paper document's "scan" that is really a text PDF is flagged page by page before saving.
    const checked = posted(clerk, /^\/api\/incoming\/scan-check$/);
    await clerk.getByTestId('main-file').locator('input[type=file]').setInputFiles({ name: 'ban-quet.pdf', mimeType: 'application/pdf', buffer: await incomingLetter() });
    expect((await checked).status()).toBe(200);
    await shows(clerk.getByTestId('scan-check'), 'Trang 1 không có ảnh quét');
    await clerk.reload();

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

    // The copy registered above was never presented: it waits in the clerk's "Chờ trình" queue,
    // where the first test's document, presented and finished, does not.
    await clerk.getByTestId('nav-incoming').click();
    const queues = clerk.getByTestId('incoming-queues');
    const table = clerk.getByTestId('incoming-table');
    await queues.getByText('Chờ trình', { exact: true }).click();
    // The list keeps the previous answer until the queue's arrives: wait for the finished one to go.
    await table.getByText(SUBJECT).waitFor({ state: 'detached' });
    await table.getByText('Bản sao gửi lại của công văn số 45').waitFor();
    await queues.getByText('Bị trả lại', { exact: true }).click();
    await table.getByText('Không có văn bản nào bị trả lại').waitFor();
    await done(clerk);
  });
});
