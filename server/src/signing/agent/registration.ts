/**
 * Proof of possession for registering a certificate (Q-5.1): the server issues a one-time
 * challenge for one person (or one of the agency's devices) and one certificate; the key holder
 * signs it with the agent (`cli.ts register …`) or through the remote signing service (which signs
 * its SHA-256); the server checks the value with the certificate's public key before registering.
 *
 *   request   the server's answer to POST /api/signing/certificates/challenges, saved as is:
 *             { "challengeId": uuid, "challenge": text, … }
 *   response  { "challengeId": uuid, "signature": base64 }   (POST /api/signing/certificates)
 *
 * The challenge is a short text, read by the person, that starts with CHALLENGE_MARK. Such a
 * text is never a DER SET, so a proof can never serve as a document signature (the agent signs
 * documents only as CMS signed attributes, request.ts), and a document's signed attributes are
 * never accepted here: one key, two uses that cannot be confused.
 * The value is SHA-256 with RSA PKCS#1 v1.5 or ECDSA (DER or r‖s), over the text's UTF-8 bytes.
 */
import type { KeySigner } from '../signer.js';
import { sha256 } from '../signer.js';
import { AgentError } from './request.js';

export const CHALLENGE_MARK = 'VANTHU-POP-1';
/** Far above what challengeText makes; a longer text is not a challenge of ours. */
const MAX_CHALLENGE_LENGTH = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface ChallengeFields {
  challengeId: string;
  username: string;
  userId: string;
  agencyId: string;
  /** The agency's device the certificate is registered on; absent: the person's own. */
  deviceId: string | null;
  /** SHA-256 of the certificate's DER, hex. */
  fingerprint: string;
  /** Random, base64url. */
  nonce: string;
  expiresAt: Date;
}

const LABELS = {
  challengeId: 'Mã thử thách',
  user: 'Người đăng ký',
  agencyId: 'Cơ quan',
  scope: 'Đăng ký cho',
  fingerprint: 'Chứng thư SHA-256',
  nonce: 'Số ngẫu nhiên',
  expiresAt: 'Hết hạn',
} as const;

/** The exact text to sign; the server stores its bytes and checks the proof against them. */
export function challengeText(f: ChallengeFields): string {
  return [
    CHALLENGE_MARK,
    'Mục đích: chứng minh sở hữu khóa bí mật để đăng ký chứng thư số trên VănThư (không phải ký văn bản).',
    `${LABELS.challengeId}: ${f.challengeId}`,
    `${LABELS.user}: ${f.username} (${f.userId})`,
    `${LABELS.agencyId}: ${f.agencyId}`,
    `${LABELS.scope}: ${f.deviceId ? `thiết bị lưu khóa ${f.deviceId}` : 'cá nhân'}`,
    `${LABELS.fingerprint}: ${f.fingerprint}`,
    `${LABELS.nonce}: ${f.nonce}`,
    `${LABELS.expiresAt}: ${f.expiresAt.toISOString()}`,
    '',
  ].join('\n');
}

export interface RegistrationChallenge {
  challengeId: string;
  fingerprint: string;
  text: string;
}

export interface RegistrationAnswer {
  challengeId: string;
  signature: string;
}

/** The server's challenge (its JSON answer, or the bare text), checked to be one before anything is signed. */
export function parseChallenge(input: string): RegistrationChallenge {
  let text = input;
  let claimedId: unknown;
  if (input.trimStart().startsWith('{')) {
    let json: Record<string, unknown>;
    try {
      json = (JSON.parse(input) ?? {}) as Record<string, unknown>;
    } catch {
      throw new AgentError('Thử thách đăng ký không phải JSON hợp lệ.');
    }
    if (typeof json.challenge !== 'string') throw new AgentError('Thiếu "challenge": hãy lưu nguyên câu trả lời của máy chủ khi tạo thử thách đăng ký chứng thư số.');
    text = json.challenge;
    claimedId = json.challengeId;
  }
  if (!text.startsWith(`${CHALLENGE_MARK}\n`) || text.length > MAX_CHALLENGE_LENGTH) {
    throw new AgentError('Đây không phải thử thách đăng ký chứng thư số của VănThư; từ chối ký.');
  }
  const field = (label: string) => text.split('\n').find((line) => line.startsWith(`${label}: `))?.slice(label.length + 2);
  const challengeId = field(LABELS.challengeId) ?? '';
  const fingerprint = field(LABELS.fingerprint) ?? '';
  if (!UUID.test(challengeId) || !/^[0-9a-f]{64}$/.test(fingerprint) || (claimedId !== undefined && claimedId !== challengeId)) {
    throw new AgentError('Thử thách đăng ký chứng thư số không đúng định dạng; từ chối ký.');
  }
  return { challengeId, fingerprint, text };
}

/** Signs the challenge, but only with the key of the certificate it names. */
export async function answerChallenge(signer: KeySigner, challenge: RegistrationChallenge): Promise<RegistrationAnswer> {
  const [certificate] = await signer.certificateChain();
  if (!certificate || sha256(certificate).toString('hex') !== challenge.fingerprint) {
    throw new AgentError('Thử thách dành cho một chứng thư số khác với chứng thư của khoá đã chọn; hãy chọn đúng khoá hoặc tạo lại thử thách.');
  }
  const signature = await signer.sign(Buffer.from(challenge.text, 'utf8'));
  return { challengeId: challenge.challengeId, signature: signature.toString('base64') };
}
