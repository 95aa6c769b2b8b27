/**
 * What online revocation checks learnt, kept in memory by the checker that owns it: OCSP answers
 * until their nextUpdate, downloaded CRLs until theirs, and addresses that just failed, so that
 * a responder that is down costs one timeout per half minute rather than one per document.
 * Bounded; whether an entry may answer is decided at the validation time of each verification.
 */
import { createHash } from 'node:crypto';
import type { Cert } from '../pki/chain.js';
import type { Crl } from '../pki/crl.js';
import type { OcspAnswer } from '../pki/ocsp.js';

const OCSP_LIMIT = 2000;
/** CRLs of large CAs run to megabytes; an agency meets a handful of issuers. */
const CRL_LIMIT = 20;
/** A CRL without nextUpdate is fetched again after a day. */
const CRL_DEFAULT_KEEP_MS = 86_400_000;
const RETRY_AFTER_MS = 30_000;
const SKEW_MS = 5 * 60_000;

interface Kept<T> {
  value: T;
  /** Wall-clock time after which the entry is dropped. */
  until: number;
}

export class RevocationCache {
  private readonly ocspAnswers = new Map<string, Kept<{ answer: OcspAnswer; url: string }>>();
  private readonly crlsByUrl = new Map<string, Kept<Crl>>();
  private readonly failedUntil = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now) {}

  ocsp(cert: Cert, at: Date): { answer: OcspAnswer; url: string } | undefined {
    const kept = this.live(this.ocspAnswers, fingerprint(cert));
    if (!kept) return undefined;
    const { thisUpdate, nextUpdate } = kept.answer;
    return thisUpdate.getTime() - SKEW_MS <= at.getTime() && nextUpdate && at <= nextUpdate ? kept : undefined;
  }

  keepOcsp(cert: Cert, url: string, answer: OcspAnswer): void {
    if (answer.nextUpdate) put(this.ocspAnswers, fingerprint(cert), { value: { answer, url }, until: answer.nextUpdate.getTime() }, OCSP_LIMIT);
  }

  /** Downloaded CRLs still kept; revocationOf picks those of the right issuer and current. */
  crls(): Array<{ crl: Crl; url: string }> {
    return [...this.crlsByUrl.keys()].flatMap((url) => {
      const crl = this.live(this.crlsByUrl, url);
      return crl ? [{ crl, url }] : [];
    });
  }

  keepCrl(url: string, crl: Crl): void {
    const next = crl.fields.nextUpdate?.value.getTime();
    put(this.crlsByUrl, url, { value: crl, until: next ?? this.clock() + CRL_DEFAULT_KEEP_MS }, CRL_LIMIT);
  }

  failedRecently(url: string): boolean {
    return (this.failedUntil.get(url) ?? 0) > this.clock();
  }

  markFailed(url: string): void {
    put(this.failedUntil, url, this.clock() + RETRY_AFTER_MS, OCSP_LIMIT);
  }

  private live<T>(map: Map<string, Kept<T>>, key: string): T | undefined {
    const kept = map.get(key);
    if (kept && kept.until < this.clock()) map.delete(key);
    return kept && kept.until >= this.clock() ? kept.value : undefined;
  }
}

/** Insertion order is age order: the oldest entry makes room. */
function put<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  if (map.size >= limit) map.delete(map.keys().next().value as K);
  map.set(key, value);
}

function fingerprint(cert: Cert): string {
  return createHash('sha256').update(cert.der).digest('hex');
}
