import { Type, type Static } from 'typebox';
import { CalendarDate, NonBlank } from '../infra/http/schemas.js';

const Uuid = Type.String({ format: 'uuid' });
const DateStr = CalendarDate();
/** A unit or a person: exactly one of the two. */
const Target = Type.Object({ unitId: Type.Optional(Uuid), userId: Type.Optional(Uuid), deadline: Type.Optional(DateStr) });

export const Present = Type.Object({ toUserId: Uuid });

export const Direct = Type.Object({
  lead: Target,
  coordinating: Type.Optional(Type.Array(Target, { maxItems: 30 })),
  inform: Type.Optional(Type.Array(Target, { maxItems: 50 })),
  comment: Type.Optional(Type.String({ maxLength: 2000, description: 'Ý kiến chỉ đạo' })),
  deadline: Type.Optional(DateStr),
  followUpUserId: Type.Optional(Uuid),
});
export type Direct = Static<typeof Direct>;
export type Target = Static<typeof Target>;

export const AssignStaff = Type.Object({ userId: Uuid, deadline: Type.Optional(DateStr), note: Type.Optional(Type.String({ maxLength: 1000 })) });
export const Note = Type.Object({ note: NonBlank(2000) });
export const Finish = Type.Object({ result: NonBlank(2000, { description: 'Kết quả giải quyết' }) });
export const Reason = Type.Object({ reason: NonBlank(1000, { minLength: 3 }) });
export const Extension = Type.Object({ until: DateStr, reason: NonBlank(1000, { minLength: 3 }) });
export const ExtendDeadline = Type.Object({ until: DateStr });

export const Assignment = Type.Object({
  id: Type.String(),
  documentId: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  unitId: Type.Union([Type.String(), Type.Null()]),
  userId: Type.Union([Type.String(), Type.Null()]),
  role: Type.String({ description: 'lead: chủ trì; coordinate: phối hợp; inform: để biết' }),
  deadline: Type.Union([Type.String(), Type.Null()]),
  state: Type.String(),
  assignedBy: Type.String(),
  assignedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  result: Type.Union([Type.String(), Type.Null()]),
  /** Deadline status in working days: due within two working days, or past. */
  dueSoon: Type.Boolean(),
  overdue: Type.Boolean(),
});
export type Assignment = Static<typeof Assignment>;

export const Routing = Type.Object({
  documentId: Type.String(),
  state: Type.String(),
  presentedTo: Type.Union([Type.String(), Type.Null()]),
  presentedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  directedBy: Type.Union([Type.String(), Type.Null()]),
  directedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
  deadline: Type.Union([Type.String(), Type.Null()]),
  followUpUserId: Type.Union([Type.String(), Type.Null()]),
  assignments: Type.Array(Assignment),
});
export type Routing = Static<typeof Routing>;

export const TimelineEvent = Type.Object({ at: Type.String({ format: 'date-time' }), actorId: Type.String(), kind: Type.String(), details: Type.Unknown() });
