/**
 * OCSP (RFC 6960): the request for one certificate, and the checks on the answer before it may
 * say anything: a successful basic response, signed by the issuing CA or by a responder that CA
 * delegated (id-kp-OCSPSigning), about the certificate asked, and current at the validation time.
 * pkijs reads and writes the structures; node:crypto checks the signatures (algorithms.ts).
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { verifySignature } from './algorithms.js';
import { loadCert, validAt, type Cert } from './chain.js';
import { reasonName, type Revocation } from './crl.js';
import { asn1Input } from './oids.js';

const BASIC_RESPONSE = '1.3.6.1.5.5.7.48.1.1';
/** id-pkix-ocsp-archive-cutoff (RFC 6960 §4.4.4): the responder keeps status since this date. */
const ARCHIVE_CUTOFF = '1.3.6.1.5.5.7.48.1.6';
const EXT_KEY_USAGE = '2.5.29.37';
const OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';
/** Clocks of responders and servers disagree a little. */
const SKEW_MS = 5 * 60_000;
/** An answer without nextUpdate claims to be fresh now (RFC 6960 §4.2.2.1); older than this it is not. */
const MAX_AGE_WITHOUT_NEXT_UPDATE_MS = 15 * 60_000;

const RESPONSE_STATUS = ['successful', 'malformedRequest', 'internalError', 'tryLater', undefined, 'sigRequired', 'unauthorized'];

export interface OcspAnswer {
  revocation: Revocation;
  thisUpdate: Date;
  /** Absent: the responder promises nothing beyond now, so the answer is not kept. */
  nextUpdate?: Date;
}

export type OcspResult = { ok: true; answer: OcspAnswer } | { ok: false; problem: string };

export interface OcspQuery {
  der: Buffer;
  certId: pkijs.CertID;
  /** The certificate's end: a "good" given after it proves nothing without an archive cutoff. */
  notAfter: Date;
}

/**
 * An unsigned request without nonce. SHA-1 CertID because every responder must accept it
 * (RFC 5019 §2.1.1); it only names the certificate, the answer's signature is what protects.
 * No nonce: many responders serve pre-signed answers and ignore or refuse one (RFC 5019 §2.1),
 * and a replayed answer is bounded by its own thisUpdate/nextUpdate, like a CRL.
 */
export async function ocspRequest(cert: Cert, issuer: Cert): Promise<OcspQuery> {
  const request = new pkijs.OCSPRequest();
  await request.createForCertificate(cert.fields, { hashAlgorithm: 'SHA-1', issuerCertificate: issuer.fields });
  return { der: Buffer.from(request.toSchema(true).toBER()), certId: request.tbsRequest.requestList[0].reqCert, notAfter: cert.fields.notAfter.value };
}

export function readOcspResponse(der: Buffer, query: OcspQuery, issuer: Cert, at: Date): OcspResult {
  let basic: pkijs.BasicOCSPResponse;
  try {
    const response = pkijs.OCSPResponse.fromBER(asn1Input(der));
    const status = response.responseStatus.valueBlock.valueDec;
    if (status !== 0) return refused(`máy chủ OCSP từ chối trả lời (${RESPONSE_STATUS[status] ?? status})`);
    if (response.responseBytes?.responseType !== BASIC_RESPONSE) return refused('câu trả lời OCSP không thuộc loại cơ bản (basic)');
    basic = pkijs.BasicOCSPResponse.fromBER(new Uint8Array(response.responseBytes.response.valueBlock.valueHexView));
  } catch {
    return refused('câu trả lời OCSP không đọc được');
  }
  if (!signedByAuthorised(basic, issuer)) return refused('câu trả lời OCSP không được ký bởi tổ chức cấp chứng thư hoặc máy chủ OCSP do tổ chức đó ủy quyền');
  const single = basic.tbsResponseData.responses.find((r) => r.certID.isEqual(query.certId));
  if (!single) return refused('câu trả lời OCSP không nói về chứng thư được hỏi');
  const { thisUpdate, nextUpdate } = single;
  const fresh = thisUpdate.getTime() - SKEW_MS <= at.getTime() && (nextUpdate ? at <= nextUpdate : at.getTime() - thisUpdate.getTime() <= MAX_AGE_WITHOUT_NEXT_UPDATE_MS);
  if (!fresh) return refused('câu trả lời OCSP không còn hiệu lực tại thời điểm kiểm tra');
  const revocation = statusOf(single.certStatus);
  if (revocation?.status === 'good' && thisUpdate > query.notAfter && !keepsExpired(basic, query.notAfter)) {
    // Like a CRL issued after expiry (crl.ts): a responder may forget expired certificates.
    return refused('câu trả lời OCSP được đưa ra sau khi chứng thư hết hạn và không có archive cutoff, nên không chứng minh chứng thư chưa bị thu hồi (RFC 6960)');
  }
  return revocation ? { ok: true, answer: { revocation, thisUpdate, nextUpdate } } : refused('câu trả lời OCSP có trạng thái không đọc được');
}

