import { Type, type Static } from 'typebox';
import { BoundedInt, CalendarDate } from '../../infra/http/schemas.js';

const Day = (description: string) => CalendarDate(description);

/** A volume of a register: one series of one year, within a number or date range (Phụ lục IV covers). */
export const OutgoingBookQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2199, description: 'Năm của sổ; mặc định: năm của khoảng ngày, hoặc năm hiện tại' })),
  fromNumber: Type.Optional(BoundedInt({ minimum: 1, description: 'Từ số' })),
  toNumber: Type.Optional(BoundedInt({ minimum: 1, description: 'Đến số' })),
  fromDate: Type.Optional(Day('Từ ngày văn bản (YYYY-MM-DD)')),
  toDate: Type.Optional(Day('Đến ngày văn bản (YYYY-MM-DD)')),
  series: Type.Optional(Type.String({ maxLength: 20, description: 'Mã sổ riêng (hội đồng …) đã khai báo; để trống: sổ chung của cơ quan' })),
  volume: Type.Optional(Type.Integer({ minimum: 1, maximum: 999, description: 'Quyển số in trên bìa; để trống để ghi tay' })),
});
export type OutgoingBookQuery = Static<typeof OutgoingBookQuery>;

export const OutgoingReportQuery = Type.Object({
  fromDate: Day('Từ ngày văn bản (YYYY-MM-DD)'),
  toDate: Day('Đến ngày văn bản (YYYY-MM-DD)'),
});
export type OutgoingReportQuery = Static<typeof OutgoingReportQuery>;
