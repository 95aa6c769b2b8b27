/**
 * A remote signing account as a KeySigner, for signing done by the server in one go (signPdf),
 * such as an agency key held by a provider, and for the bench. The person-facing flow uses
 * RemoteTransactions instead, since a person may take minutes to confirm.
 */
import { ecdsaToDer, sha256, type KeyAlgorithm, type KeySigner } from '../signer.js';
import { RemoteSigningError, remoteMessages } from './errors.js';
import type { RemoteSigner } from './remote-signer.js';

export interface RemoteAccount {
  signer: RemoteSigner;
  account: string;
  /** The account's certificate chain as registered, signer first. */
  chain: Buffer[];
  algorithm: KeyAlgorithm;
  description: string;
  pollIntervalMs: number;
  timeoutMs: number;
}

export function remoteKeySigner(a: RemoteAccount): KeySigner {
  return {
    algorithm: a.algorithm,
    certificateChain: async () => a.chain,
    sign: async (data) => {
      const tx = await a.signer.submit({ account: a.account, certificate: a.chain[0], description: a.description, items: [{ toBeSigned: data, digest: sha256(data), algorithm: a.algorithm }] });
      const deadline = Math.min(tx.expiresAt.getTime(), Date.now() + a.timeoutMs);
      for (;;) {
        const status = await a.signer.status(tx.transactionId);
        if (status.state === 'signed') {
          const [value] = status.signatures;
          if (!value) throw new RemoteSigningError('REMOTE_PROTOCOL', remoteMessages.protocol);
          return a.algorithm === 'ECDSA' ? ecdsaToDer(value) : value;
        }
        if (status.state === 'rejected') throw new RemoteSigningError('REMOTE_REFUSED', remoteMessages.rejected);
        if (status.state === 'expired' || Date.now() >= deadline) throw new RemoteSigningError('REMOTE_REFUSED', remoteMessages.expired);
        await new Promise((resolve) => setTimeout(resolve, a.pollIntervalMs));
      }
    },
  };
}
