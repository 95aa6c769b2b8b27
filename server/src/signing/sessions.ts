/**
 * Signing sessions: the server prepares the document for a registered certificate and
 * hands out only the signed attributes; the key signs them wherever it lives (the person's token
 * through the signing agent, a remote service) and the value comes back to be embedded. Both
 * steps run in the caller's transaction, so the caller's own state changes with them.
 */
import { X509Certificate } from 'node:crypto';
import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { assertTransaction, type Db } from '../infra/db/database.js';
import { recordAudit } from '../infra/audit/audit.js';
import { AppError, conflict, forbidden, notFound } from '../shared/errors.js';
import { currentHolder } from './devices/service.js';
import { placeImage, type PageBox, type Placement, type VisibleRequest } from './images/placing.js';
import { completePdf, type SignOptions } from './pades/sign.js';
import { preparePdfOffThread, stampOffThread } from './pades/prepare-off-thread.js';
import type { SignatureAppearance } from './pades/appearance.js';
import type { CopyForm } from './pades/stamps.js';
import type { KeyAlgorithm } from './signer.js';
import type { SigningTables } from './tables.js';

const sessionsDb = (db: Db) => db.withTables<SigningTables>();
const SESSION_MINUTES = 15;

export type SigningPurpose = 'personal' | 'organisation';

export interface SessionRequest {
  purpose: SigningPurpose;
  certificateId: string;
  pdf: Buffer;
  objectType: string;
  objectId: string;
  options: Omit<SignOptions, 'signingTime'>;
  /** Show the signer's signature image or the agency's seal (Q-8.2a); invisible when left out. */
  visible?: VisibleRequest;
  /** Or the agency's text-only stamp, top right of page 1, dated with the signature's own time (Q-8.2b–c). */
  stamp?: StampRequest;
}

/** A copy from paper (copy form and copying agency) or an appendix (the main document's number and symbol). */
export type StampRequest = ({ copyForm: CopyForm; agencyName: string } | { appendixOf: string }) & { fontPath?: string };

/** Off the event loop (prepare-off-thread.ts): the stamp's place is read from page 1 of a document of any length. */
function stampAppearance(pdf: Buffer, stamp: StampRequest, signingTime: Date): Promise<SignatureAppearance> {
  if ('appendixOf' in stamp) return stampOffThread('appendixStampAppearance', pdf, { numberAndSymbol: stamp.appendixOf, signingTime, fontPath: stamp.fontPath });
  return stampOffThread('copyStampAppearance', pdf, { form: stamp.copyForm, agencyName: stamp.agencyName, signingTime, fontPath: stamp.fontPath });
}

export interface PreparedSession {
  sessionId: string;
  /** What the signing agent receives (see agent/request.ts). */
  request: { toBeSigned: string; algorithm: KeyAlgorithm };
  /** SHA-256 of toBeSigned, shown so the person can compare it with what the agent shows. */
  digest: string;
  certificate: { subject: string; serialNumber: string };
  /** When `visible` was asked: whether the image is shown, and where; not_found and no_image sign invisibly. */
  placement?: Placement;
  /** Where the image goes. */
  box?: PageBox;
}

/**
 * The certificate must be the actor's own (personal), or one on an agency device the actor holds
 * now by a recorded handover (organisation, Q-5.3b); valid now.
 */
async function usableCertificate(ctx: Ctx, purpose: SigningPurpose, certificateId: string) {
  const actor = requireActor(ctx);
  const q = sessionsDb(ctx.db);
  const cert = await q.selectFrom('signing_certificate').selectAll().where('id', '=', certificateId).executeTakeFirst();
  if (!cert || cert.agency_id !== actor.agencyId) throw notFound('Chứng thư số');
  if (purpose === 'personal' && cert.owner_user_id !== actor.userId) throw forbidden('Chỉ ký bằng chứng thư số của chính mình.');
  if (purpose === 'organisation') {
    if (!cert.device_id) throw forbidden('Chữ ký số của cơ quan dùng chứng thư trên thiết bị của cơ quan.');
    const device = await q.selectFrom('signing_key_device').select('retired_at').where('id', '=', cert.device_id).executeTakeFirstOrThrow();
    if (device.retired_at) throw conflict('Thiết bị lưu khóa bí mật đã ngừng sử dụng.');
    if ((await currentHolder(ctx.db, cert.device_id)) !== actor.userId) throw forbidden('Chỉ văn thư đang giữ thiết bị lưu khóa bí mật của cơ quan (đã ghi nhận bàn giao) được ký số của cơ quan (Q-5.3b).');
  }
  const now = ctx.clock.now();
  if (cert.not_after <= now || cert.not_before > now) throw new AppError('VALIDATION_FAILED', 'Chứng thư số đã hết hạn hoặc chưa có hiệu lực.', [{ field: 'certificateId' }]);
  return cert;
}

