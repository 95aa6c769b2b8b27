import { createHash, X509Certificate } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql, type Selectable } from 'kysely';
import type { Ctx } from '../../infra/context.js';
import { requireActor } from '../../infra/context.js';
import { hasRole } from '../../infra/auth/actor.js';
import { inTransaction, isUniqueViolation, type Db } from '../../infra/db/database.js';
import { recordAudit } from '../../infra/audit/audit.js';
import { AppError, conflict, forbidden, notFound } from '../../shared/errors.js';
import { nfc } from '../../shared/text.js';
import { findAgency } from '../../agencies/index.js';
import { findUserBrief } from '../../users/index.js';
import type { SigningTables } from '../tables.js';
import { handoverRecordPdf } from './handover-record.js';

const devicesDb = (db: Db) => db.withTables<SigningTables>();
/** Certificates are flagged, and their holders told (expiry.ts), this many days before they expire. */
export const EXPIRY_WARNING_DAYS = 30;
/** The signed decision as issued (PDF) or scanned from paper. */
const DECISION_FORMATS = new Set(['pdf', 'jpeg', 'png']);
const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ field }]);

/** Key devices are the agency's: its head, deputies and clerks register them. */
function requireKeeper(ctx: Ctx) {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'agency_head', 'deputy_head', 'clerk')) throw forbidden('Chỉ lãnh đạo cơ quan hoặc văn thư quản lý thiết bị lưu khóa bí mật.');
  return actor;
}

export async function registerDevice(ctx: Ctx, input: { kind: 'token' | 'hsm' | 'remote'; label: string; serialNumber: string }) {
  const actor = requireKeeper(ctx);
  const row = await devicesDb(ctx.db)
    .insertInto('signing_key_device')
    .values({ agency_id: actor.agencyId, kind: input.kind, label: nfc(input.label), serial_number: input.serialNumber.trim(), added_by: actor.userId, added_at: ctx.clock.now(), retired_at: null })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch((err) => {
      throw isUniqueViolation(err) ? conflict('Số sê-ri thiết bị đã được đăng ký.') : err;
    });
  await recordAudit(ctx, { action: 'signing.device_register', objectType: 'key_device', objectId: row.id, details: input });
  return row.id;
}

/**
 * Registers a certificate: the organisation's on one of its devices, or a person's own.
 * Only the certificate is stored; private keys never reach the server.
 */
