import { X509Certificate } from 'node:crypto';
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
import { issueChallenge, readCertificate, RegistrationError, spendChallenge, takeProof } from './possession.js';

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
 * First step of registering a certificate: the organisation's on one of its devices, or a
 * person's own. Only the certificate is sent, never a key; the answer is a one-time
 * challenge that the key holder signs (possession.ts). A registration elsewhere — another person,
 * another agency — changes nothing here and shows nowhere: the same certificate may rightly be
 * registered by each holder who proves the key (one person with posts in two agencies).
 */
export async function requestRegistrationChallenge(ctx: Ctx, input: { certificate: string; deviceId?: string }) {
  const actor = requireActor(ctx);
  const read = readCertificate(input.certificate);
  const deviceId = input.deviceId ?? null;
  if (deviceId) {
    requireKeeper(ctx);
    await loadDevice(ctx.db, actor.agencyId, deviceId);
  }
  // Only the holder's own earlier registration is mentioned: that tells them nothing new.
  if (await registeredBy(ctx.db, read.fingerprint, deviceId ? { deviceId } : { ownerUserId: actor.userId })) throw alreadyRegistered(deviceId);
  return issueChallenge(ctx, { ...read, deviceId });
}

/** Second step: with the signed challenge, the certificate it names is registered for its person or device. */
export async function registerCertificate(ctx: Ctx, input: { challengeId?: string; signature?: string }) {
  const actor = requireActor(ctx);
  const { row: proof, signature } = await takeProof(ctx, input);
  if (proof.device_id) {
    requireKeeper(ctx);
    await loadDevice(ctx.db, actor.agencyId, proof.device_id);
  }
  const cert = new X509Certificate(proof.certificate);
  const now = ctx.clock.now();
  const row = await devicesDb(ctx.db)
    .insertInto('signing_certificate')
    .values({
      agency_id: actor.agencyId,
      device_id: proof.device_id,
      owner_user_id: proof.device_id ? null : actor.userId,
      subject: cert.subject,
      serial_number: cert.serialNumber,
      issuer: cert.issuer,
      not_before: new Date(cert.validFrom),
      not_after: new Date(cert.validTo),
      fingerprint: proof.fingerprint,
      certificate: cert.raw,
      added_by: actor.userId,
      added_at: now,
      proof_id: proof.id,
      // The provider accepted this certificate for the account the challenge was sent to.
      remote_account: proof.remote_account,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch((err) => {
      throw isUniqueViolation(err) ? alreadyRegistered(proof.device_id) : err;
    });
  await spendChallenge(ctx.db, proof.id, { signature, certificateId: row.id, at: now });
  await recordAudit(ctx, {
    action: 'signing.certificate_register',
    objectType: 'certificate',
    objectId: row.id,
    details: { subject: cert.subject, serial: cert.serialNumber, deviceId: proof.device_id, fingerprint: proof.fingerprint, challengeId: proof.id },
  });
  return row.id;
}

/** A registration of this certificate by this person, or on this device. */
async function registeredBy(db: Db, fingerprint: string, holder: { ownerUserId: string } | { deviceId: string }): Promise<boolean> {
  let query = devicesDb(db).selectFrom('signing_certificate').select('id').where('fingerprint', '=', fingerprint);
  query = 'deviceId' in holder ? query.where('device_id', '=', holder.deviceId) : query.where('owner_user_id', '=', holder.ownerUserId);
  return (await query.executeTakeFirst()) !== undefined;
}

const alreadyRegistered = (deviceId: string | null) =>
  new RegistrationError('ALREADY_REGISTERED', deviceId ? 'Chứng thư số này đã được đăng ký trên thiết bị này.' : 'Bạn đã đăng ký chứng thư số này.');

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
