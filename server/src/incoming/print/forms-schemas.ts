/** Query and response schemas of the slip, tracking-book and handling-report routes. */
import { Type } from 'typebox';
import { CalendarDate } from '../../infra/http/schemas.js';

const DateStr = (description: string) => CalendarDate(description);

export const PrintTrackingQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2199, description: 'Năm của sổ; mặc định: năm hiện tại' })),
  fromDate: Type.Optional(DateStr('Từ ngày đến (YYYY-MM-DD)')),
  toDate: Type.Optional(DateStr('Đến ngày đến (YYYY-MM-DD)')),
  volume: Type.Optional(Type.Integer({ minimum: 1, maximum: 999, description: 'Quyển số in trên bìa; để trống để ghi tay' })),
});

export const HandlingReportQuery = Type.Object({
  fromDate: DateStr('Từ ngày giao (YYYY-MM-DD)'),
  toDate: DateStr('Đến ngày giao (YYYY-MM-DD); tình trạng tính đến ngày này, hoặc hôm nay nếu kỳ chưa kết thúc'),
});

const Counts = {
  received: Type.Integer({ description: 'Số văn bản được giao chủ trì trong kỳ' }),
  onTime: Type.Integer({ description: 'Đã giải quyết đúng hạn' }),
  late: Type.Integer({ description: 'Đã giải quyết quá hạn' }),
  inProgress: Type.Integer({ description: 'Đang giải quyết trong hạn' }),
  overdue: Type.Integer({ description: 'Quá hạn chưa giải quyết' }),
};
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const HandlingReport = Type.Object({
  agencyName: Type.String(),
  parentAgencyName: Nullable(Type.String()),
  unitId: Nullable(Type.String({ description: 'Đơn vị của lãnh đạo đơn vị; null: toàn cơ quan' })),
  unitName: Nullable(Type.String()),
  fromDate: Type.String({ format: 'date' }),
  toDate: Type.String({ format: 'date' }),
  asOf: Type.String({ format: 'date', description: 'Ngày tính tình trạng' }),
  units: Type.Array(Type.Object({ unitId: Nullable(Type.String()), unitName: Type.String(), ...Counts })),
  people: Type.Array(Type.Object({ userId: Type.String(), fullName: Type.String(), unitName: Type.String(), ...Counts })),
  unitTotal: Type.Object(Counts),
  peopleTotal: Type.Object(Counts),
});