export async function registerCertificate(ctx: Ctx, input: { certificate: string; deviceId?: string }) {
  const actor = requireActor(ctx);
  let cert: X509Certificate;
  try {
    const text = input.certificate.trim();
    cert = new X509Certificate(text.startsWith('-----BEGIN') ? text : Buffer.from(text, 'base64'));
  } catch {
    throw invalid('certificate', 'Không đọc được chứng thư số (cần PEM hoặc DER mã hóa base64).');
  }
  if (cert.ca) throw invalid('certificate', 'Đây là chứng thư của CA; chứng thư CA thêm vào danh sách tin cậy.');
  if (input.deviceId) {
    requireKeeper(ctx);
    await loadDevice(ctx.db, actor.agencyId, input.deviceId);
  }
  const row = await devicesDb(ctx.db)
    .insertInto('signing_certificate')
    .values({
      agency_id: actor.agencyId,
      device_id: input.deviceId ?? null,
      owner_user_id: input.deviceId ? null : actor.userId,
      subject: cert.subject,
      serial_number: cert.serialNumber,
      issuer: cert.issuer,
      not_before: new Date(cert.validFrom),
      not_after: new Date(cert.validTo),
      fingerprint: createHash('sha256').update(cert.raw).digest('hex'),
      certificate: cert.raw,
      added_by: actor.userId,
      added_at: ctx.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch((err) => {
      throw isUniqueViolation(err) ? conflict('Chứng thư số này đã được đăng ký.') : err;
    });
  await recordAudit(ctx, { action: 'signing.certificate_register', objectType: 'certificate', objectId: row.id, details: { subject: cert.subject, serial: cert.serialNumber, deviceId: input.deviceId } });
  return row.id;
}

async function loadDevice(db: Db, agencyId: string, id: string) {
  const device = await devicesDb(db).selectFrom('signing_key_device').selectAll().where('id', '=', id).executeTakeFirst();
  if (!device || device.agency_id !== agencyId) throw notFound('Thiết bị');
  return device;
}

async function currentAssignment(db: Db, deviceId: string) {
  return devicesDb(db).selectFrom('signing_device_assignment').selectAll().where('device_id', '=', deviceId).where('effective_at', 'is not', null).where('ended_at', 'is', null).executeTakeFirst();
}

/** The clerk who holds the organisation's device now (Q-5.3b), or null. */
export async function currentHolder(db: Db, deviceId: string): Promise<string | null> {
  return (await currentAssignment(db, deviceId))?.holder_id ?? null;
}

/**
 * The head assigns a device to a clerk by a written decision. The handover record is
 * generated and kept; the assignment takes effect only when the handover is recorded (Q-5.3c).
 */
export async function assignDevice(ctx: Ctx, deviceId: string, input: { holderId: string; decisionNumber: string; decisionDate: string; decisionFileId: string }, fontDir?: string) {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'agency_head')) throw forbidden('Chỉ người đứng đầu cơ quan giao thiết bị lưu khóa bí mật (Q-5.2).');
  return inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    const device = await loadDevice(trx, actor.agencyId, deviceId);
    if (device.retired_at) throw conflict('Thiết bị đã ngừng sử dụng.');
    const holder = await findUserBrief(trx, input.holderId);
    if (!holder || holder.agencyId !== actor.agencyId || !holder.active || !holder.roles.includes('clerk')) throw invalid('holderId', 'Thiết bị chỉ giao cho văn thư của cơ quan.');
    // The written decision itself is kept, not only its number.
    const file = await ctx.files.get(tctx, input.decisionFileId).catch(() => undefined);
    if (!file || file.agencyId !== actor.agencyId) throw invalid('decisionFileId', 'Tệp quyết định không thuộc cơ quan.');
    if (!DECISION_FORMATS.has(file.format)) throw invalid('decisionFileId', 'Tệp quyết định phải là bản PDF hoặc ảnh quét (JPEG, PNG) của quyết định đã ký.');
    const current = await currentAssignment(trx, deviceId);
    if (current?.holder_id === holder.id) throw conflict('Văn thư này đang giữ thiết bị.');
    const from = current ? await findUserBrief(trx, current.holder_id) : undefined;
    const agency = (await findAgency(trx, actor.agencyId))!;
    const parent = agency.parentId ? await findAgency(trx, agency.parentId) : undefined;
    const certificates = await devicesDb(trx).selectFrom('signing_certificate').select(['subject', 'serial_number', 'not_after']).where('device_id', '=', deviceId).execute();
    const now = ctx.clock.now();
    const pdf = await handoverRecordPdf(
      {
        agencyName: agency.name,
        parentAgencyName: parent?.name ?? null,
        place: 'Thái Nguyên',
        at: now,
        decisionNumber: input.decisionNumber,
        decisionDate: input.decisionDate,
        from: from ? { name: from.fullName, position: from.positionTitle } : null,
        to: { name: holder.fullName, position: holder.positionTitle },
        device: { kind: device.kind, label: device.label, serialNumber: device.serial_number },
        certificates: certificates.map((c) => ({ subject: c.subject, serialNumber: c.serial_number, notAfter: c.not_after })),
      },
      fontDir,
    );
    const record = await ctx.files.store(tctx, { source: Readable.from([pdf]), originalName: `bien-ban-ban-giao-${device.serial_number}.pdf` });
    const row = await devicesDb(trx)
      .insertInto('signing_device_assignment')
      .values({ device_id: deviceId, agency_id: actor.agencyId, holder_id: holder.id, decision_number: nfc(input.decisionNumber), decision_date: input.decisionDate, decision_file_id: input.decisionFileId, handover_file_id: record.id, assigned_by: actor.userId, created_at: now, effective_at: null, ended_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tctx, { action: 'signing.device_assign', objectType: 'key_device', objectId: deviceId, details: { assignmentId: row.id, holderId: holder.id, decisionNumber: input.decisionNumber } });
    return { assignmentId: row.id, handoverFileId: record.id };
  });
}

/** The handover is recorded (by the new holder or the head): it takes effect, the previous holder's ends. */
export async function recordHandover(ctx: Ctx, assignmentId: string) {
  const actor = requireActor(ctx);
  await inTransaction(ctx.db, async (trx) => {
    const q = devicesDb(trx);
    const a = await q.selectFrom('signing_device_assignment').selectAll().where('id', '=', assignmentId).forUpdate().executeTakeFirst();
    if (!a || a.agency_id !== actor.agencyId) throw notFound('Quyết định giao thiết bị');
    if (actor.userId !== a.holder_id && !hasRole(actor, 'agency_head')) throw forbidden('Người nhận hoặc người đứng đầu cơ quan ghi nhận bàn giao.');
    if (a.effective_at || a.ended_at) throw conflict('Bàn giao này đã được ghi nhận hoặc đã kết thúc.');
    const now = ctx.clock.now();
    await q.updateTable('signing_device_assignment').set({ ended_at: now }).where('device_id', '=', a.device_id).where('effective_at', 'is not', null).where('ended_at', 'is', null).execute();
    // Any other pending decision for this device is superseded by the one recorded.
    await q.updateTable('signing_device_assignment').set({ ended_at: now }).where('device_id', '=', a.device_id).where('effective_at', 'is', null).where('id', '<>', a.id).execute();
    await q.updateTable('signing_device_assignment').set({ effective_at: now }).where('id', '=', a.id).execute();
    await recordAudit({ ...ctx, db: trx }, { action: 'signing.device_handover', objectType: 'key_device', objectId: a.device_id, details: { assignmentId, holderId: a.holder_id } });
  });
}

