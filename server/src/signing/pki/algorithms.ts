/**
 * Signature checks with node:crypto (native, synchronous) for the algorithm identifiers found in
 * CMS signer infos and CRLs. pkijs is used for ASN.1 structure only: its WebCrypto path is async
 * and cannot tell a hash mismatch from a bad signature, which the verdict must distinguish.
 */
import { verify, constants, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './oids.js';

export type HashName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

const HASHES: Record<string, HashName> = {
  [OID.sha1]: 'sha1',
  [OID.sha224]: 'sha224',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

/** Signature algorithms that name their hash; rsaEncryption and id-ecPublicKey borrow the digest algorithm's. */
const SIGNATURE_HASHES: Record<string, HashName> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.14': 'sha224',
  [OID.sha256WithRsa]: 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  [OID.ecdsaWithSha256]: 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

export function hashOf(oid: string): HashName | undefined {
  return HASHES[oid];
}

export interface SignatureCheck {
  /** The hash the signature was made over, for the crypto-strength policy. */
  hash?: HashName;
  /** undefined: the algorithm is not supported, so nothing can be said. */
  valid?: boolean;
}

export function verifySignature(
  algorithm: pkijs.AlgorithmIdentifier,
  data: Buffer,
  key: KeyObject,
  signature: Buffer,
  digestOid?: string,
): SignatureCheck {
  const oid = algorithm.algorithmId;
  if (oid === OID.rsaPss) return verifyPss(algorithm, data, key, signature);
  const hash = SIGNATURE_HASHES[oid] ?? ((oid === OID.rsaEncryption || oid === OID.ecPublicKey) && digestOid ? HASHES[digestOid] : undefined);
  if (!hash) return {};
  try {
    return { hash, valid: verify(hash, data, { key, dsaEncoding: 'der' }, signature) };
  } catch {
    return { hash, valid: false };
  }
}

function verifyPss(algorithm: pkijs.AlgorithmIdentifier, data: Buffer, key: KeyObject, signature: Buffer): SignatureCheck {
  let params: pkijs.RSASSAPSSParams;
  try {
    params = new pkijs.RSASSAPSSParams({ schema: algorithm.algorithmParams as asn1js.AsnType });
  } catch {
    return {};
  }
  const hash = HASHES[params.hashAlgorithm.algorithmId];
  if (!hash) return {};
  try {
    const valid = verify(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength }, signature);
    return { hash, valid };
  } catch {
    return { hash, valid: false };
  }
}
