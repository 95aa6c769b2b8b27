/**
 * An outgoing document from draft to the recipient's register and back (issue 5): every step in
 * the browser as its person does it, the signing agent run as that person would run it on their
 * own machine, with a test CA made here and registered through the API.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { makeOfficeFile } from '../server/src/infra/convert/testkit.js';
import { BLUE_INK, RED_INK, ring, scribble } from '../server/src/signing/testing/test-images.js';
import { createTestPki, P12_PASSWORD, type TestPki } from '../server/src/signing/testing/test-pki.js';
import { makeDecisionPdf } from '../server/src/signing/testing/decision-pdf.js';
import { registerWithProof } from '../server/src/signing/testing/register-certificate.js';
import { startMockProvider, type MockProvider } from '../server/src/signing/testing/mock-remote-provider.js';
import { apiSession, chooseOption } from './support/app.js';
import { launchBrowser } from './support/browser.js';
import { DEMO_PASSWORD, done, people, posted, shows, snap } from './support/people.js';
import { REPO_ROOT, startServer, type TestServer } from './support/server.js';

const run = promisify(execFile);
const SUMMARY = 'Về việc ban hành Quy chế công tác văn thư năm 2026';
const UBND = 'Ủy ban nhân dân tỉnh Thái Nguyên';

let server: TestServer;
let browser: Browser;
let pki: TestPki;
let dir: string;
let remote: MockProvider;

/** A decision as a drafter types it in Word: the number and date left blank, the signer at the end. */
function decisionHtml(): string {
  const blank = '&nbsp;'.repeat(6);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Quyết định</title></head><body>
<p>SỞ NỘI VỤ</p>
<p>Số:${blank}/QĐ-SNV</p>
<p>Thái Nguyên, ngày${blank}tháng${blank}năm 2026</p>
<p><b>QUYẾT ĐỊNH</b></p><p>${SUMMARY}</p>
<p>Điều 1. Ban hành kèm theo Quyết định này Quy chế công tác văn thư của Sở Nội vụ.</p>
<p>Điều 2. Quyết định có hiệu lực kể từ ngày ký.</p>
<p><b>GIÁM ĐỐC</b></p><p><br></p><p><b>Trần Văn Minh</b></p>
</body></html>`;
}

/** The director's personal certificate and the agency's, on a token held by the clerk. */
async function registerCertificates() {
  const admin = await apiSession(server.baseUrl, 'admin', DEMO_PASSWORD);
  await admin.post('/api/signing/trust-anchors', { name: 'CA thử nghiệm', certificate: pki.root.toString('base64') });
  for (const crl of pki.crls) await admin.post('/api/signing/crls', { crl: crl.toString('base64') });
  const director = await apiSession(server.baseUrl, 'giamdoc.snv', DEMO_PASSWORD);
  await registerWithProof(director.post, pki.ecdsa);
  const clerk = await apiSession(server.baseUrl, 'vanthu.snv', DEMO_PASSWORD);
  const device = await clerk.post<{ id: string }>('/api/signing/devices', { kind: 'token', label: 'Token chữ ký số cơ quan', serialNumber: 'E2E-0001' });
  await registerWithProof(clerk.post, pki.rsa, { deviceId: device.id });
  const users = await clerk.get<{ id: string; username: string }[]>('/api/users');
  const holderId = users.find((u) => u.username === 'vanthu.snv')!.id;
  const decisionFileId = await director.upload('quyet-dinh-giao-thiet-bi.pdf', (await makeDecisionPdf()).pdf);
  const { assignmentId } = await director.post<{ assignmentId: string }>(`/api/signing/devices/${device.id}/assign`, { holderId, decisionNumber: '01/QĐ-SNV', decisionDate: '2026-01-05', decisionFileId });
  await clerk.post(`/api/signing/assignments/${assignmentId}/handover`);
}

beforeAll(async () => {
  [pki, dir] = await Promise.all([createTestPki({ crlDays: 400 }), mkdtemp(join(tmpdir(), 'vanthu-e2e-out-'))]);
  // The remote signing provider cannot exist here: a mock speaking its HTTP protocol holds the director's key.
  remote = await startMockProvider({ accounts: { '0912345678': { keyPem: pki.ecdsa.keyPem, chain: pki.ecdsa.chain } }, confirmAfterPolls: 1 });
  server = await startServer({
    VANTHU_REMOTE_SIGNING_URL: remote.url,
    VANTHU_REMOTE_SIGNING_CLIENT_ID: remote.clientId,
    VANTHU_REMOTE_SIGNING_CLIENT_SECRET: remote.clientSecret,
    VANTHU_REMOTE_SIGNING_NAME: 'Ký số từ xa (giả lập)',
    VANTHU_REMOTE_SIGNING_POLL_MS: '200',
  });
  browser = await launchBrowser();
  await registerCertificates();
  await writeFile(join(dir, 'director.p12'), pki.p12.ecdsa);
  await writeFile(join(dir, 'agency.p12'), pki.p12.rsa);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await remote?.close();
  await pki?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const asUser = people(() => browser, () => server.baseUrl);

/** The state tag in the document's details (the header repeats it). */
const stateOf = (page: Page) => page.getByTestId('outgoing-info').getByTestId('outgoing-state');

/** Waits for what should appear; if the error alert shows instead, fails with its message. */
async function failOnAlert(expected: Locator, alert: Locator) {
  await expected.or(alert).first().waitFor();
  if (await alert.isVisible()) throw new Error(`The dialog shows an error: ${await alert.textContent()}`);
}

/**
 * The signing dialog as its user goes through it: prepare, download the request, run the agent
 * CLI with their own PKCS#12 file (the command the dialog shows), paste its answer, complete.
 */
async function signInDialog(page: Page, p12: string, completePath: RegExp, placement: string, files = 1) {
  const dialog = page.getByTestId('signing-dialog');
  await dialog.getByLabel('Chứng thư số').waitFor();
  await page.getByRole('button', { name: 'Chuẩn bị ký' }).click();
  await failOnAlert(dialog.getByTestId('signing-digest'), dialog.getByTestId('signing-error'));
  await shows(dialog.getByTestId('placement-notice'), placement);
  if (files > 1) await dialog.getByTestId(`signing-item-${files - 1}`).waitFor();
  const digest = await dialog.getByTestId('signing-digest').textContent();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Tải yêu cầu ký' }).click();
  const request = join(dir, `request-${Date.now()}.json`);
  await (await download).saveAs(request);
  const response = `${request}.answer`;
  const agent = await run(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['server/src/signing/agent/cli.ts', '--p12', join(dir, p12), '--request', request, '--output', response], {
    cwd: REPO_ROOT,
    env: { ...process.env, VANTHU_P12_PASSWORD: P12_PASSWORD },
  });
  // The agent shows what it signs, so the person can compare it with the dialog before signing.
  expect(agent.stderr + agent.stdout).toContain(digest!.trim());
  await dialog.getByTestId('signing-answer').fill(await readFile(response, 'utf8'));
  const completed = posted(page, completePath);
  await page.getByRole('button', { name: 'Hoàn tất ký số' }).click();
  const status = (await completed).status();
  if (status !== 200) await failOnAlert(dialog.getByText('never'), dialog.getByTestId('signing-error'));
  await dialog.waitFor({ state: 'hidden' });
}

describe('outgoing documents', () => {
  it('[Q-12.2a] [Q-12.3a] [Q-12.3c] goes from a .docx draft through approval, signing and issue to the recipient’s register, and a recall freezes its copy', async () => {
    // A member of staff drafts in Word and sends the draft for approval.
    const drafter = await asUser('chuyenvien.snv');
    await drafter.getByTestId('nav-outgoing').click();
    await drafter.getByTestId('compose-outgoing').click();
    const form = drafter.getByTestId('compose-form');
    await form.waitFor();
    const docx = await makeOfficeFile(dir, 'du-thao-quyet-dinh', decisionHtml(), 'docx');
    await drafter.getByTestId('draft-file').locator('input[type=file]').setInputFiles(docx);
    const appendix = await makeOfficeFile(dir, 'phu-luc-quy-che', '<html><body><p>Phụ lục: Quy chế công tác văn thư</p><p>Chương I. Quy định chung</p></body></html>', 'docx');
    await drafter.getByTestId('appendix-files').locator('input[type=file]').setInputFiles(appendix);
    await chooseOption(drafter, form.getByLabel('Loại văn bản'), 'Quyết định');
    await form.getByLabel('Trích yếu nội dung').fill(SUMMARY);
    await chooseOption(drafter, form.getByLabel('Cơ quan nhận'), UBND);
    await form.getByRole('button', { name: 'Lập từ các nơi nhận đã chọn' }).click();
    await chooseOption(drafter, form.getByLabel('Người ký'), 'Trần Văn Minh — Giám đốc');
    await snap(drafter, 'outgoing-compose');
    const created = posted(drafter, /^\/api\/outgoing\/?$/);
    await drafter.getByTestId('compose-submit').click();
    expect((await created).status()).toBe(201);
    // LibreOffice converts the upload in the background; the page shows it when done.
    await shows(drafter.getByTestId('version-1').getByTestId('conversion-state'), 'Đã chuyển sang PDF');
    await shows(drafter.getByTestId('appendix-1'), 'Đã chuyển sang PDF');
    // She corrects the urgency before sending it: the saved draft opens in the same fields.
    await drafter.getByRole('button', { name: /Sửa thông tin$/ }).click();
    const edit = drafter.getByRole('dialog');
    await edit.getByLabel('Trích yếu nội dung').waitFor();
    expect(await edit.getByLabel('Trích yếu nội dung').inputValue()).toBe(SUMMARY);
    await chooseOption(drafter, edit.getByLabel('Độ khẩn'), 'Khẩn');
    const edited = drafter.waitForResponse((r) => r.request().method() === 'PATCH');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    expect((await edited).status()).toBe(200);
    await shows(drafter.getByTestId('outgoing-info'), 'Khẩn');
    const submitted = posted(drafter, /\/submit$/);
    await drafter.getByRole('button', { name: 'Gửi duyệt' }).click();
    expect((await submitted).status()).toBe(200);
    await shows(stateOf(drafter), 'Chờ duyệt');
    const documentUrl = drafter.url();
    await done(drafter);

    // The head of the drafting unit approves it.
    const unitHead = await asUser('truongphong.snv');
    await unitHead.getByTestId('nav-drafts-to-review').click();
    await unitHead.getByTestId('outgoing-table-approve').getByText(SUMMARY).click();
    const approved = posted(unitHead, /\/approve$/);
    await unitHead.getByRole('button', { name: /Duyệt$/ }).click();
    expect((await approved).status()).toBe(200);
    await done(unitHead);

    // The administrator uploads the agency's seal at its real size.
    const admin = await asUser('admin');
    await admin.getByTestId('nav-my-agency').click();
    const seal = admin.getByTestId('seal-image');
    await seal.locator('input[type=file]').setInputFiles({ name: 'con-dau.png', mimeType: 'image/png', buffer: ring(2, RED_INK) });
    await seal.getByRole('img', { name: 'Ảnh đã tải lên' }).waitFor();
    await done(admin);

    // The director uploads his handwritten signature once: black ink is refused, blue accepted.
    const director = await asUser('giamdoc.snv');
    await director.getByTestId('nav-my-signature').click();
    const image = director.getByTestId('signature-image');
    await image.locator('input[type=file]').setInputFiles({ name: 'chu-ky.png', mimeType: 'image/png', buffer: scribble(2, [0, 0, 0, 255]) });
    await shows(director.getByTestId('signature-image-error'), 'xanh');
    await image.locator('input[type=file]').setInputFiles({ name: 'chu-ky.png', mimeType: 'image/png', buffer: scribble(2, BLUE_INK) });
    await image.getByRole('img', { name: 'Ảnh đã tải lên' }).waitFor();
    await snap(director, 'my-signature');

    // He signs with his own key, through the agent; the dialog says where his signature goes.
    await director.getByTestId('nav-awaiting-signature').click();
    await director.getByTestId('outgoing-table-sign').getByText(SUMMARY).click();
    await director.getByRole('button', { name: /Ký số$/ }).click();
    await signInDialog(director, 'director.p12', /\/sign\/complete$/, 'giữa chức vụ và họ tên người ký');
    await shows(stateOf(director), 'Đã ký');
    await done(director);

    // The clerk sees the number before confirming it, then applies the agency's signature.
    const clerk = await asUser('vanthu.snv');
    await clerk.goto(documentUrl);
    await clerk.getByRole('button', { name: 'Cấp số' }).click();
    const preview = clerk.getByTestId('preview-number');
    await shows(preview, '/QĐ-SNV');
    const number = (await preview.textContent())!.trim();
    expect(number).toBe('01/QĐ-SNV');
    const numbered = posted(clerk, /\/number$/);
    await clerk.getByRole('button', { name: 'Xác nhận cấp số' }).click();
    expect((await numbered).status()).toBe(200);
    await shows(clerk.getByTestId('number-and-notation'), number);
    await clerk.getByRole('button', { name: 'Ký số cơ quan' }).click();
    // The document and its appendix are signed in one run of the agent.
    await signInDialog(clerk, 'agency.p12', /\/seal\/complete$/, 'đè lên khoảng 1/3 bên trái', 2);
    await shows(stateOf(clerk), 'Đã phát hành');
    await shows(clerk.getByTestId('appendix-1'), 'Bản đã ký số');
    await shows(clerk.getByTestId('recipients-table'), 'Đã đến nơi nhận');
    // The document page checks both signatures: the director's, then the agency's over the number.
    const panel = clerk.getByTestId('verification-panel');
    await shows(panel.getByTestId('signature-1').getByTestId('signature-indication'), 'Hợp lệ');
    await shows(panel.getByTestId('signature-1'), 'điền số, ngày ban hành vào ô dành sẵn');
    await shows(panel.getByTestId('signature-2').getByTestId('signature-indication'), 'Hợp lệ');
    await snap(clerk, 'outgoing-issued');

    // UBND tỉnh's clerk finds it among delivered documents, signatures valid, and registers it.
    const recipient = await asUser('vanthu.ubnd');
    await recipient.getByTestId('nav-incoming-inbox').click();
    const row = recipient.getByTestId('inbox-table').locator('tr', { hasText: SUMMARY });
    await shows(row, number);
    const registered = posted(recipient, /\/inbox\/[^/]+\/register$/);
    await row.getByRole('button', { name: 'Đăng ký vào sổ' }).click();
    expect((await registered).status()).toBe(201);
    await shows(recipient.getByTestId('signature-check'), 'Chữ ký số hợp lệ');
    await shows(recipient.getByTestId('verification-panel').getByTestId('signature-2'), 'Hợp lệ');
    const title = recipient.getByTestId('document-title');
    await shows(title, 'Văn bản đến số');
    const arrivalNumber = (await title.textContent())!.replace('Văn bản đến số', '').trim();
    expect(Number(arrivalNumber)).toBeGreaterThan(0);

    // Its clerk prints a paper copy for a unit that works on paper (Q-11.2c): numbered in the copy series.
    await recipient.getByRole('button', { name: /In bản sao giấy$/ }).click();
    const copyDialog = recipient.getByRole('dialog');
    await chooseOption(recipient, copyDialog.getByLabel('Người ký bản sao'), 'Trịnh Việt Hùng — Chủ tịch');
    const copied = posted(recipient, /\/api\/copies\/printed$/);
    await copyDialog.getByRole('button', { name: 'Tạo bản sao để in' }).click();
    expect((await copied).status()).toBe(201);
    await shows(recipient.getByTestId('copies-table'), '01/SY-');

    // Back at Sở Nội vụ, the status shows the recipient's số đến.
    await clerk.reload();
    const received = clerk.getByTestId('recipients-table').locator('tr', { hasText: UBND });
    await shows(received, 'Đã vào sổ đến');
    await shows(received, arrivalNumber);
    // …and the register of issued documents shows every recipient has it in its sổ đến.
    await clerk.getByTestId('nav-outgoing').click();
    await clerk.getByTestId('outgoing-queues').getByRole('tab', { name: 'Đã phát hành' }).click();
    await shows(clerk.getByTestId('outgoing-table-issued').locator('tr', { hasText: SUMMARY }).getByTestId('delivery-cell'), '1/1 đã vào sổ');
    await clerk.goto(documentUrl);

    // A recall reaches the recipient at once and freezes its copy until its clerk confirms.
    await clerk.getByRole('button', { name: 'Thu hồi' }).click();
    await clerk.getByRole('dialog').getByLabel('Lý do thu hồi').fill('Văn bản ban hành sai thẩm quyền, sẽ ban hành lại.');
    const recalled = posted(clerk, /\/recall$/);
    await clerk.getByRole('dialog').getByRole('button', { name: 'Thu hồi' }).click();
    expect((await recalled).status()).toBe(200);
    await shows(stateOf(clerk), 'Đã thu hồi');

    await recipient.reload();
    const notice = recipient.getByTestId('recall-notice');
    await shows(notice, 'sai thẩm quyền');
    // Frozen: nobody can present or route a recalled copy.
    expect(await recipient.getByRole('button', { name: 'Trình lãnh đạo' }).count()).toBe(0);
    const confirmed = posted(recipient, /\/confirm-recall$/);
    await notice.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    expect((await confirmed).status()).toBe(200);
    await shows(notice, 'văn thư đã xác nhận');
    await done(recipient);

    await clerk.reload();
    await shows(clerk.getByTestId('recipients-table').locator('tr', { hasText: UBND }), 'Nơi nhận đã xác nhận thu hồi');

    // The printed Sổ đăng ký văn bản đi carries the number given, and the recall.
    await clerk.getByTestId('nav-registers').click();
    const book = clerk.getByTestId('book-outgoing-register');
    const [printed] = await Promise.all([clerk.waitForEvent('download'), book.getByRole('button', { name: /In \(PDF\)/ }).click()]);
    const pdfPath = join(dir, 'so-van-ban-di.pdf');
    await printed.saveAs(pdfPath);
    const text = (await run('pdftotext', ['-layout', pdfPath, '-'])).stdout;
    expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(text).toContain(number);
    expect(text).toContain('Đã thu hồi');
    await done(clerk);

    // The recalled decision is corrected by a new one that replaces it (Q-12.3d); the original stays as issued.
    const corrector = await asUser('chuyenvien.snv');
    await corrector.goto(`${server.baseUrl}/van-ban-di/soan-thao`);
    const again = corrector.getByTestId('compose-form');
    await corrector.getByTestId('draft-file').locator('input[type=file]').setInputFiles(docx);
    await chooseOption(corrector, again.getByLabel('Loại văn bản'), 'Quyết định');
    await chooseOption(corrector, again.getByLabel('Văn bản sửa sai'), 'Thay thế văn bản đã ban hành');
    // Found by its number, as a clerk types it; the list is searched on the server.
    const target = again.getByLabel('Văn bản được thay thế, sửa đổi');
    await target.click();
    await target.fill(number);
    // The list refreshes as the search answers; Enter takes the first match, as a clerk would.
    await corrector.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${number} — ${SUMMARY}"]`).waitFor();
    await corrector.keyboard.press('Enter');
    await shows(again, `${number} — ${SUMMARY}`);
    await again.getByLabel('Trích yếu nội dung').fill(`${SUMMARY} (thay thế)`);
    await chooseOption(corrector, again.getByLabel('Người ký'), 'Trần Văn Minh — Giám đốc');
    await again.getByLabel('Nơi nhận', { exact: true }).fill('- Lưu: VT, VTLT.');
    const replacing = posted(corrector, /^\/api\/outgoing\/?$/);
    await corrector.getByTestId('compose-submit').click();
    expect((await replacing).status()).toBe(201);
    await shows(corrector.getByTestId('corrections-notice'), `Thay thế văn bản ${number}`);
    await done(corrector);
  }, 180_000);

  it('[Q-8.2a] [Q-5.4] lets the signer place the signature on the page when the title and name are not found, then sign through the remote signing service', async () => {
    // A draft whose last page has no signature block, made and approved through the API.
    const drafter = await apiSession(server.baseUrl, 'chuyenvien.snv', DEMO_PASSWORD);
    const users = await drafter.get<{ id: string; username: string }[]>('/api/users');
    const agencies = await drafter.get<{ id: string; name: string }[]>('/api/agencies');
    const { pdf } = await makeDecisionPdf({ numberLine: 'Số:        /QĐ-SNV', dateLine: 'Thái Nguyên, ngày      tháng      năm 2026', signerName: null });
    const fileId = await drafter.upload('du-thao-khong-khoi-ky.pdf', pdf);
    const summary = 'Về việc thử đặt chữ ký bằng tay';
    const { id } = await drafter.post<{ id: string }>('/api/outgoing', {
      fileId,
      typeCode: 'QĐ',
      summary,
      signerId: users.find((u) => u.username === 'giamdoc.snv')!.id,
      signerPosition: 'Giám đốc',
      recipientAgencyIds: [agencies.find((a) => a.name === UBND)!.id],
      toPlaces: '- Như trên;\n- Lưu: VT, VTLT.',
    });
    await drafter.post(`/api/outgoing/${id}/submit`);
    await (await apiSession(server.baseUrl, 'truongphong.snv', DEMO_PASSWORD)).post(`/api/outgoing/${id}/approve`);
    // Placing matters only for an image: the director has one (again, should this test run alone).
    const signer = await apiSession(server.baseUrl, 'giamdoc.snv', DEMO_PASSWORD);
    await signer.upload('chu-ky.png', scribble(2, BLUE_INK), `/api/signing/users/${users.find((u) => u.username === 'giamdoc.snv')!.id}/signature-image`, 'PUT');

    const director = await asUser('giamdoc.snv');
    await director.goto(`${server.baseUrl}/van-ban-di/${id}`);
    await director.getByRole('button', { name: /Ký số$/ }).click();
    const dialog = director.getByTestId('signing-dialog');
    await dialog.getByLabel('Chứng thư số').waitFor();
    await director.getByRole('button', { name: 'Chuẩn bị ký' }).click();
    await shows(dialog.getByTestId('placement-notice'), 'Không tìm thấy chức vụ và họ tên');
    const page = dialog.getByTestId('placement-page');
    await page.locator('img').waitFor();
    await page.click({ position: { x: 400, y: 600 } });
    await dialog.getByTestId('placement-box').waitFor();
    await dialog.getByTestId('place-again').click();
    await shows(dialog.getByTestId('placement-notice'), 'vị trí đã chọn trên trang 1');
    await snap(director, 'placement');

    // He confirms on his phone through the remote signing service instead of running the agent.
    const remoteBox = dialog.getByTestId('remote-signing');
    await remoteBox.getByLabel('Tài khoản ký số từ xa').fill('0912345678');
    const completed = posted(director, /\/sign\/complete$/);
    await remoteBox.getByRole('button', { name: /Gửi yêu cầu ký đến điện thoại/ }).click();
    expect((await completed).status()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });
    await shows(stateOf(director), 'Đã ký');
    expect(remote.received.map((r) => r.account)).toEqual(['0912345678']);
    await done(director);
  });
});
