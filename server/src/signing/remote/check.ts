import type { Db } from '../../infra/db/database.js';
import { SigningError } from '../errors.js';
import { completePdf } from '../pades/sign.js';
import { ecdsaToDer } from '../signer.js';
import type { RemoteStatus } from './remote-signer.js';
import { preparedOf, type RemoteBatch } from './session-read.js';

/**
 * What a provider returned, checked before anyone sees it: each value must complete its prepared
 * document with the registered certificate, exactly as the complete route will (completePdf
 * derives the signed attributes again and verifies the value with the certificate's key).
 * Undefined when it does not: another key, another certificate, a value missing or extra.
 * The values come back as the signing agent gives them (ECDSA as DER), base64.
 */
export async function checkReturned(db: Db, batch: RemoteBatch, status: Extract<RemoteStatus, { state: 'signed' }>) {
  const { der, algorithm } = batch.certificate;
  const chain = status.certificateChain.length ? status.certificateChain : [der];
  if (!chain[0].equals(der) || status.signatures.length !== batch.sessionIds.length) return undefined;
  const prepared = await preparedOf(db, batch.sessionIds);
  const signatures = status.signatures.map((value) => (algorithm === 'ECDSA' ? ecdsaToDer(value) : value));
  try {
    prepared.forEach((p, i) => completePdf(p.prepared, signatures[i], chain, p.toBeSigned));
  } catch (err) {
    if (err instanceof SigningError) return undefined;
    throw err;
  }
  return { signatures: signatures.map((s) => s.toString('base64')), certificateChain: chain.map((c) => c.toString('base64')) };
}
