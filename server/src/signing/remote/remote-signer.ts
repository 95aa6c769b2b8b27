/**
 * The remote signing back end (Q-5.4, issue 4 "Where keys live" 3): the person's key is held by
 * a provider of the VNPT SmartCA / Viettel MySign kind. VănThư sends what is to be signed for
 * the person's account, the person confirms on their phone, and the provider hands back the
 * signature values and the certificate chain.
 *
 * Providers differ in every detail (authentication, field names, how a batch is shown, hash or
 * data), so the server only knows this interface; an adapter per provider implements it.
 * http-signer.ts is one adapter, for the JSON protocol documented there (and spoken by the mock
 * provider in testing/mock-remote-provider.ts).
 */
import type { KeyAlgorithm } from '../signer.js';

export interface RemoteItem {
  /** DER of the CMS signed attributes, for a provider that hashes itself or shows the data. */
  toBeSigned: Buffer;
  /** SHA-256 of toBeSigned, for a provider that signs a hash (most do). */
  digest: Buffer;
  algorithm: KeyAlgorithm;
}

export interface RemoteSubmission {
  /** The person's account at the provider (user id, national id number…, as the provider names it). */
  account: string;
  /** The registered certificate (DER), so the provider picks the right key of the account. */
  certificate: Buffer;
  /** Signed together, with one confirmation: a document and its appendices (Q-8.2c). */
  items: RemoteItem[];
  /** Shown to the person on their phone next to the request. */
  description: string;
}

export interface RemoteTransaction {
  transactionId: string;
  /** After this the provider no longer accepts a confirmation. */
  expiresAt: Date;
}

export type RemoteStatus =
  | { state: 'pending' }
  /** One value per item, in the order of the items: RSA PKCS#1 v1.5, ECDSA as DER or r‖s. */
  | { state: 'signed'; signatures: Buffer[]; certificateChain: Buffer[] }
  | { state: 'rejected'; message?: string }
  | { state: 'expired' };

export interface RemoteSigner {
  /** Asks the provider to have the person confirm; throws RemoteSigningError. */
  submit(submission: RemoteSubmission): Promise<RemoteTransaction>;
  status(transactionId: string): Promise<RemoteStatus>;
}

/** What the composition root hands to the routes (Services.remoteSigning). */
export interface RemoteSigningService {
  signer: RemoteSigner;
  /** Shown on the signing button. */
  name: string;
  pollIntervalMs: number;
  /** Longest wait for the person's confirmation, whatever the provider allows. */
  timeoutMs: number;
}
