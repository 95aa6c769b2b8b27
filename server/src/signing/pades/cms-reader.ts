/**
 * Reads the CMS SignedData (RFC 5652 §5) of one PDF signature and checks what can be checked
 * from it alone: which certificate signed, whether the document digest matches, whether the
 * signature value verifies. Nothing here throws on bad input; problems come back as facts.
 *
 * asn1js decodes the bytes, and the few fields needed are then picked by position: pkijs's
 * SignedData class spends about 8 ms matching its full schema, most of the cost of a
 * verification. The signed attributes are verified as the bytes found, never re-encoded.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { hashOf, verifySignature, type HashName, type SignatureCheck } from '../pki/algorithms.js';
import type { Cert } from '../pki/chain.js';
import { asn1Input, OID } from '../pki/oids.js';

export interface CmsFacts {
  certificates: Cert[];
  /** Undefined: no certificate in the CMS matches the signer identifier. */
  signer?: Cert;
  /** Undefined: the digest algorithm is not supported. */
  digest?: HashName;
  /** Undefined when there are no signed attributes (the signature then covers the content directly). */
  digestMatches?: boolean;
  signature: SignatureCheck;
  signingTime?: Date;
  /** ESS signing-certificate(-v2): names the signer's certificate, so it cannot be swapped. */
  signingCertificate: 'match' | 'mismatch' | 'absent';
  /** The SignerInfo's signature value: what a signature timestamp's message imprint is over. */
  signatureValue: Buffer;
  /** DER ContentInfo of each RFC 3161 token in the unsigned attribute signature-time-stamp. */
  signatureTimestamps: Buffer[];
  /** The encapsulated content (a timestamp token's TSTInfo); absent for a detached signature. */
  content?: Buffer;
}

/** What is signed: the bytes outside the signature (a PDF signature), or the content inside (a timestamp token). */
export type SignedContent = { detached: Buffer[] } | { encapsulated: string };

export type CmsResult = { ok: true; facts: CmsFacts } | { ok: false; problem: string };

type Node = asn1js.AsnType & asn1js.BaseBlock;

const UNIVERSAL = 1;
const CONTEXT = 3;

class Malformed extends Error {}

/**
 * `signedContent` is either the parts of the PDF the signature covers, or for an encapsulating
 * CMS (an RFC 3161 token) the content type the content and the contentType attribute must have.
 */
export function readCms(cms: Buffer, signedContent: Buffer[] | SignedContent, loadCert: (der: Buffer) => Cert | undefined): CmsResult {
  try {
    return { ok: true, facts: read(cms, signedContent, loadCert) };
  } catch (err) {
    return { ok: false, problem: err instanceof Malformed ? err.message : 'Không đọc được dữ liệu chữ ký (CMS SignedData).' };
  }
}

