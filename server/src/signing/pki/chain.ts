/**
 * Certification paths: from the signer's certificate up to an anchor of the agency's trust
 * list, using the certificates the signature carries plus any the caller knows. node:crypto does
 * the checks (name and key-identifier chaining, signatures); pkijs reads the fields.
 */
import { X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { asn1Input } from './oids.js';

export interface Cert {
  der: Buffer;
  x509: X509Certificate;
  fields: pkijs.Certificate;
}

/**
 * `fields` is parsed on first use: pkijs takes about a millisecond per certificate, and most
 * certificates met (trust anchors, strays in a CMS) only ever need the native checks.
 */
export function loadCert(der: Buffer, fields?: pkijs.Certificate): Cert | undefined {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der);
  } catch {
    return undefined;
  }
  let parsed = fields;
  return {
    der,
    x509,
    get fields() {
      return (parsed ??= pkijs.Certificate.fromBER(asn1Input(der)));
    },
  };
}

/**
 * loadCert remembering what it parsed: an agency sees the same signers and CAs again and again,
 * and a certificate's fields, once parsed, serve every later verification. Bounded, and owned by
 * whoever creates it (a verifier), never module state.
 */
export function cachingCertLoader(limit = 500): (der: Buffer) => Cert | undefined {
  const cache = new Map<string, Cert | undefined>();
  return (der) => {
    const key = der.toString('base64');
    if (!cache.has(key)) {
      if (cache.size >= limit) cache.clear();
      cache.set(key, loadCert(der));
    }
    return cache.get(key);
  };
}

export function loadCerts(ders: Buffer[]): Cert[] {
  return ders.map((der) => loadCert(der)).filter((c): c is Cert => c !== undefined);
}

/** Longer paths than this are not seen in practice and would only come from loops or attacks. */
const MAX_DEPTH = 8;

/**
 * The path signer → … → anchor, or undefined when no anchor is reached. An anchor may be a root
 * or an intermediate the agency chose to trust directly.
 */
export function buildPath(signer: Cert, pool: Cert[], anchors: Cert[]): Cert[] | undefined {
  const path = [signer];
  while (path.length <= MAX_DEPTH) {
    const current = path[path.length - 1];
    if (anchors.some((a) => a.der.equals(current.der))) return path;
    const anchor = anchors.find((a) => issued(current, a));
    if (anchor) return [...path, anchor];
    const next = pool.find((c) => !path.some((p) => p.der.equals(c.der)) && issued(current, c));
    if (!next) return undefined;
    path.push(next);
  }
  return undefined;
}

function issued(subject: Cert, issuer: Cert): boolean {
  try {
    return subject.x509.checkIssued(issuer.x509) && subject.x509.verify(issuer.x509.publicKey);
  } catch {
    return false;
  }
}

export function validAt(cert: Cert, at: Date): 'valid' | 'not-yet-valid' | 'expired' {
  if (at < cert.fields.notBefore.value) return 'not-yet-valid';
  if (at > cert.fields.notAfter.value) return 'expired';
  return 'valid';
}
