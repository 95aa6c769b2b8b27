/**
 * Just enough DER (ITU-T X.690) to assemble a CMS from parts that must be kept byte for byte —
 * certificates, names, the signed attributes the key signed — without re-encoding them.
 * Reading untrusted input is left to asn1js; this only reads certificates we were given.
 */
import * as asn1js from 'asn1js';

export const TAG = { INTEGER: 0x02, OCTET_STRING: 0x04, NULL: 0x05, SEQUENCE: 0x30, SET: 0x31, CONTEXT_0: 0xa0, CONTEXT_4: 0xa4 } as const;

/** One TLV with a definite, minimal length. */
export function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  let length: Buffer;
  if (body.length < 0x80) length = Buffer.from([body.length]);
  else {
    const bytes: number[] = [];
    for (let n = body.length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
    length = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), length, body]);
}

export function oid(value: string): Buffer {
  return Buffer.from(new asn1js.ObjectIdentifier({ value }).toBER());
}

export function algorithmIdentifier(algorithm: string, nullParameters = false): Buffer {
  return nullParameters ? tlv(TAG.SEQUENCE, oid(algorithm), Buffer.from([TAG.NULL, 0])) : tlv(TAG.SEQUENCE, oid(algorithm));
}

/** The TLVs inside a constructed TLV, each with its own header. */
export function childrenOf(der: Buffer): Buffer[] {
  const { headerLength, length } = header(der, 0);
  const children: Buffer[] = [];
  for (let at = headerLength; at < headerLength + length; ) {
    const child = header(der, at);
    children.push(der.subarray(at, at + child.headerLength + child.length));
    at += child.headerLength + child.length;
  }
  return children;
}

function header(der: Buffer, at: number): { headerLength: number; length: number } {
  const first = der[at + 1];
  if (first === undefined) throw new Error('DER truncated');
  if (first < 0x80) return { headerLength: 2, length: first };
  const count = first & 0x7f;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + der[at + 2 + i];
  if (at + 2 + count + length > der.length) throw new Error('DER truncated');
  return { headerLength: 2 + count, length };
}

/** The issuer Name and serialNumber INTEGER of a certificate, as encoded (RFC 5280 §4.1). */
export function issuerAndSerial(certificate: Buffer): { issuer: Buffer; serial: Buffer } {
  const tbs = childrenOf(childrenOf(certificate)[0]);
  const first = tbs[0][0] === TAG.CONTEXT_0 ? 1 : 0; // [0] version is absent for v1
  return { serial: tbs[first], issuer: tbs[first + 2] };
}