function read(cms: Buffer, what: Buffer[] | SignedContent, loadCert: (der: Buffer) => Cert | undefined): CmsFacts {
  const expected: SignedContent = Array.isArray(what) ? { detached: what } : what;
  const decoded = asn1js.fromBER(asn1Input(withoutPadding(cms)));
  if (decoded.offset === -1) throw new Malformed('Dữ liệu chữ ký (CMS) không đúng cấu trúc ASN.1.');
  const [contentType, content] = children(decoded.result);
  if (oidOf(contentType) !== OID.signedData || !isContext(content, 0)) throw new Malformed('Dữ liệu chữ ký không phải CMS SignedData.');

  // SignedData ::= SEQUENCE { version, digestAlgorithms, encapContentInfo, [0] certificates OPTIONAL, [1] crls OPTIONAL, signerInfos }
  const signedData = children(children(content)[0]);
  const encapContentInfo = children(signedData[2]);
  let signedContent: Buffer[];
  let encapsulated: Buffer | undefined;
  let contentTypeOid: string = OID.data;
  if ('detached' in expected) {
    if (encapContentInfo.length > 1) throw new Malformed('Chữ ký PDF phải tách rời (detached) nhưng CMS lại chứa nội dung.');
    signedContent = expected.detached;
  } else {
    // eContent [0] EXPLICIT OCTET STRING; a TSA writes DER, so a primitive one.
    const eContent = isContext(encapContentInfo[1], 0) ? children(encapContentInfo[1])[0] : undefined;
    if (oidOf(encapContentInfo[0]) !== expected.encapsulated || !(eContent instanceof asn1js.OctetString) || eContent.idBlock.isConstructed) {
      throw new Malformed('Dữ liệu ký không chứa nội dung đúng loại cần có.');
    }
    encapsulated = Buffer.from(eContent.valueBlock.valueHexView);
    signedContent = [encapsulated];
    contentTypeOid = expected.encapsulated;
  }
  const certificates = signedData
    .filter((n) => isContext(n, 0))
    .flatMap((set) => children(set))
    .filter((n) => n.idBlock.tagClass === UNIVERSAL)
    .map((n) => loadCert(Buffer.from(n.valueBeforeDecodeView)))
    .filter((c): c is Cert => c !== undefined);
  const signerInfos = children(signedData[signedData.length - 1]);
  if (signerInfos.length !== 1) throw new Malformed(`Chữ ký PDF phải có đúng một người ký trong CMS (có ${signerInfos.length}).`);

  // SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs OPTIONAL, signatureAlgorithm, signature, [1] unsignedAttrs OPTIONAL }
  const fields = children(signerInfos[0]);
  const sid = fields[1];
  const digestAlgorithm = new pkijs.AlgorithmIdentifier({ schema: fields[2] });
  const signedAttributes = isContext(fields[3], 0) ? fields[3] : undefined;
  const rest = fields.slice(signedAttributes ? 4 : 3);
  const signatureAlgorithm = new pkijs.AlgorithmIdentifier({ schema: rest[0] });
  if (!(rest[1] instanceof asn1js.OctetString)) throw new Malformed('Thiếu giá trị chữ ký trong CMS.');
  const signatureValue = Buffer.from(rest[1].valueBlock.valueHexView);

  const attributes = new Map<string, Node>();
  for (const attribute of signedAttributes ? children(signedAttributes) : []) {
    const [type, values] = children(attribute);
    attributes.set(oidOf(type) ?? '', children(values)[0]);
  }
  if (signedAttributes && oidOf(attributes.get(OID.contentType)) !== contentTypeOid) throw new Malformed('Thuộc tính content-type của chữ ký không đúng loại nội dung được ký.');
  if (!signedAttributes && encapsulated) throw new Malformed('Dữ liệu ký thiếu thuộc tính được ký (signed attributes).');

  // [1] IMPLICIT unsignedAttrs: only signature timestamps are read.
  const signatureTimestamps: Buffer[] = [];
  if (isContext(rest[2], 1)) {
    for (const attribute of children(rest[2])) {
      const [type, values] = children(attribute);
      if (oidOf(type) === OID.signatureTimeStampToken) for (const token of children(values)) signatureTimestamps.push(Buffer.from(token.valueBeforeDecodeView));
    }
  }

  const signer = certificates.find((c) => identifies(sid, c));
  const digest = hashOf(digestAlgorithm.algorithmId);
  const contentDigest = digest && digestOf(digest, signedContent);
  const messageDigest = attributes.get(OID.messageDigest);
  const digestMatches = signedAttributes
    ? messageDigest instanceof asn1js.OctetString && !!contentDigest && contentDigest.equals(Buffer.from(messageDigest.valueBlock.valueHexView))
    : undefined;

  // With signed attributes the key signed their DER with the SET tag in place of [0]; without, the content.
  let signedBytes = Buffer.concat(signedContent);
  if (signedAttributes) {
    signedBytes = Buffer.from(signedAttributes.valueBeforeDecodeView);
    signedBytes[0] = 0x31;
  }
  const signature = signer ? verifySignature(signatureAlgorithm, signedBytes, signer.x509.publicKey, signatureValue, digestAlgorithm.algorithmId) : {};

  const time = attributes.get(OID.signingTime);
  const signingTime = time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime ? time.toDate() : undefined;
  const ess = attributes.get(OID.signingCertificateV2) ?? attributes.get(OID.signingCertificate);

  return {
    certificates,
    signer,
    digest,
    digestMatches,
    signature,
    signingTime,
    signingCertificate: signer && ess ? essCheck(ess, attributes.has(OID.signingCertificateV2), signer) : 'absent',
    signatureValue,
    signatureTimestamps,
    content: encapsulated,
  };
}

