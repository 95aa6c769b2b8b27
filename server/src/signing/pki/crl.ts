/**
 * Revocation from CRLs: imported by an administrator or downloaded from the certificate's
 * distribution point (signing/revocation/). A certificate no usable CRL speaks about is
 * "unknown" — never silently good.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { verifySignature } from './algorithms.js';
import type { Cert } from './chain.js';
import { asn1Input, OID } from './oids.js';

export interface Crl {
  fields: pkijs.CertificateRevocationList;
  tbs: Buffer;
}

export type Revocation =
  | { status: 'good' }
  | { status: 'unknown' }
  | { status: 'revoked'; revokedAt: Date; reason?: RevocationReason };

/** RFC 5280 §5.3.1 CRLReason, by value. */
const REASONS = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  undefined,
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
] as const;
export type RevocationReason = Exclude<(typeof REASONS)[number], undefined>;

const REASON_CODE_OID = '2.5.29.21';

export function loadCrls(ders: Buffer[]): Crl[] {
  const crls: Crl[] = [];
  for (const der of ders) {
    try {
      const fields = pkijs.CertificateRevocationList.fromBER(asn1Input(der));
      crls.push({ fields, tbs: Buffer.from(fields.tbsView) });
    } catch {
      // An unreadable CRL says nothing; the certificates it was meant for stay "unknown".
    }
  }
  return crls;
}

/**
 * What the CRLs say about `cert` at `at`: only CRLs from its issuer, with a valid signature, and
 * current at `at` count. A listing always counts; an absence only from a CRL that still speaks
 * about the certificate: a CA may drop expired certificates from its CRLs (RFC 5280 §3.3), so
 * a CRL issued after the certificate expired proves nothing by leaving it out, unless its
 * ExpiredCertsOnCRL extension says it keeps certificates expired since before that.
 */
export function revocationOf(cert: Cert, issuer: Cert, crls: Crl[], at: Date): Revocation {
  const usable = crls.filter((crl) => usableFor(crl, cert, issuer, at));
  const serial = hex(cert.fields.serialNumber.valueBlock.valueHexView);
  for (const crl of usable) {
    const entry = crl.fields.revokedCertificates?.find((e) => hex(e.userCertificate.valueBlock.valueHexView) === serial);
    if (entry) return { status: 'revoked', revokedAt: entry.revocationDate.value, reason: reasonOf(entry) };
  }
  return usable.some((crl) => speaksAbout(crl, cert)) ? { status: 'good' } : { status: 'unknown' };
}

/** Whether leaving `cert` out of `crl` means it is not revoked (RFC 5280 §5, X.509 §9.6.2.9). */
export function speaksAbout(crl: Crl, cert: Cert): boolean {
  const notAfter = cert.fields.notAfter.value;
  if (crl.fields.thisUpdate.value <= notAfter) return true;
  const keptSince = expiredCertsOnCrl(crl);
  return !!keptSince && keptSince <= notAfter;
}

/** The ExpiredCertsOnCRL date (a GeneralizedTime), when the CRL carries the extension. */
function expiredCertsOnCrl(crl: Crl): Date | undefined {
  const extension = crl.fields.crlExtensions?.extensions.find((e) => e.extnID === OID.expiredCertsOnCrl);
  if (!extension) return undefined;
  const value = asn1js.fromBER(extension.extnValue.valueBlock.valueHexView).result;
  return value instanceof asn1js.GeneralizedTime ? value.toDate() : undefined;
}

/** Signed by the certificate's issuer and current at `at`: only such a list may speak about it. */
export function usableFor(crl: Crl, cert: Cert, issuer: Cert, at: Date): boolean {
  return fromIssuer(crl, cert, issuer) && current(crl, at);
}

function fromIssuer(crl: Crl, cert: Cert, issuer: Cert): boolean {
  if (!crl.fields.issuer.isEqual(cert.fields.issuer)) return false;
  const signature = Buffer.from(crl.fields.signatureValue.valueBlock.valueHexView);
  return verifySignature(crl.fields.signatureAlgorithm, crl.tbs, issuer.x509.publicKey, signature).valid === true;
}

function current(crl: Crl, at: Date): boolean {
  const next = crl.fields.nextUpdate?.value;
  return crl.fields.thisUpdate.value <= at && (!next || at <= next);
}

function reasonOf(entry: pkijs.RevokedCertificate): RevocationReason | undefined {
  const extension = entry.crlEntryExtensions?.extensions.find((e) => e.extnID === REASON_CODE_OID);
  if (!extension) return undefined;
  const value = asn1js.fromBER(extension.extnValue.valueBlock.valueHexView).result as asn1js.Enumerated;
  return reasonName(value.valueBlock.valueDec);
}

/** A CRLReason value by name; OCSP answers use the same enumeration (RFC 6960 §4.2.1). */
export function reasonName(value: number): RevocationReason | undefined {
  return REASONS[value];
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').replace(/^(00)+(?=.)/, '').toUpperCase();
}
