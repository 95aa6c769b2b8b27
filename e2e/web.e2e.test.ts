import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';
import { apiSession, chooseOption, loginViaUi } from './support/app.js';

const DEMO_PASSWORD = 'demo';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
});

afterEach(async () => {
  await context?.close();
});

describe('web UI', () => {
  it('lets the administrator create a clerk who then sees only the clerk navigation', async () => {
    await loginViaUi(page, server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.getByTestId('nav-admin-users').click();
    await page.getByRole('heading', { name: 'Người dùng' }).waitFor();

    await page.getByTestId('add-user').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên đăng nhập').fill('vanthu2.skhcn');
    await dialog.getByLabel('Họ và tên').fill('Phan Thị Quỳnh');
    await dialog.getByLabel('Mật khẩu ban đầu').fill('Khoahoc2026');
    await chooseOption(page, dialog.getByLabel('Cơ quan'), 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên');
    await chooseOption(page, dialog.getByLabel('Đơn vị'), 'Văn phòng Sở');
    await chooseOption(page, dialog.getByLabel('Vai trò'), 'Văn thư');
    await dialog.getByLabel('Chức vụ').fill('Văn thư');
    await dialog.getByRole('button', { name: 'Tạo người dùng' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The new account is listed under its agency.
    await chooseOption(page, page.getByLabel('Lọc theo cơ quan'), 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên');
    await page.getByTestId('users-table').getByText('vanthu2.skhcn').waitFor();

    await page.getByTestId('logout').click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();

    await loginViaUi(page, server.baseUrl, 'vanthu2.skhcn', 'Khoahoc2026');
    const nav = page.getByTestId('main-nav');
    await nav.getByText('Văn bản đến', { exact: true }).waitFor();
    expect(await nav.getByText('Quản trị', { exact: true }).count()).toBe(0);
    expect(await nav.getByText('Người dùng', { exact: true }).count()).toBe(0);
    expect(await page.getByTestId('header-agency').textContent()).toBe('Sở Khoa học và Công nghệ tỉnh Thái Nguyên');
    expect(await page.getByTestId('header-full-name').textContent()).toBe('Phan Thị Quỳnh');
  });

  it("hides another agency's page but shows the person's own agency with its units", async () => {
    const admin = await apiSession(server.baseUrl, 'admin', DEMO_PASSWORD);
    const agencies = await admin.get<{ id: string; code: string }[]>('/api/agencies');
    const homeAffairs = agencies.find((a) => a.code === '000.00.05.H55');
    expect(homeAffairs).toBeDefined();

    await loginViaUi(page, server.baseUrl, 'vanthu.ubnd', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/co-quan/${homeAffairs!.id}`);
    await page.getByText('Không tìm thấy cơ quan hoặc bạn không có quyền truy cập.').waitFor();
    expect(await page.getByText('Sở Nội vụ tỉnh Thái Nguyên').count()).toBe(0);

    await page.getByTestId('nav-my-agency').click();
    await page.getByRole('heading', { name: 'Ủy ban nhân dân tỉnh Thái Nguyên' }).waitFor();
    await page.getByTestId('units-table').getByText('Lãnh đạo UBND tỉnh').waitFor();
    // Read-only for a clerk: no editing controls.
    expect(await page.getByRole('button', { name: 'Thêm đơn vị' }).count()).toBe(0);
  });

  it('shows the server message in Vietnamese when the password is wrong', async () => {
    await page.goto(`${server.baseUrl}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('vanthu.snv');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('lets the administrator see a login lock and lift it, then find the refused attempts and an intact log', async () => {
    const attempt = (password: string) =>
      fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'chuyenvien.skhcn', password }) });
    for (let i = 0; i < 5; i++) await attempt(`sai${i}`);
    expect((await attempt(DEMO_PASSWORD)).status).toBe(429);

    await loginViaUi(page, server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.getByTestId('nav-admin-users').click();
    await chooseOption(page, page.getByLabel('Lọc theo cơ quan'), 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên');
    await page.getByTestId('login-lock-chuyenvien.skhcn').waitFor();
    await page.getByTestId('unlock-login-chuyenvien.skhcn').click();
    await page.getByText('Đã gỡ tạm khóa đăng nhập của chuyenvien.skhcn; người dùng được thông báo.').waitFor();
    expect((await attempt(DEMO_PASSWORD)).status).toBe(200);

    await page.getByTestId('nav-audit').click();
    await page.getByTestId('verify-audit').click();
    await page.getByText(/^Nhật ký toàn vẹn: đã kiểm tra/).waitFor();
    await page.getByRole('tab', { name: 'Sự kiện an ninh' }).click();
    await page.getByTestId('security-events-table').getByText('Tạm khóa đăng nhập').first().waitFor();
    await page.getByTestId('security-events-table').getByText(/tài khoản chuyenvien\.skhcn; sai mật khẩu/).first().waitFor();
  });

  it('is a Vietnamese page with the Vietnamese antd locale', async () => {
    await loginViaUi(page, server.baseUrl, 'admin', DEMO_PASSWORD);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.title()).toBe('VănThư — Hệ thống quản lý tài liệu điện tử');

    await page.getByTestId('nav-admin-users').click();
    await page.locator('.ant-pagination').getByText('20 / trang').waitFor();

    // An audit search that matches nothing shows antd's Vietnamese empty text.
    await page.getByTestId('nav-audit').click();
    await page.getByPlaceholder('Mã đối tượng').fill('khong-ton-tai');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await page.getByTestId('audit-table').locator('.ant-empty-description').getByText('Trống', { exact: true }).waitFor();
  });

  it('shows the administrator the job queues of the running server, its scheduled work already done', async () => {
    await loginViaUi(page, server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.getByTestId('nav-admin-jobs').click();
    await page.getByRole('heading', { name: 'Hàng đợi công việc' }).waitFor();
    const queues = page.getByTestId('job-queues');
    for (const header of ['Đang chờ', 'Đang chạy', 'Chờ thử lại', 'Lỗi']) await queues.getByRole('columnheader', { name: header, exact: true }).waitFor();
    // The server's worker ran this hour's reminder job at start.
    const row = queues.getByRole('row').filter({ hasText: 'Nhắc hạn xử lý văn bản đến' });
    await row.waitFor();
    expect(await row.locator('td').last().innerText()).toBe('1');
    await page.getByTestId('job-failures').getByText('Không có lỗi gần đây').waitFor();
  });
});