function children(node: Node | undefined): Node[] {
  const value = (node?.valueBlock as { value?: unknown } | undefined)?.value;
  if (!Array.isArray(value)) throw new Malformed('Dữ liệu chữ ký (CMS) thiếu thành phần bắt buộc.');
  return value as Node[];
}

function isContext(node: Node | undefined, tag: number): node is Node {
  return node?.idBlock.tagClass === CONTEXT && node.idBlock.tagNumber === tag;
}

function oidOf(node: Node | undefined): string | undefined {
  return node instanceof asn1js.ObjectIdentifier ? node.valueBlock.toString() : undefined;
}

/** IssuerAndSerialNumber, or [0] SubjectKeyIdentifier. Serial numbers are compared first: it is cheap. */
function identifies(sid: Node, cert: Cert): boolean {
  if (isContext(sid, 0)) {
    const keyId = Buffer.from((sid.valueBlock as asn1js.OctetString['valueBlock']).valueHexView);
    const ski = cert.fields.extensions?.find((e) => e.extnID === '2.5.29.14');
    const own = ski && (asn1js.fromBER(ski.extnValue.valueBlock.valueHexView).result as asn1js.OctetString).valueBlock.valueHexView;
    return !!own && keyId.equals(Buffer.from(own));
  }
  const [issuer, serial] = children(sid);
  if (!(serial instanceof asn1js.Integer)) return false;
  const hex = Buffer.from(serial.valueBlock.valueHexView).toString('hex').replace(/^(00)+(?=.)/, '').toUpperCase();
  if (hex !== cert.x509.serialNumber.replace(/^(00)+(?=.)/, '').toUpperCase()) return false;
  return cert.fields.issuer.isEqual(new pkijs.RelativeDistinguishedNames({ schema: issuer }));
}

/** RFC 5035 / RFC 2634: the first ESSCertID(v2) must carry the hash of the signer's certificate. */
function essCheck(attribute: Node, v2: boolean, signer: Cert): CmsFacts['signingCertificate'] {
  try {
    const [first] = children(children(attribute)[0]);
    const [head, second] = children(first);
    let hash: HashName | undefined = v2 ? 'sha256' : 'sha1';
    let certHash = head;
    if (v2 && head instanceof asn1js.Sequence) {
      hash = hashOf(new pkijs.AlgorithmIdentifier({ schema: head }).algorithmId);
      certHash = second;
    }
    if (!hash || !(certHash instanceof asn1js.OctetString)) return 'mismatch';
    return digestOf(hash, [signer.der]).equals(Buffer.from(certHash.valueBlock.valueHexView)) ? 'match' : 'mismatch';
  } catch {
    return 'mismatch';
  }
}

/**
 * The hex string is zero-padded after the DER; asn1js would walk the padding too. Cut at the
 * length the outer header gives.
 */
function withoutPadding(der: Buffer): Buffer {
  if (der[0] !== 0x30 || der.length < 2) return der;
  const first = der[1];
  if (first < 0x80) return der.subarray(0, 2 + first);
  const count = first & 0x7f;
  if (count === 0 || count > 4) return der;
  const length = der.subarray(2, 2 + count).reduce((n, b) => n * 256 + b, 0);
  return der.subarray(0, Math.min(der.length, 2 + count + length));
}

function digestOf(hash: HashName, parts: Buffer[]): Buffer {
  const h = createHash(hash);
  for (const part of parts) h.update(part);
  return h.digest();
}
