/**
 * Proof of possession before a certificate is registered. A certificate is public: anyone
 * can copy it from a signed PDF. Only its key holder can sign the one-time challenge issued here
 * for them and that certificate, so only they can register it — and nobody can claim another's
 * certificate first. Challenges live in the database (any node checks what another issued),
 * expire after CHALLENGE_MINUTES and serve once; the text format is agent/registration.ts.
 */
import { randomBytes, randomUUID, verify, X509Certificate } from 'node:crypto';
import type { Ctx } from '../../infra/context.js';
import { requireActor } from '../../infra/context.js';
import type { Db } from '../../infra/db/database.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import { challengeText } from '../agent/registration.js';
import { ecdsaToDer, sha256, type KeyAlgorithm } from '../signer.js';
import type { SigningTables } from '../tables.js';

const q = (db: Db) => db.withTables<SigningTables>();

/** Long enough to run the agent or confirm on a phone, short enough that a stolen one is soon useless. */
export const CHALLENGE_MINUTES = 10;
/** Open (unused, unexpired) challenges per person: enough for a few certificates and retries, not a flood of rows. */
const MAX_OPEN_CHALLENGES = 10;

/** Why a registration was refused; `reason` (in details) is the stable code for programs. */
export type RegistrationFailure = 'PROOF_MISSING' | 'CHALLENGE_UNKNOWN' | 'CHALLENGE_USED' | 'CHALLENGE_EXPIRED' | 'PROOF_INVALID' | 'TOO_MANY_CHALLENGES' | 'ALREADY_REGISTERED';

const STATUS: Record<RegistrationFailure, ErrorCode> = {
  PROOF_MISSING: 'BAD_REQUEST',
  CHALLENGE_UNKNOWN: 'NOT_FOUND',
  CHALLENGE_USED: 'CONFLICT',
  CHALLENGE_EXPIRED: 'CONFLICT',
  PROOF_INVALID: 'SIGNATURE_INVALID',
  TOO_MANY_CHALLENGES: 'TOO_MANY_REQUESTS',
  ALREADY_REGISTERED: 'CONFLICT',
};

export const registrationMessages: Record<RegistrationFailure, string> = {
  PROOF_MISSING:
    'Cần chứng minh sở hữu khóa bí mật: tạo thử thách đăng ký cho chứng thư số, ký thử thách bằng công cụ ký số hoặc dịch vụ ký số từ xa, rồi gửi mã thử thách và chữ ký.',
  CHALLENGE_UNKNOWN: 'Thử thách đăng ký không tồn tại hoặc không phải của bạn.',
  CHALLENGE_USED: 'Thử thách đăng ký này đã được dùng; hãy tạo thử thách mới.',
  CHALLENGE_EXPIRED: `Thử thách đăng ký đã hết hạn (hiệu lực ${CHALLENGE_MINUTES} phút); hãy tạo thử thách mới.`,
  PROOF_INVALID: 'Chữ ký trên thử thách không khớp với khóa công khai của chứng thư số: khóa đã dùng không phải khóa bí mật của chứng thư này.',
  TOO_MANY_CHALLENGES: 'Bạn có quá nhiều thử thách đăng ký chưa dùng; hãy dùng thử thách đã tạo hoặc chờ chúng hết hạn.',
  ALREADY_REGISTERED: 'Chứng thư số này đã được đăng ký.',
};

export class RegistrationError extends AppError {
  constructor(
    readonly reason: RegistrationFailure,
    message = registrationMessages[reason],
  ) {
    super(STATUS[reason], message, { reason });
  }
}

const invalid = (message: string) => new AppError('VALIDATION_FAILED', message, [{ field: 'certificate' }]);

/** A person's or device certificate as typed (PEM, or base64 DER), with the key type signing supports. */
export function readCertificate(input: string): { cert: X509Certificate; algorithm: KeyAlgorithm; fingerprint: string } {
  let cert: X509Certificate;
  try {
    const text = input.trim();
    cert = new X509Certificate(text.startsWith('-----BEGIN') ? text : Buffer.from(text, 'base64'));
  } catch {
    throw invalid('Không đọc được chứng thư số (cần PEM hoặc DER mã hóa base64).');
  }
  if (cert.ca) throw invalid('Đây là chứng thư của CA; chứng thư CA thêm vào danh sách tin cậy.');
  const type = cert.publicKey.asymmetricKeyType;
  if (type !== 'rsa' && type !== 'ec') throw invalid('Chỉ hỗ trợ chứng thư số có khóa RSA hoặc ECDSA.');
  return { cert, algorithm: type === 'rsa' ? 'RSA' : 'ECDSA', fingerprint: sha256(cert.raw).toString('hex') };
}

