import { renderPdf } from '../../infra/pdf-render.js';

export interface HandoverFacts {
  agencyName: string;
  parentAgencyName: string | null;
  place: string;
  at: Date;
  decisionNumber: string;
  decisionDate: string;
  from: { name: string; position: string | null } | null;
  to: { name: string; position: string | null };
  device: { kind: string; label: string; serialNumber: string };
  certificates: { subject: string; serialNumber: string; notAfter: Date }[];
}

const KIND_LABELS: Record<string, string> = { token: 'Thiết bị USB token', hsm: 'Thiết bị HSM', remote: 'Dịch vụ ký số từ xa' };
const dmy = (d: Date) => new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
const isoDmy = (date: string) => date.split('-').reverse().join('/');

/**
 * Biên bản bàn giao thiết bị lưu khóa bí mật (Q-5.3c): generated when the head assigns a device,
 * printed and signed by both sides; the assignment takes effect when the handover is recorded.
 */
export function handoverRecordPdf(f: HandoverFacts, fontDir?: string | null): Promise<Buffer> {
  const vnTime = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' }).format(f.at);
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(f.at);
  const part = (t: string) => day.find((p) => p.type === t)?.value ?? '';
  return renderPdf(
    {
      pageMargins: [85, 57, 57, 57],
      content: [
        {
          columns: [
            { width: '45%', stack: [...(f.parentAgencyName ? [{ text: f.parentAgencyName.toUpperCase(), fontSize: 12 }] : []), { text: f.agencyName.toUpperCase(), bold: true, fontSize: 12 }], alignment: 'center' },
            { width: '55%', stack: [{ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 12 }, { text: 'Độc lập - Tự do - Hạnh phúc', bold: true }], alignment: 'center' },
          ],
        },
        { text: `${f.place}, ngày ${part('day')} tháng ${part('month')} năm ${part('year')}`, italics: true, alignment: 'right', margin: [0, 12, 0, 12] },
        { text: 'BIÊN BẢN BÀN GIAO', bold: true, alignment: 'center', fontSize: 14 },
        { text: 'Thiết bị lưu khóa bí mật và chứng thư số của cơ quan', bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
        { text: `Căn cứ Quyết định số ${f.decisionNumber} ngày ${isoDmy(f.decisionDate)} của người đứng đầu ${f.agencyName} về việc giao quản lý, sử dụng thiết bị lưu khóa bí mật;` },
        { text: `Hôm nay, vào lúc ${vnTime} ngày ${dmy(f.at)}, tại ${f.agencyName}, chúng tôi gồm:`, margin: [0, 6, 0, 6] },
        { text: `Bên giao: ${f.from ? `${f.from.name}${f.from.position ? `, ${f.from.position}` : ''}` : 'Lãnh đạo cơ quan (giao lần đầu)'}` },
        { text: `Bên nhận: ${f.to.name}${f.to.position ? `, ${f.to.position}` : ''}`, margin: [0, 0, 0, 6] },
        { text: 'Tiến hành bàn giao:' },
        {
          table: {
            headerRows: 1,
            widths: ['auto', '*', 'auto'],
            body: [
              [{ text: 'Loại thiết bị', bold: true }, { text: 'Tên, số hiệu thiết bị', bold: true }, { text: 'Số sê-ri', bold: true }],
              [KIND_LABELS[f.device.kind] ?? f.device.kind, f.device.label, f.device.serialNumber],
            ],
          },
          margin: [0, 6, 0, 6],
        },
        ...(f.certificates.length
          ? [
              { text: 'Chứng thư số trên thiết bị:' },
              { ul: f.certificates.map((c) => `${c.subject} — số hiệu ${c.serialNumber}, hiệu lực đến ${dmy(c.notAfter)}`), margin: [0, 4, 0, 6] },
            ]
          : []),
        { text: 'Bên nhận chịu trách nhiệm quản lý, sử dụng thiết bị theo quy định kể từ khi biên bản này được ghi nhận vào hệ thống; trước thời điểm đó, bên giao vẫn chịu trách nhiệm.' },
        { text: 'Biên bản được lập thành 02 bản, mỗi bên giữ 01 bản.', margin: [0, 6, 0, 24] },
        {
          columns: [
            { text: [{ text: 'BÊN GIAO\n', bold: true }, { text: '(Ký, ghi rõ họ tên)\n\n\n\n', italics: true }, f.from?.name ?? ''], alignment: 'center' },
            { text: [{ text: 'BÊN NHẬN\n', bold: true }, { text: '(Ký, ghi rõ họ tên)\n\n\n\n', italics: true }, f.to.name], alignment: 'center' },
          ],
        },
      ],
    },
    fontDir,
  );
}