type CertRow = Pick<Selectable<SigningTables['signing_certificate']>, 'id' | 'subject' | 'serial_number' | 'issuer' | 'not_before' | 'not_after' | 'device_id' | 'owner_user_id' | 'remote_account'>;
const presentCert = (c: CertRow, now: Date) => ({
  id: c.id,
  subject: c.subject,
  serialNumber: c.serial_number,
  issuer: c.issuer,
  notBefore: c.not_before.toISOString(),
  notAfter: c.not_after.toISOString(),
  deviceId: c.device_id,
  ownerUserId: c.owner_user_id,
  expired: c.not_after <= now,
  expiresSoon: c.not_after > now && c.not_after.getTime() - now.getTime() < EXPIRY_WARNING_DAYS * 86400000,
  remoteAccount: c.remote_account,
});

/** The agency's devices with their holder, pending handover and certificates (with expiry warnings). */
export async function listDevices(ctx: Ctx) {
  const actor = requireActor(ctx);
  const q = devicesDb(ctx.db);
  const now = ctx.clock.now();
  const devices = await q.selectFrom('signing_key_device').selectAll().where('agency_id', '=', actor.agencyId).orderBy('added_at').execute();
  const certs = await q.selectFrom('signing_certificate').selectAll().where('agency_id', '=', actor.agencyId).where('device_id', 'is not', null).execute();
  const assignments = await q.selectFrom('signing_device_assignment').selectAll().where('agency_id', '=', actor.agencyId).where('ended_at', 'is', null).execute();
  return devices.map((d) => {
    const mine = assignments.filter((a) => a.device_id === d.id);
    const holder = mine.find((a) => a.effective_at);
    const pending = mine.find((a) => !a.effective_at);
    return {
      id: d.id,
      kind: d.kind,
      label: d.label,
      serialNumber: d.serial_number,
      retired: d.retired_at !== null,
      holderId: holder?.holder_id ?? null,
      pending: pending ? { assignmentId: pending.id, holderId: pending.holder_id, decisionNumber: pending.decision_number, handoverFileId: pending.handover_file_id } : null,
      certificates: certs.filter((c) => c.device_id === d.id).map((c) => presentCert(c, now)),
    };
  });
}

/** The certificates of the actor (personal) and of the agency's devices, flagged when expired or expiring within 30 days. */
export async function listCertificates(ctx: Ctx) {
  const actor = requireActor(ctx);
  const rows = await devicesDb(ctx.db)
    .selectFrom('signing_certificate')
    .select(['id', 'subject', 'serial_number', 'issuer', 'not_before', 'not_after', 'device_id', 'owner_user_id', 'remote_account'])
    .where('agency_id', '=', actor.agencyId)
    .where((eb) => eb.or([eb('owner_user_id', '=', actor.userId), eb('device_id', 'is not', null)]))
    .orderBy('not_after')
    .execute();
  const now = ctx.clock.now();
  return rows.map((c) => presentCert(c, now));
}

/**
 * The device's assignments, newest first: each written decision (number, date and the decision
 * file, readable through /api/files), the handover record, and when it took effect and ended
 * (Q-5.2, Q-5.3c). Anyone of the agency may see who holds its device and by which decision.
 */
export async function listAssignments(ctx: Ctx, deviceId: string) {
  const actor = requireActor(ctx);
  await loadDevice(ctx.db, actor.agencyId, deviceId);
  const rows = await devicesDb(ctx.db).selectFrom('signing_device_assignment').selectAll().where('device_id', '=', deviceId).orderBy('created_at', 'desc').orderBy(sql`ended_at desc nulls first`).execute();
  return Promise.all(
    rows.map(async (a) => {
      const holder = await findUserBrief(ctx.db, a.holder_id);
      const file = a.decision_file_id ? await ctx.files.get(ctx, a.decision_file_id).catch(() => null) : null;
      return {
        id: a.id,
        holderId: a.holder_id,
        holderName: holder?.fullName ?? '',
        decision: {
          number: a.decision_number,
          date: a.decision_date,
          file: file && { id: file.id, originalName: file.originalName, format: file.format, size: file.size },
        },
        handoverFileId: a.handover_file_id,
        assignedBy: a.assigned_by,
        createdAt: a.created_at.toISOString(),
        effectiveAt: a.effective_at?.toISOString() ?? null,
        endedAt: a.ended_at?.toISOString() ?? null,
      };
    }),
  );
}

/** The remote signing account last used with a certificate, if any. */
export async function remoteAccountOf(db: Db, certificateId: string): Promise<string | null> {
  const row = await devicesDb(db).selectFrom('signing_certificate').select('remote_account').where('id', '=', certificateId).executeTakeFirst();
  return row?.remote_account ?? null;
}

/** A remote signing request was accepted for this account: it is the one to offer next time. */
export async function rememberRemoteAccount(db: Db, certificateId: string, account: string): Promise<void> {
  await devicesDb(db).updateTable('signing_certificate').set({ remote_account: account }).where('id', '=', certificateId).execute();
}