function algorithmOf(der: Buffer): KeyAlgorithm {
  const type = new X509Certificate(der).publicKey.asymmetricKeyType;
  if (type === 'rsa') return 'RSA';
  if (type === 'ec') return 'ECDSA';
  throw new AppError('VALIDATION_FAILED', `Khoá ${type} chưa được hỗ trợ để ký số.`, [{ field: 'certificateId' }]);
}

export async function startSigningSession(ctx: Ctx, input: SessionRequest): Promise<PreparedSession> {
  assertTransaction(ctx.db);
  const actor = requireActor(ctx);
  const cert = await usableCertificate(ctx, input.purpose, input.certificateId);
  const now = ctx.clock.now();
  const shown = input.visible ? await placeImage(ctx, input.purpose, input.pdf, input.visible) : undefined;
  const stamped = input.stamp ? await stampAppearance(input.pdf, input.stamp, now) : undefined;
  const prepared = await preparePdfOffThread(input.pdf, [cert.certificate], { ...input.options, appearance: shown?.appearance ?? stamped ?? input.options.appearance, signingTime: now });
  const row = await sessionsDb(ctx.db)
    .insertInto('signing_session')
    .values({
      agency_id: actor.agencyId,
      user_id: actor.userId,
      certificate_id: cert.id,
      purpose: input.purpose,
      object_type: input.objectType,
      object_id: input.objectId,
      prepared: prepared.prepared,
      to_be_signed: prepared.toBeSigned,
      created_at: now,
      expires_at: new Date(now.getTime() + SESSION_MINUTES * 60_000),
      completed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    sessionId: row.id,
    request: { toBeSigned: prepared.toBeSigned.toString('base64'), algorithm: algorithmOf(cert.certificate) },
    digest: prepared.digest.toString('hex'),
    certificate: { subject: cert.subject, serialNumber: cert.serial_number },
    ...(shown && { placement: shown.placement, ...(shown.box && { box: { page: shown.box.page, ...shown.box.rect } }) }),
  };
}

export interface CompletedSession {
  pdf: Buffer;
  purpose: SigningPurpose;
  objectType: string;
  objectId: string;
  certificateId: string;
}

/**
 * Embeds the signature value the key made. The agent's certificate must be the registered one;
 * completePdf checks the value against the prepared document and the certificate's public key.
 */
export async function completeSigningSession(ctx: Ctx, sessionId: string, answer: { signature: string; certificateChain?: string[] }): Promise<CompletedSession> {
  assertTransaction(ctx.db);
  const actor = requireActor(ctx);
  const q = sessionsDb(ctx.db);
  const session = await q.selectFrom('signing_session').selectAll().where('id', '=', sessionId).forUpdate().executeTakeFirst();
  if (!session || session.user_id !== actor.userId) throw notFound('Phiên ký số');
  if (session.completed_at) throw conflict('Phiên ký số này đã hoàn tất.');
  const now = ctx.clock.now();
  if (session.expires_at <= now) throw conflict(`Phiên ký số đã hết hạn (${SESSION_MINUTES} phút); hãy ký lại.`);
  const cert = await usableCertificate(ctx, session.purpose, session.certificate_id);
  const chain = (answer.certificateChain ?? []).map((b64) => Buffer.from(b64, 'base64'));
  if (chain.length && !chain[0].equals(cert.certificate)) {
    throw new AppError('VALIDATION_FAILED', 'Chữ ký được tạo bằng một chứng thư số khác với chứng thư đã chọn.', [{ field: 'certificateChain' }]);
  }
  const pdf = completePdf(session.prepared, Buffer.from(answer.signature, 'base64'), [cert.certificate, ...chain.slice(1)], session.to_be_signed);
  await q.updateTable('signing_session').set({ completed_at: now }).where('id', '=', sessionId).execute();
  await recordAudit(ctx, { action: `signing.${session.purpose}_sign`, objectType: session.object_type, objectId: session.object_id, details: { certificateId: cert.id, subject: cert.subject, serial: cert.serial_number } });
  return { pdf, purpose: session.purpose, objectType: session.object_type, objectId: session.object_id, certificateId: cert.id };
}
