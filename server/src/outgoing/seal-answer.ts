import type { Ctx } from '../infra/context.js';
import { AppError, conflict } from '../shared/errors.js';
import { completeSigningSession, verifyWithTrustList, type CompletedSession } from '../signing/index.js';
import type { SignatureAnswer } from './issue-common.js';

/**
 * Reading the clerk's answer to a seal request (seal.ts): one signature value per prepared file,
 * each checked against its own prepared bytes and the registered certificate. Any refusal names
 * the file and throws, so the caller's transaction rolls back every item together.
 */

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ field }]);

/** `signature` for one file, `signatures` (the agent's batch answer) for several, in the order of the request. */
export function signatureValues(answer: SignatureAnswer, expected: number): string[] {
  if (answer.signature !== undefined && answer.signatures !== undefined) {
    throw invalid('signatures', 'Chỉ gửi "signature" (một tệp) hoặc "signatures" (nhiều tệp), không gửi cả hai.');
  }
  const values = answer.signatures ?? (answer.signature === undefined ? [] : [answer.signature]);
  if (values.length !== expected) {
    const wanted = expected === 1 ? 'một chữ ký ("signature")' : `${expected} chữ ký ("signatures": văn bản chính và ${expected - 1} phụ lục, theo thứ tự trong yêu cầu ký)`;
    throw invalid(expected === 1 ? 'signature' : 'signatures', `Cần ${wanted}, nhận được ${values.length}.`);
  }
  return values;
}

export interface ExpectedItem {
  objectType: string;
  objectId: string;
  /** How the file is named in a refusal; null when it is the only one. */
  label: string | null;
}

export async function completeItem(ctx: Ctx, sessionId: string, signature: string, certificateChain: string[] | undefined, expected: ExpectedItem): Promise<CompletedSession> {
  const named = (message: string) => (expected.label ? `${expected.label}: ${message}` : message);
  let done: CompletedSession;
  try {
    done = await completeSigningSession(ctx, sessionId, { signature, certificateChain });
  } catch (err) {
    if (!(err instanceof AppError) || !expected.label) throw err;
    const details = err.details && typeof err.details === 'object' && !Array.isArray(err.details) ? err.details : { details: err.details };
    throw new AppError(err.code, named(err.message), { ...details, item: expected.label });
  }
  if (done.purpose !== 'organisation' || done.objectType !== expected.objectType || done.objectId !== expected.objectId) {
    throw conflict(named('Phiên ký số không dành cho tệp này.'));
  }
  const check = await verifyWithTrustList(ctx.db, done.pdf);
  if (check.indication === 'INVALID') throw new AppError('SIGNATURE_INVALID', named(`Chữ ký số của cơ quan không hợp lệ: ${check.message}`));
  return done;
}
