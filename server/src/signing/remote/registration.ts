/**
 * Proof of possession through the remote signing service: the registration challenge is
 * sent as the hash to sign (providers sign hashes), the person confirms on their phone, and the
 * value comes back for POST /api/signing/certificates like the agent's answer. Nothing is kept
 * in memory: the transaction id is stored with the challenge, and each status read asks the
 * provider once, so any node answers (registrations are rare, the provider sees few calls).
 */
import { X509Certificate } from 'node:crypto';
import type { Ctx } from '../../infra/context.js';
import { inTransaction } from '../../infra/db/database.js';
import { recordAudit } from '../../infra/audit/audit.js';
import { AppError, notFound } from '../../shared/errors.js';
import { ownChallenge, provesPossession, requireOpen } from '../devices/possession.js';
import { ecdsaToDer, sha256 } from '../signer.js';
import type { SigningTables } from '../tables.js';
import { RemoteSigningError, remoteMessages } from './errors.js';
import type { RemoteSigningService } from './remote-signer.js';

export type ProofView =
  | { state: 'pending' }
  | { state: 'signed'; challengeId: string; signature: string }
  | { state: 'rejected' | 'expired'; message: string };

export async function submitRemoteProof(ctx: Ctx, service: RemoteSigningService, challengeId: string, input: { account?: string }) {
  const row = await ownChallenge(ctx, challengeId);
  requireOpen(ctx, row);
  const account = input.account?.trim();
  if (!account) throw new AppError('VALIDATION_FAILED', 'Nhập tài khoản của bạn tại dịch vụ ký số từ xa.', [{ field: 'account' }]);
  const digest = sha256(row.challenge);
  const algorithm = algorithmOf(row.certificate);
  // The person sees what they confirm: registration, not a document; the code matches the page.
  const description = `VănThư: chứng minh sở hữu khóa để đăng ký chứng thư số (mã ${digest.toString('hex').slice(0, 8)})`;
  const tx = await service.signer.submit({ account, certificate: row.certificate, description, items: [{ toBeSigned: row.challenge, digest, algorithm }] });
  await inTransaction(ctx.db, async (trx) => {
    await trx.withTables<SigningTables>().updateTable('signing_registration_challenge').set({ remote_account: account, remote_transaction: tx.transactionId }).where('id', '=', row.id).execute();
    await recordAudit({ ...ctx, db: trx }, { action: 'signing.certificate_proof_remote', objectType: 'certificate_challenge', objectId: row.id, details: { account, transactionId: tx.transactionId } });
  });
  return { transactionId: tx.transactionId, expiresAt: tx.expiresAt.toISOString() };
}

/** The provider's answer, the value checked against the certificate's key before it is shown. */
export async function remoteProofStatus(ctx: Ctx, service: RemoteSigningService, challengeId: string): Promise<ProofView> {
  const row = await ownChallenge(ctx, challengeId);
  if (!row.remote_transaction) throw notFound('Yêu cầu ký số từ xa của thử thách này');
  const status = await service.signer.status(row.remote_transaction);
  switch (status.state) {
    case 'pending':
      return status;
    case 'rejected':
      return { state: 'rejected', message: status.message ? `${remoteMessages.rejected} (${status.message})` : remoteMessages.rejected };
    case 'expired':
      return { state: 'expired', message: remoteMessages.expired };
    case 'signed': {
      const [value] = status.signatures;
      const signature = value && (algorithmOf(row.certificate) === 'ECDSA' ? ecdsaToDer(value) : value);
      if (!signature || !provesPossession(row.certificate, row.challenge, signature)) {
        throw new RemoteSigningError('REMOTE_SIGNATURE_MISMATCH', remoteMessages.mismatch, { transactionId: row.remote_transaction });
      }
      return { state: 'signed', challengeId: row.id, signature: signature.toString('base64') };
    }
  }
}

function algorithmOf(der: Buffer) {
  return new X509Certificate(der).publicKey.asymmetricKeyType === 'rsa' ? ('RSA' as const) : ('ECDSA' as const);
}
