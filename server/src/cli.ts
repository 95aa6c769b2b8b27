import { loadConfig } from './config/env.js';
import { DataDirLockedError } from './infra/db/lock.js';
import { verifyAuditChain } from './infra/audit/audit.js';
import { systemClock } from './infra/time/clock.js';
import { openRuntime } from './runtime.js';
import { seedDemoIfEmpty } from './demo/seed.js';

const USAGE = `Cách dùng: npm run cli -- <lệnh>
  migrate        áp dụng các migration (cũng tự chạy khi khởi động)
  audit:verify   kiểm tra chuỗi băm của nhật ký hệ thống; báo mọi mục hỏng và mọi chỗ đứt
  files:check    dọn tệp tạm/tệp mồ côi và báo bản ghi thiếu tệp
  demo:seed      nạp dữ liệu mẫu nếu cơ sở dữ liệu trống`;

async function run(command: string | undefined): Promise<number> {
  if (!command || !['migrate', 'audit:verify', 'files:check', 'demo:seed'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const runtime = await openRuntime(config);
  try {
    switch (command) {
      case 'migrate':
        console.log('Cơ sở dữ liệu đã ở phiên bản mới nhất.');
        return 0;
      case 'audit:verify': {
        const report = await verifyAuditChain(runtime.db, {
          limit: 0,
          onProblem: (p) => console.error(`#${p.seq}: ${p.reason}`),
        });
        if (!report.problemCount) {
          console.log(`Nhật ký toàn vẹn: đã kiểm tra ${report.checked} mục.`);
          return 0;
        }
        console.error(`Nhật ký bị sửa đổi: ${report.problemCount} sai lệch trong ${report.checked} mục đã kiểm tra (liệt kê ở trên).`);
        return 1;
      }
      case 'files:check': {
        const report = await runtime.files.reconcile(runtime.db, 0);
        console.log(`Đã xóa ${report.tempRemoved} tệp tạm, ${report.orphansRemoved} tệp không có bản ghi.`);
        if (report.missing.length) console.error(`Bản ghi thiếu tệp: ${report.missing.join(', ')}`);
        return report.missing.length ? 1 : 0;
      }
      case 'demo:seed':
        if (config.production) throw new Error('Không nạp dữ liệu mẫu ở chế độ production.');
        console.log((await seedDemoIfEmpty(runtime.db, systemClock, runtime.files)) ? 'Đã nạp dữ liệu mẫu.' : 'Cơ sở dữ liệu đã có dữ liệu; không nạp.');
        return 0;
    }
    return 2;
  } finally {
    await runtime.shutdown();
  }
}

run(process.argv[2]).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof DataDirLockedError ? err.message : `Lỗi: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  },
);
