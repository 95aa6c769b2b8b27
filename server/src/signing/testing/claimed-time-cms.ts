/**
 * Signatures that say when they were made, the way other signing tools write them: /M in the
 * PDF and a CMS signing-time attribute, both whatever the signer chose (back-dated here), and
 * optionally RFC 3161 tokens over the signature value in the unsigned attribute
 * signature-time-stamp (CAdES-T / PAdES B-T). Assembled from DER parts like cms.ts.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { algorithmIdentifier, childrenOf, issuerAndSerial, oid, TAG, tlv } from '../pki/der.js';
import { OID } from '../pki/oids.js';
import { lastSlot, signedParts } from '../pades/byte-range.js';
import { buildSignedAttributes } from '../pades/cms.js';
import { embedCms, preparePdf } from '../pades/sign.js';
import { sha256 } from '../signer.js';
import type { TestIdentity } from './test-pki.js';

export interface ClaimedTimeOptions {
  /** Written to /M and to the CMS signing-time attribute. */
  claimed: Date;
  /** Makes the timestamp tokens to carry, given the signature value they must cover. */
  timestamp?: (signatureValue: Buffer) => Promise<Buffer>;
}

export async function signClaimingTime(pdf: Buffer, signer: TestIdentity, options: ClaimedTimeOptions): Promise<Buffer> {
  const { prepared } = await preparePdf(pdf, signer.chain, { signingTime: options.claimed });
  const digest = sha256(signedParts(prepared, lastSlot(prepared)!.byteRange));
  const attributes = [...childrenOf(buildSignedAttributes(digest, signer.certificate)), attribute(OID.signingTime, utcTime(options.claimed))];
  const signedAttributes = tlv(TAG.SET, ...attributes.sort(Buffer.compare));
  const key = createPrivateKey(signer.keyPem);
  const value = sign('sha256', signedAttributes, { key, dsaEncoding: 'der' });
  const unsigned = options.timestamp ? [tlv(0xa1, attribute(OID.signatureTimeStampToken, await options.timestamp(value)))] : [];
  const implicit = Buffer.from(signedAttributes);
  implicit[0] = TAG.CONTEXT_0;
  const { issuer, serial } = issuerAndSerial(signer.certificate);
  const rsa = key.asymmetricKeyType === 'rsa';
  const signerInfo = tlv(
    TAG.SEQUENCE,
    tlv(TAG.INTEGER, Buffer.from([1])),
    tlv(TAG.SEQUENCE, issuer, serial),
    algorithmIdentifier(OID.sha256),
    implicit,
    rsa ? algorithmIdentifier(OID.sha256WithRsa, true) : algorithmIdentifier(OID.ecdsaWithSha256),
    tlv(TAG.OCTET_STRING, value),
    ...unsigned,
  );
  const signedData = tlv(
    TAG.SEQUENCE,
    tlv(TAG.INTEGER, Buffer.from([1])),
    tlv(TAG.SET, algorithmIdentifier(OID.sha256)),
    tlv(TAG.SEQUENCE, oid(OID.data)),
    tlv(TAG.CONTEXT_0, ...signer.chain),
    tlv(TAG.SET, signerInfo),
  );
  return embedCms(prepared, tlv(TAG.SEQUENCE, oid(OID.signedData), tlv(TAG.CONTEXT_0, signedData)));
}

function attribute(type: string, value: Buffer): Buffer {
  return tlv(TAG.SEQUENCE, oid(type), tlv(TAG.SET, value));
}

/** UTCTime YYMMDDHHMMSSZ (RFC 5280 §4.1.2.5.1: years before 2050). */
function utcTime(date: Date): Buffer {
  return tlv(0x17, Buffer.from(date.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z', 'latin1'));
}
