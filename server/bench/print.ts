/**
 * Time to build a 2,000-entry Sổ đăng ký văn bản đến as PDF and as XLSX (Q-11.2a), without the
 * database: a busy agency's year or a thick volume. Printed, never asserted.
 * Alone: `npx tsx server/bench/print.ts`.
 */
import { pathToFileURL } from 'node:url';
import { registerCover, registerRows } from '../src/incoming/print/register-rows.js';
import { buildRegisterPdf } from '../src/incoming/print/register-pdf.js';
import { buildRegisterXlsx } from '../src/incoming/print/register-xlsx.js';
import { sampleDoc } from '../src/incoming/print/testkit.js';

const ENTRIES = 2000;

const SUBJECTS = [
  'Về việc đôn đốc nộp hồ sơ, tài liệu vào Lưu trữ cơ quan',
  'V/v báo cáo tình hình thực hiện công tác văn thư, lưu trữ 6 tháng đầu năm',
  'Về việc triển khai thực hiện Đề án chuyển đổi số trong công tác văn thư, lưu trữ; số hóa tài liệu lưu trữ lịch sử, xây dựng cơ sở dữ liệu hồ sơ điện tử và bảo đảm an toàn thông tin giai đoạn 2026–2030',
];

function sampleRegister() {
  const docs = Array.from({ length: ENTRIES }, (_, i) =>
    sampleDoc({
      arrivalNumber: i + 1,
      arrivalDate: `2026-${String(1 + Math.floor(i / 170)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      codeNumber: String(1 + (i % 900)),
      subject: SUBJECTS[i % SUBJECTS.length],
      status: i % 97 === 0 ? 'cancelled' : 'registered',
      cancelReason: i % 97 === 0 ? 'Đăng ký nhầm văn bản' : null,
    }),
  );
  const rows = registerRows(docs);
  return { rows, cover: registerCover({ name: 'Sở Nội vụ tỉnh Thái Nguyên', parentName: 'Ủy ban nhân dân tỉnh Thái Nguyên' }, 2026, rows, {}, 1) };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

/** Prints one line per format (through `log`) and returns them, for bench/run.ts to collect. */
export async function benchPrint(log: (line: string) => void = console.log): Promise<string[]> {
  const { rows, cover } = sampleRegister();
  // The first document pays for parsing the fonts; that is not what is being measured.
  await buildRegisterPdf(cover, rows.slice(0, 5));
  const pdf = await timed(() => buildRegisterPdf(cover, rows));
  const pages = pdf.value.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
  const xlsx = await timed(() => buildRegisterXlsx(cover, rows));
  const kb = (b: Buffer) => `${(b.length / 1024).toFixed(0)} KB`;
  const lines = [
    `${'print'.padEnd(20)} ${`register PDF, ${ENTRIES} entries`.padEnd(44)} ${pdf.ms.toFixed(0).padStart(7)} ms  (${pages} pages, ${kb(pdf.value)})`,
    `${'print'.padEnd(20)} ${`register XLSX, ${ENTRIES} entries`.padEnd(44)} ${xlsx.ms.toFixed(0).padStart(7)} ms  (${kb(xlsx.value)})`,
  ];
  for (const line of lines) log(line);
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`\nVănThư print bench — Node ${process.version}\n`);
  await benchPrint();
}
