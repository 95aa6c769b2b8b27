/**
 * Time to build a 2,000-entry Sổ theo dõi giải quyết văn bản đến (NĐ 30 Phụ lục IV mẫu VIII) as
 * PDF and as XLSX, without the database: the cells (names, deadlines, working-day lateness), then
 * each file. Printed, never asserted. Alone: `npx tsx server/bench/print-forms.ts`.
 */
import { pathToFileURL } from 'node:url';
import { WorkingCalendar } from '../src/infra/time/working-days.js';
import { addDays } from '../src/infra/time/legal-time.js';
import type { Names } from '../src/incoming/print/form-names.js';
import type { TrackingAssignment, TrackingEntry } from '../src/incoming/print/tracking-data.js';
import { toTrackingRow, trackingCover } from '../src/incoming/print/tracking-rows.js';
import { buildTrackingPdf } from '../src/incoming/print/tracking-pdf.js';
import { buildTrackingXlsx } from '../src/incoming/print/tracking-xlsx.js';

const ENTRIES = 2000;
const TODAY = '2026-12-15';

const names: Names = {
  units: new Map([
    ['vp', 'Văn phòng Sở'],
    ['tcbc', 'Phòng Tổ chức, biên chế'],
    ['vtlt', 'Phòng Văn thư - Lưu trữ'],
    ['ttr', 'Thanh tra Sở'],
  ]),
  people: new Map([['mai', { fullName: 'Phạm Thị Mai', positionTitle: 'Chuyên viên', unitId: 'vtlt' }]]),
};
const UNITS = ['vp', 'tcbc', 'vtlt', 'ttr'];

/** A busy year: most done (some late), some open (some overdue), a few not yet directed. */
function sampleEntries(): TrackingEntry[] {
  return Array.from({ length: ENTRIES }, (_, i) => {
    const arrivalDate = addDays('2026-01-02', Math.floor(i / 6));
    const deadline = addDays(arrivalDate, 10);
    const kind = i % 10;
    const assignment = (role: 'lead' | 'coordinate', unit: string): TrackingAssignment => ({
      documentId: String(i),
      unitId: unit,
      userId: kind === 3 && role === 'lead' ? 'mai' : null,
      role,
      deadline,
      state: kind < 7 ? 'done' : 'in_progress',
      finishedAt: kind < 7 ? new Date(`${addDays(deadline, kind === 6 ? 3 : -2)}T10:00:00+07:00`) : null,
    });
    const directed = kind !== 9;
    return {
      documentId: String(i),
      arrivalNumber: i + 1,
      arrivalDate,
      typeName: i % 3 ? 'Công văn' : 'Quyết định',
      codeNumber: String(100 + i),
      codeNotation: i % 3 ? 'UBND-NC' : 'QĐ-UBND',
      issuedDate: arrivalDate,
      issuerName: 'Ủy ban nhân dân tỉnh Thái Nguyên',
      description: i % 13 ? null : 'Kèm theo phụ lục',
      replyNotation: kind < 7 ? `${200 + i}/SNV-VTLT` : null,
      dueDate: null,
      routingState: directed ? (kind < 7 ? 'done' : 'directed') : 'presented',
      routingDeadline: directed ? deadline : null,
      lead: directed ? assignment('lead', UNITS[i % 4]) : null,
      coordinating: directed && i % 2 ? [assignment('coordinate', UNITS[(i + 1) % 4]), assignment('coordinate', UNITS[(i + 2) % 4])] : [],
    };
  });
}

async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

/** Prints one line per step (through `log`) and returns them, for bench/run.ts to collect. */
export async function benchPrintForms(log: (line: string) => void = console.log): Promise<string[]> {
  const entries = sampleEntries();
  const calendar = new WorkingCalendar();
  const cover = trackingCover({ name: 'Sở Nội vụ tỉnh Thái Nguyên', parentName: 'Ủy ban nhân dân tỉnh Thái Nguyên' }, 2026, entries, {}, 1);
  const rows = await timed(() => entries.map((e) => toTrackingRow(e, names, TODAY, calendar)));
  // The first document pays for parsing the fonts; that is not what is being measured.
  await buildTrackingPdf(cover, rows.value.slice(0, 5));
  const pdf = await timed(() => buildTrackingPdf(cover, rows.value));
  const pages = pdf.value.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
  const xlsx = await timed(() => buildTrackingXlsx(cover, rows.value));
  const kb = (b: Buffer) => `${(b.length / 1024).toFixed(0)} KB`;
  const line = (what: string, ms: number, extra: string) => `${'print'.padEnd(20)} ${what.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms  (${extra})`;
  const lines = [
    line(`tracking book cells, ${ENTRIES} entries`, rows.ms, 'names, deadlines, working-day lateness'),
    line(`tracking book PDF, ${ENTRIES} entries`, pdf.ms, `${pages} pages, ${kb(pdf.value)}`),
    line(`tracking book XLSX, ${ENTRIES} entries`, xlsx.ms, kb(xlsx.value)),
  ];
  for (const l of lines) log(l);
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`\nVănThư print-forms bench — Node ${process.version}\n`);
  await benchPrintForms();
}
