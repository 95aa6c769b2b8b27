/**
 * Key back ends: a private key somewhere — a PKCS#12 file, a PKCS#11 token or HSM, a
 * person's own USB token behind the signing agent, a remote signing service — plus its
 * certificate chain. Everything about PDFs lives in `pades/`; a back end only signs bytes.
 */
import { createHash } from 'node:crypto';

export type KeyAlgorithm = 'RSA' | 'ECDSA';

export interface KeySigner {
  readonly algorithm: KeyAlgorithm;
  /** DER certificates, the signer's first, then its issuers; the root may be left out. */
  certificateChain(): Promise<Buffer[]>;
  /**
   * Signs `data` — the DER of the CMS signed attributes — with SHA-256: RSA PKCS#1 v1.5, or
   * ECDSA returning the DER `Ecdsa-Sig-Value` (a raw r‖s is accepted too, see `ecdsaToDer`).
   *
   * The data rather than its digest is passed because the digest can be derived from the data
   * but not the reverse, so each back end picks its own mechanism: node:crypto and PKCS#11
   * `CKM_SHA256_RSA_PKCS` / `CKM_ECDSA_SHA256` take the data; a token that only offers
   * `CKM_RSA_PKCS` / `CKM_ECDSA`, the signing agent and remote services (which accept only a
   * hash) call `sha256(data)` and send that. The signed attributes are about 200 bytes, so
   * nothing large ever crosses to a device.
   */
  sign(data: Buffer): Promise<Buffer>;
}

export function sha256(data: Buffer | Buffer[]): Buffer {
  const hash = createHash('sha256');
  for (const part of Array.isArray(data) ? data : [data]) hash.update(part);
  return hash.digest();
}

/**
 * PKCS#11 `CKM_ECDSA` and WebCrypto return r‖s (IEEE P1363) while CMS needs a DER SEQUENCE of
 * two INTEGERs; a value that already is DER passes through unchanged.
 */
export function ecdsaToDer(signature: Buffer): Buffer {
  if (looksLikeDerEcdsa(signature)) return signature;
  if (signature.length % 2 !== 0) return signature;
  const half = signature.length / 2;
  const integer = (bytes: Buffer): Buffer => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const trimmed = bytes.subarray(start);
    const body = trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed;
    return Buffer.concat([Buffer.from([0x02, body.length]), body]);
  };
  const content = Buffer.concat([integer(signature.subarray(0, half)), integer(signature.subarray(half))]);
  const length = content.length < 0x80 ? Buffer.from([content.length]) : Buffer.from([0x81, content.length]);
  return Buffer.concat([Buffer.from([0x30]), length, content]);
}

function looksLikeDerEcdsa(value: Buffer): boolean {
  if (value[0] !== 0x30) return false;
  const [length, header] = value[1] === 0x81 ? [value[2], 3] : [value[1], 2];
  return length === value.length - header && value[header] === 0x02;
}
