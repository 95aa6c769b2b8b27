/**
 * Revocation status of each certificate on a path (issue 4: "by CRL or OCSP when reachable or
 * imported, otherwise reported as unknown — never silently as good"). Order:
 *   1. what is at hand: imported CRLs, CRLs downloaded earlier, OCSP answers kept (no network:
 *      callers verify inside a database transaction);
 *   2. the OCSP responders the certificate names: one small signed answer about this one
 *      certificate, fresher than a CRL;
 *   3. its CRL distribution points, when no responder answered: a CRL can be megabytes.
 * Only certificates already chained to a trust anchor get here, so only addresses written by a
 * CA the agency trusts are ever fetched. A failure never throws: the status stays unknown and
 * a warning names the address.
 */
import type { RevocationConfig } from '../../config/env.js';
import type { Cert } from '../pki/chain.js';
import { revocationOf, usableFor, type Crl, type Revocation } from '../pki/crl.js';
import { crlUrls, ocspUrls } from '../pki/revocation-urls.js';
import { RevocationCache } from './cache.js';
import { httpFetch, type RevocationFetch } from './http-fetch.js';
import { askResponders, downloadCrls, type Attempt } from './online.js';

export interface RevocationAnswer {
  revocation: Revocation;
  /** What decided it; absent when nothing did. */
  source?: 'crl' | 'ocsp';
  /** The OCSP responder or CRL address that decided it; absent for an imported CRL. */
  url?: string;
  /** Addresses tried in vain and why, in Vietnamese. */
  warnings: string[];
}

/** The status of `cert`, issued by `issuer`, at the verification's validation time. */
export type RevocationLookup = (cert: Cert, issuer: Cert) => Promise<RevocationAnswer>;

export interface RevocationChecker {
  /** A lookup for one verification: its CRLs, its validation time, its own time budget. */
  lookup(crls: Crl[], now: Date): RevocationLookup;
}

export type RevocationOptions = Partial<RevocationConfig> & { fetch?: RevocationFetch };

/** Only the CRLs given: the verifier's default, which never touches the network. */
export function offlineLookup(crls: Crl[], now: Date): RevocationLookup {
  return async (cert, issuer) => {
    const revocation = revocationOf(cert, issuer, crls, now);
    return { revocation, source: revocation.status === 'unknown' ? undefined : 'crl', warnings: [] };
  };
}

export function createRevocationChecker(options: RevocationOptions = {}): RevocationChecker {
  const { online = true, timeoutMs = 3000, budgetMs = 5000, fetch = httpFetch } = options;
  const cache = new RevocationCache();
  return {
    lookup(crls, now) {
      const deadline = Date.now() + budgetMs;
      return async (cert, issuer) => {
        const atHand = fromMemory(cache, crls, cert, issuer, now);
        if (atHand) return atHand;
        const warnings: string[] = [];
        const unknown: RevocationAnswer = { revocation: { status: 'unknown' }, warnings };
        const responders = ocspUrls(cert.fields);
        const distributionPoints = crlUrls(cert.fields);
        if (!online) {
          if (responders.length || distributionPoints.length) warnings.push('Máy chủ đang ở chế độ không tra cứu trực tuyến (VANTHU_REVOCATION_ONLINE=0): chỉ dùng CRL đã nhập.');
          return unknown;
        }
        const attempt: Attempt = { fetch, cache, timeoutMs, deadline, warnings };
        return (await askResponders(responders, cert, issuer, now, attempt)) ?? (await downloadCrls(distributionPoints, cert, issuer, now, attempt)) ?? unknown;
      };
    },
  };
}

/** Imported CRLs, CRLs downloaded earlier, then OCSP answers kept: no network at all. */
function fromMemory(cache: RevocationCache, crls: Crl[], cert: Cert, issuer: Cert, now: Date): RevocationAnswer | undefined {
  const kept = cache.crls();
  const revocation = revocationOf(cert, issuer, [...crls, ...kept.map((k) => k.crl)], now);
  if (revocation.status !== 'unknown') {
    return { revocation, source: 'crl', url: kept.find((k) => usableFor(k.crl, cert, issuer, now))?.url, warnings: [] };
  }
  const remembered = cache.ocsp(cert, now);
  return remembered && { revocation: remembered.answer.revocation, source: 'ocsp', url: remembered.url, warnings: [] };
}
