/**
 * The CMS SignedData (RFC 5652 §5) of a PAdES baseline B-B signature (ETSI EN 319 142-1 §6.3,
 * EN 319 122-1): detached, SHA-256, signed attributes contentType, messageDigest and ESS
 * signing-certificate-v2 (RFC 5035), and no signingTime — PAdES puts the claimed time in the
 * PDF's /M. Assembled from DER parts so that the certificates and the signed attributes go in
 * exactly as given and signed; pkijs's object model took 6 ms per signature for the same result.
 */
import { OID } from '../pki/oids.js';
import { algorithmIdentifier, issuerAndSerial, oid, TAG, tlv } from '../pki/der.js';
import { sha256, type KeyAlgorithm } from '../signer.js';

/**
 * The DER SET of signed attributes — the exact bytes the key signs. Deterministic: the same
 * document digest and certificate always give the same bytes, which is what lets a two-phase
 * signature be completed later and checked against what was prepared.
 */
export function buildSignedAttributes(contentDigest: Buffer, signerCertificate: Buffer): Buffer {
  const { issuer, serial } = issuerAndSerial(signerCertificate);
  // ESSCertIDv2 ::= SEQUENCE { certHash, issuerSerial SEQUENCE { GeneralNames { [4] Name }, serial } };
  // hashAlgorithm is left out because SHA-256 is its DEFAULT.
  const essCertId = tlv(TAG.SEQUENCE, tlv(TAG.OCTET_STRING, sha256(signerCertificate)), tlv(TAG.SEQUENCE, tlv(TAG.SEQUENCE, tlv(TAG.CONTEXT_4, issuer)), serial));
  const attributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, tlv(TAG.OCTET_STRING, contentDigest)),
    attribute(OID.signingCertificateV2, tlv(TAG.SEQUENCE, tlv(TAG.SEQUENCE, essCertId))),
  ];
  // DER orders the members of a SET OF by their encodings.
  return tlv(TAG.SET, ...attributes.sort(Buffer.compare));
}

/** ContentInfo(SignedData) around a signature value made over `signedAttributes`. */
export function buildSignedData(signedAttributes: Buffer, signatureValue: Buffer, chain: Buffer[], algorithm: KeyAlgorithm): Buffer {
  const { issuer, serial } = issuerAndSerial(chain[0]);
  // In the SignerInfo the attributes are [0] IMPLICIT instead of SET; the rest of the bytes stay.
  const implicitAttributes = Buffer.from(signedAttributes);
  implicitAttributes[0] = TAG.CONTEXT_0;
  const signerInfo = tlv(
    TAG.SEQUENCE,
    tlv(TAG.INTEGER, Buffer.from([1])), // version 1: identified by issuer and serial number
    tlv(TAG.SEQUENCE, issuer, serial),
    algorithmIdentifier(OID.sha256),
    implicitAttributes,
    algorithm === 'RSA' ? algorithmIdentifier(OID.sha256WithRsa, true) : algorithmIdentifier(OID.ecdsaWithSha256),
    tlv(TAG.OCTET_STRING, signatureValue),
  );
  const signedData = tlv(
    TAG.SEQUENCE,
    tlv(TAG.INTEGER, Buffer.from([1])),
    tlv(TAG.SET, algorithmIdentifier(OID.sha256)),
    tlv(TAG.SEQUENCE, oid(OID.data)), // encapContentInfo without eContent: detached
    tlv(TAG.CONTEXT_0, ...chain), // [0] IMPLICIT CertificateSet
    tlv(TAG.SET, signerInfo),
  );
  return tlv(TAG.SEQUENCE, oid(OID.signedData), tlv(TAG.CONTEXT_0, signedData));
}

function attribute(type: string, value: Buffer): Buffer {
  return tlv(TAG.SEQUENCE, oid(type), tlv(TAG.SET, value));
}