/** The challenge for the actor to sign; the caller has checked the certificate and the device. */
export async function issueChallenge(ctx: Ctx, input: { cert: X509Certificate; algorithm: KeyAlgorithm; fingerprint: string; deviceId: string | null }) {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  const open = await q(ctx.db)
    .selectFrom('signing_registration_challenge')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', actor.userId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  if (Number(open.n) >= MAX_OPEN_CHALLENGES) throw new RegistrationError('TOO_MANY_CHALLENGES');
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
  const text = challengeText({
    challengeId: id,
    username: actor.username,
    userId: actor.userId,
    agencyId: actor.agencyId,
    deviceId: input.deviceId,
    fingerprint: input.fingerprint,
    nonce: randomBytes(32).toString('base64url'),
    expiresAt,
  });
  const challenge = Buffer.from(text, 'utf8');
  await q(ctx.db)
    .insertInto('signing_registration_challenge')
    .values({ id, agency_id: actor.agencyId, user_id: actor.userId, device_id: input.deviceId, fingerprint: input.fingerprint, certificate: Buffer.from(input.cert.raw), challenge, created_at: now, expires_at: expiresAt })
    .execute();
  return {
    challengeId: id,
    challenge: text,
    /** SHA-256 of the challenge, hex: what a service that signs hashes is given. */
    digest: sha256(challenge).toString('hex'),
    algorithm: input.algorithm,
    expiresAt: expiresAt.toISOString(),
    certificate: { subject: input.cert.subject, serialNumber: input.cert.serialNumber, fingerprint: input.fingerprint },
  };
}

/** The actor's own challenge, or CHALLENGE_UNKNOWN (another person's answers exactly like a missing one). */
export async function ownChallenge(ctx: Ctx, challengeId: string, options: { forUpdate?: boolean } = {}) {
  const actor = requireActor(ctx);
  let query = q(ctx.db).selectFrom('signing_registration_challenge').selectAll().where('id', '=', challengeId);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row || row.user_id !== actor.userId || row.agency_id !== actor.agencyId) throw new RegistrationError('CHALLENGE_UNKNOWN');
  return row;
}

/** Unused and unexpired, or refused with the reason. */
export function requireOpen(ctx: Ctx, row: { used_at: Date | null; expires_at: Date }): void {
  if (row.used_at) throw new RegistrationError('CHALLENGE_USED');
  if (row.expires_at <= ctx.clock.now()) throw new RegistrationError('CHALLENGE_EXPIRED');
}

/**
 * Takes the proof: the actor's open challenge, locked until the transaction ends so that two
 * answers cannot both use it, and a signature its certificate's key made over its exact bytes.
 */
export async function takeProof(ctx: Ctx, input: { challengeId?: string; signature?: string }) {
  if (!input.challengeId || !input.signature) throw new RegistrationError('PROOF_MISSING');
  const row = await ownChallenge(ctx, input.challengeId, { forUpdate: true });
  requireOpen(ctx, row);
  const signature = Buffer.from(input.signature, 'base64');
  if (!provesPossession(row.certificate, row.challenge, signature)) throw new RegistrationError('PROOF_INVALID');
  return { row, signature };
}

/** Marks the challenge used, keeping the proof with the certificate it registered. */
export async function spendChallenge(db: Db, challengeId: string, proof: { signature: Buffer; certificateId: string; at: Date }): Promise<void> {
  await q(db).updateTable('signing_registration_challenge').set({ used_at: proof.at, signature: proof.signature, certificate_id: proof.certificateId }).where('id', '=', challengeId).execute();
}

/**
 * True when `signature` is SHA-256 with the certificate's key over `data`: RSA PKCS#1 v1.5, or
 * ECDSA as DER or r‖s (tokens and remote services return either).
 */
export function provesPossession(certificate: Buffer, data: Buffer, signature: Buffer): boolean {
  const key = new X509Certificate(certificate).publicKey;
  try {
    return verify('sha256', data, key, key.asymmetricKeyType === 'ec' ? ecdsaToDer(signature) : signature);
  } catch {
    // A malformed value (wrong length, broken DER) proves nothing.
    return false;
  }
}
