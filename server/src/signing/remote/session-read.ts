/**
 * Reading signing sessions for the remote back end, without touching sessions.ts: the session
 * (and, for a document with appendices, its sibling sessions) that a person wants signed
 * remotely, and the certificate they were prepared for.
 */
import { X509Certificate } from 'node:crypto';
import type { Ctx } from '../../infra/context.js';
import { requireActor } from '../../infra/context.js';
import type { Db } from '../../infra/db/database.js';
import { conflict, notFound } from '../../shared/errors.js';
import type { KeyAlgorithm } from '../signer.js';
import type { SigningTables } from '../tables.js';
import { RemoteSigningError } from './errors.js';

const q = (db: Db) => db.withTables<SigningTables>();

export interface RemoteBatch {
  /** The session asked about first, then the others in the order of the agent request. */
  sessionIds: string[];
  toBeSigned: Buffer[];
  purpose: 'personal' | 'organisation';
  objectType: string;
  objectId: string;
  certificate: { id: string; der: Buffer; subject: string; serialNumber: string; algorithm: KeyAlgorithm };
}

/**
 * The actor's own open session `sessionId`, plus, when `request` lists several items (the agent
 * request of a seal over a document and its appendices), the actor's other open sessions for the
 * same certificate whose signed attributes are those items. The bytes identify the sessions, so
 * the client needs no ids but those it was given.
 */
export async function remoteBatch(ctx: Ctx, sessionId: string, request?: Buffer[]): Promise<RemoteBatch> {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  const main = await q(ctx.db).selectFrom('signing_session').selectAll().where('id', '=', sessionId).executeTakeFirst();
  if (!main || main.user_id !== actor.userId) throw notFound('Phiên ký số');
  if (main.completed_at) throw conflict('Phiên ký số này đã hoàn tất.');
  if (main.expires_at <= now) throw conflict('Phiên ký số đã hết hạn; hãy chuẩn bị ký lại.');
  const cert = await q(ctx.db).selectFrom('signing_certificate').selectAll().where('id', '=', main.certificate_id).executeTakeFirstOrThrow();
  const sessions = [main];
  if (request && !(request.length === 1 && request[0].equals(main.to_be_signed))) {
    if (!request[0]?.equals(main.to_be_signed)) throw mismatch('Mục đầu tiên của yêu cầu ký không phải phiên ký số này.');
    const open = await q(ctx.db)
      .selectFrom('signing_session')
      .selectAll()
      .where('user_id', '=', actor.userId)
      .where('certificate_id', '=', main.certificate_id)
      .where('purpose', '=', main.purpose)
      .where('completed_at', 'is', null)
      .where('expires_at', '>', now)
      .execute();
    for (const [i, bytes] of request.slice(1).entries()) {
      const found = open.find((s) => s.to_be_signed.equals(bytes) && !sessions.some((taken) => taken.id === s.id));
      if (!found) throw mismatch(`Mục ${i + 2} của yêu cầu ký không thuộc phiên ký số nào đang mở của bạn với chứng thư này.`);
      sessions.push(found);
    }
  }
  return {
    sessionIds: sessions.map((s) => s.id),
    toBeSigned: sessions.map((s) => s.to_be_signed),
    purpose: main.purpose,
    objectType: main.object_type,
    objectId: main.object_id,
    certificate: { id: cert.id, der: cert.certificate, subject: cert.subject, serialNumber: cert.serial_number, algorithm: algorithmOf(cert.certificate) },
  };
}

/** The prepared documents of the sessions, in the given order, to check returned values against. */
export async function preparedOf(db: Db, sessionIds: string[]): Promise<Array<{ prepared: Buffer; toBeSigned: Buffer }>> {
  const rows = await q(db).selectFrom('signing_session').select(['id', 'prepared', 'to_be_signed']).where('id', 'in', sessionIds).execute();
  return sessionIds.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound('Phiên ký số');
    return { prepared: row.prepared, toBeSigned: row.to_be_signed };
  });
}

function algorithmOf(der: Buffer): KeyAlgorithm {
  return new X509Certificate(der).publicKey.asymmetricKeyType === 'rsa' ? 'RSA' : 'ECDSA';
}

const mismatch = (message: string) => new RemoteSigningError('REMOTE_REQUEST_MISMATCH', message, { field: 'request' });