/** The response's archive cutoff reaches back to `notAfter`: the responder still knows that certificate. */
function keepsExpired(basic: pkijs.BasicOCSPResponse, notAfter: Date): boolean {
  const extension = basic.tbsResponseData.responseExtensions?.find((e) => e.extnID === ARCHIVE_CUTOFF);
  if (!extension) return false;
  const value = asn1js.fromBER(extension.extnValue.valueBlock.valueHexView).result;
  return value instanceof asn1js.GeneralizedTime && value.toDate() <= notAfter;
}

/** The issuer itself, or a certificate in the answer that the issuer signed for OCSP signing. */
function signedByAuthorised(basic: pkijs.BasicOCSPResponse, issuer: Cert): boolean {
  const tbs = Buffer.from(basic.tbsResponseData.tbsView);
  const signature = Buffer.from(basic.signature.valueBlock.valueHexView);
  const producedAt = basic.tbsResponseData.producedAt;
  const delegated = (basic.certs ?? [])
    .map((c) => loadCert(Buffer.from(c.toSchema().toBER()), c))
    .filter((c): c is Cert => !!c && delegatedBy(c, issuer, producedAt));
  return [issuer, ...delegated].some((signer) => verifySignature(basic.signatureAlgorithm, tbs, signer.x509.publicKey, signature).valid === true);
}

function delegatedBy(responder: Cert, issuer: Cert, at: Date): boolean {
  try {
    if (!responder.x509.checkIssued(issuer.x509) || !responder.x509.verify(issuer.x509.publicKey)) return false;
  } catch {
    return false;
  }
  const usage = responder.fields.extensions?.find((e) => e.extnID === EXT_KEY_USAGE)?.parsedValue;
  return usage instanceof pkijs.ExtKeyUsage && usage.keyPurposes.includes(OCSP_SIGNING) && validAt(responder, at) === 'valid';
}

/** CertStatus: good [0] NULL, revoked [1] RevokedInfo, unknown [2] NULL (all implicit). */
function statusOf(block: asn1js.AsnType): Revocation | undefined {
  const id = (block as asn1js.BaseBlock).idBlock;
  if (id?.tagClass !== 3) return undefined;
  if (id.tagNumber === 0) return { status: 'good' };
  if (id.tagNumber === 2) return { status: 'unknown' };
  if (id.tagNumber !== 1 || !(block instanceof asn1js.Constructed)) return undefined;
  const [time, reason] = block.valueBlock.value;
  if (!(time instanceof asn1js.GeneralizedTime)) return undefined;
  const code = reason instanceof asn1js.Constructed ? reason.valueBlock.value[0] : undefined;
  return { status: 'revoked', revokedAt: time.toDate(), reason: code instanceof asn1js.Enumerated ? reasonName(code.valueBlock.valueDec) : undefined };
}

function refused(problem: string): OcspResult {
  return { ok: false, problem };
}
