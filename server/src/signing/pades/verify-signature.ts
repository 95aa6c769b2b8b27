/**
 * The checks of one PDF signature, in the order of ETSI EN 319 102-1's basic validation: format,
 * signer identification, integrity, cryptography, certification path, validity at signing time,
 * constraints, revocation — then what the file became after it was signed (PDF specific).
 * Each problem becomes a Finding with a Vietnamese message; the verdict is the worst of them.
 */
import { toVietnamIso } from '../../infra/time/legal-time.js';
import { buildPath, validAt, type Cert } from '../pki/chain.js';
import { describeCertificate, keyUsageOf, type CertificateInfo } from '../pki/certificate-info.js';
import type { RevocationLookup } from '../revocation/checker.js';
import { indeterminate, invalid, worst, type Finding, type Indication, type SubIndication } from '../verdict.js';
import { contentsOf, isEmptySlot, signedParts, type ByteRange } from './byte-range.js';
import { changesAfter, endsRevision, revisionAt, type ChangeKind, type Changes } from './changes.js';
import { readCms } from './cms-reader.js';
import { parsePdfDate } from './pdf-date.js';
import { signedEnd, type FoundSignature, type ParsedPdf } from './signatures.js';
import { checkRevocation, type RevocationCheck } from './verify-revocation.js';
import { proofText, type ProofOfExistence } from './verify-poe.js';
import { checkTimestamp } from './verify-timestamp.js';

export interface SignatureVerification {
  /** 1-based, in the order the signatures were added to the file. */
  index: number;
  fieldName?: string;
  subFilter?: string;
  indication: Indication;
  subIndication?: SubIndication;
  /** One or two sentences for people, in Vietnamese. */
  message: string;
  /** Everything found wrong, most serious decides the indication. */
  findings: Finding[];
  /** Worth showing, but not changing the verdict. */
  warnings: string[];
  signer?: CertificateInfo;
  /** What the signature claims (PDF /M or CMS signing-time), or a document timestamp's genTime: a claim proves nothing. */
  signingTime?: Date;
  signingTimeSource?: 'signing-time-attribute' | 'pdf-m' | 'document-timestamp';
  /** The earliest proof that the signature existed (ETSI EN 319 102-1 §5.6.2.4 best-signature-time); none when only claimed. */
  proofOfExistence?: ProofOfExistence;
  /** Set when this entry is a document timestamp (/SubFilter /ETSI.RFC3161), not a person's signature. */
  documentTimestamp?: { time: Date; tsa: string };
  reason?: string;
  location?: string;
  /** The /Name the signing software wrote; the certificate's name is in `signer`. */
  signerName?: string;
  byteRange: ByteRange;
  /** The revision of the file this signature signed (1 = the original). */
  revision?: number;
  /** The signature covers every byte of the file but its own value. */
  coversWholeFile: boolean;
  revocation: 'good' | 'revoked' | 'unknown' | 'not-checked';
  /** Per certificate of the path, signer first: status and what decided it (CRL or OCSP, where). */
  revocationChecks?: RevocationCheck[];
  /** What was added to the file after this signature, coarsely. */
  changesAfter: ChangeKind[];
  /**
   * Set for a certification signature (DocMDP): what its signer allowed afterwards.
   * 1 nothing, 2 filling in forms and signing, 3 that and annotations (ISO 32000-1 Table 254).
   */
  certification?: { permissions: CertificationPermissions };
  /** Subjects of the certification path up to the trust anchor, signer first. */
  chain?: string[];
}

export type CertificationPermissions = 1 | 2 | 3;

/** A document timestamp already checked, and the end of the bytes it covers. */
export interface DocumentTimestamp {
  end: number;
  time: Date;
  tsa: string;
}

export interface VerificationContext {
  pdf: Buffer;
  parsed: ParsedPdf;
  anchors: Cert[];
  extraCertificates: Cert[];
  /** Revocation status of a certificate of the path: CRLs given, and OCSP/CRL online when allowed. */
  revocation: RevocationLookup;
  loadCert: (der: Buffer) => Cert | undefined;
  now: Date;
  /** Valid document timestamps of the file: each proves the existence of what precedes it. */
  documentTimestamps: DocumentTimestamp[];
  /** When VănThư found these exact bytes VALID before. */
  earlierValidChecks: Date[];
  /** Byte ranges of every signature in the file: a new signature field must carry one of the later ones. */
  signatureRanges: ByteRange[];
}

const DOCUMENT_TIMESTAMP = 'ETSI.RFC3161';
const SUPPORTED_SUBFILTERS = new Set(['adbe.pkcs7.detached', 'ETSI.CAdES.detached', DOCUMENT_TIMESTAMP]);
/** Clocks disagree; a claimed time this far ahead is worth a word. */
const CLOCK_SKEW_MS = 5 * 60_000;

export async function verifySignature(found: FoundSignature, index: number, ctx: VerificationContext): Promise<SignatureVerification> {
  const { pdf, now } = ctx;
  const dictionary = found.dictionary;
  const findings: Finding[] = [];
  const warnings: string[] = [];
  const result: SignatureVerification = {
    index,
    fieldName: dictionary?.fieldName,
    subFilter: dictionary?.subFilter,
    indication: 'VALID',
    message: '',
    findings,
    warnings,
    reason: dictionary?.reason,
    location: dictionary?.location,
    signerName: dictionary?.name,
    byteRange: found.byteRange,
    coversWholeFile: !!found.slot && signedEnd(found.byteRange) === pdf.length,
    revocation: 'not-checked',
    changesAfter: [],
  };
  if (dictionary?.docMdp !== undefined) {
    result.certification = { permissions: certificationPermissions(dictionary.docMdp, warnings) };
    if (index > 1) warnings.push('Chữ ký chứng thực không phải chữ ký đầu tiên của tệp, trái với quy định của chuẩn PDF (ISO 32000).');
  }
  const finish = () => conclude(result);
  if (ctx.parsed.encrypted) warnings.push('Tệp PDF được mã hoá: lý do, nơi ký và thời điểm ghi trong từ điển chữ ký không đọc được.');

  if (!found.slot) {
    const beyond = signedEnd(found.byteRange) > pdf.length;
    findings.push(invalid('FORMAT_FAILURE', beyond ? 'Phạm vi ký (ByteRange) vượt quá độ dài tệp: tệp đã bị cắt bớt hoặc sửa đổi.' : 'Phạm vi ký (ByteRange) không bao đúng giá trị chữ ký: tệp sai cấu trúc hoặc đã bị sửa đổi.'));
    return finish();
  }
  if (dictionary?.subFilter && !SUPPORTED_SUBFILTERS.has(dictionary.subFilter)) {
    findings.push(indeterminate('SIG_CONSTRAINTS_FAILURE', `Loại chữ ký ${dictionary.subFilter} chưa được hỗ trợ kiểm tra.`));
    return finish();
  }
  if (isEmptySlot(pdf, found.slot)) {
    findings.push(invalid('FORMAT_FAILURE', 'Ô chữ ký còn trống: việc ký chưa hoàn tất.'));
    return finish();
  }
  if (dictionary?.subFilter === DOCUMENT_TIMESTAMP) {
    verifyDocumentTimestamp(found, ctx, result);
    await checkLaterChanges(found, ctx, result);
    return finish();
  }
  const read = readCms(contentsOf(pdf, found.slot), signedParts(pdf, found.byteRange), ctx.loadCert);
  if (!read.ok) {
    findings.push(invalid('FORMAT_FAILURE', read.problem));
    return finish();
  }
  const cms = read.facts;
  const signer = cms.signer;
  if (signer) result.signer = describeCertificate(signer.fields);

  if (!signer) findings.push(indeterminate('NO_SIGNING_CERTIFICATE_FOUND', 'Không tìm thấy chứng thư số của người ký trong chữ ký.'));
  else if (cms.signingCertificate === 'mismatch') findings.push(indeterminate('NO_SIGNING_CERTIFICATE_FOUND', 'Thuộc tính signing-certificate không khớp với chứng thư số đi kèm chữ ký.'));
  else if (cms.signingCertificate === 'absent' && dictionary?.subFilter === 'ETSI.CAdES.detached') {
    warnings.push('Thiếu thuộc tính ESS signing-certificate-v2: chữ ký chưa đạt chuẩn PAdES B-B.');
  }

  if (!cms.digest) findings.push(indeterminate('CRYPTO_CONSTRAINTS_FAILURE_NO_POE', 'Thuật toán băm của chữ ký chưa được hỗ trợ.'));
  else if (cms.digestMatches === false) findings.push(invalid('HASH_FAILURE', 'Nội dung tài liệu đã bị thay đổi sau khi ký (giá trị băm không khớp).'));

  if (signer && cms.signature.valid === undefined) findings.push(indeterminate('CRYPTO_CONSTRAINTS_FAILURE_NO_POE', 'Thuật toán chữ ký chưa được hỗ trợ.'));
  else if (signer && !cms.signature.valid) findings.push(invalid('SIG_CRYPTO_FAILURE', 'Giá trị chữ ký không khớp với khoá công khai trong chứng thư số.'));
  if (cms.digest === 'sha1' || cms.signature.hash === 'sha1') {
    findings.push(indeterminate('CRYPTO_CONSTRAINTS_FAILURE_NO_POE', 'Chữ ký dùng thuật toán băm SHA-1, không còn được coi là an toàn.'));
  }

  const claimed = cms.signingTime ?? (dictionary?.m ? parsePdfDate(dictionary.m) : undefined);
  result.signingTime = claimed;
  result.signingTimeSource = cms.signingTime ? 'signing-time-attribute' : claimed ? 'pdf-m' : undefined;
  if (!claimed) warnings.push('Chữ ký không ghi thời điểm ký; chứng thư số được kiểm tra tại thời điểm hiện tại.');
  else if (claimed.getTime() > now.getTime() + CLOCK_SKEW_MS) warnings.push(`Thời điểm ký ghi trong tệp (${toVietnamIso(claimed)}) ở sau thời điểm kiểm tra.`);

  const proofs = proofsOfExistence(cms.signatureTimestamps, cms.signatureValue, found, ctx, warnings);
  result.proofOfExistence = proofs[0];

  if (signer) await checkCertificates(signer, [...cms.certificates, ...ctx.extraCertificates], claimed, proofs, ctx, result);

  await checkLaterChanges(found, ctx, result);
  return finish();
}

/** What the file became after this signature: the part of the verdict that is PDF specific. */
async function checkLaterChanges(found: FoundSignature, ctx: VerificationContext, result: SignatureVerification): Promise<void> {
  const { pdf } = ctx;
  const end = signedEnd(found.byteRange);
  result.revision = revisionAt(pdf, end);
  if (!endsRevision(pdf, end)) result.warnings.push('Phạm vi ký không kết thúc ở cuối một phiên bản (revision) của tệp.');
  if (end >= pdf.length) return;
  const changes: Changes = ctx.parsed.doc ? await changesAfter(pdf, end, ctx.parsed.doc, ctx.signatureRanges) : { kinds: ['other'], pages: [], drawn: [] };
  result.changesAfter = changes.kinds;
  if (changes.kinds.includes('page-content')) {
    // ETSI lists SIG_CONSTRAINTS_FAILURE under INDETERMINATE; here it is INVALID because what
    // the file now shows is provably not what was signed (issue 4: changed page content is not fine).
    const pages = changes.pages.length ? ` (trang ${changes.pages.join(', ')})` : '';
    result.findings.push(invalid('SIG_CONSTRAINTS_FAILURE', `Nội dung trang${pages} đã bị thay đổi sau khi ký.`));
  }
  const permissions = result.certification?.permissions;
  // What a new or altered annotation or widget paints is what the page now shows: judged like
  // changed page content (issue 11 item 3). Only a P=3 certification lets annotations be added;
  // no level lets a widget without a signature be, so an empty signature field drawn over the
  // text is never "another signature".
  const drawn = changes.drawn.filter((d) => d.what === 'widget' || permissions !== 3);
  if (drawn.length) {
    const pages = [...new Set(drawn.map((d) => d.page))].sort((a, b) => a - b).join(', ');
    const what = drawn.some((d) => d.what === 'widget') ? 'ô biểu mẫu hoặc ô chữ ký chưa ký' : 'chú thích';
    result.findings.push(invalid('SIG_CONSTRAINTS_FAILURE', `Sau khi ký, tệp có thêm ${what} vẽ lên trang ${pages}: nội dung hiển thị không còn đúng như khi ký.`));
  }
  if (permissions) {
    // A change the certifier did not permit breaks a constraint the signature itself carries.
    // ETSI EN 319 102-1 §5.2.8 (signature acceptance validation) answers a failed constraint with
    // INDETERMINATE / SIG_CONSTRAINTS_FAILURE, so that is the outcome; changed page content is
    // INVALID already (above), and the message names the certification so people see why.
    const forbidden = changes.kinds.filter((kind) => kind !== 'page-content' && kind !== 'other' && !CERTIFICATION_ALLOWS[permissions].includes(kind));
    if (forbidden.length) {
      result.findings.push(indeterminate('SIG_CONSTRAINTS_FAILURE', `Chữ ký chứng thực ${PERMISSION_TEXT[permissions]}, nhưng sau khi ký tệp có thêm ${forbidden.map(changeText).join(', ')}.`));
    }
  }
  if (changes.kinds.includes('annotation')) {
    const note = 'Có chú thích (annotation) được thêm, sửa hoặc xoá sau khi ký; chú thích có thể che nội dung đã ký.';
    // The certifier allowed annotations (P=3): worth a look, not a failed constraint.
    if (permissions === 3) result.warnings.push(note);
    else if (!permissions) result.findings.push(indeterminate('SIG_CONSTRAINTS_FAILURE', note));
  }
  if (changes.kinds.includes('other')) {
    result.findings.push(indeterminate('SIG_CONSTRAINTS_FAILURE', 'Tệp có thay đổi khác sau khi ký (không phải chữ ký hay điền biểu mẫu); cần xem xét.'));
  }
}

/** What each DocMDP level lets follow the certification (ISO 32000-1 Table 254). */
const CERTIFICATION_ALLOWS: Record<CertificationPermissions, ChangeKind[]> = {
  1: [],
  2: ['signature', 'form-fill'],
  3: ['signature', 'form-fill', 'annotation'],
};

const PERMISSION_TEXT: Record<CertificationPermissions, string> = {
  1: 'không cho phép thay đổi nào',
  2: 'chỉ cho phép điền biểu mẫu và ký số thêm',
  3: 'chỉ cho phép điền biểu mẫu, ký số thêm và thêm chú thích',
};

/** P outside 1–3 is malformed; it is read as the strictest level rather than as permission. */
function certificationPermissions(p: number, warnings: string[]): CertificationPermissions {
  if (p === 1 || p === 2 || p === 3) return p;
  warnings.push(`Chữ ký chứng thực ghi mức quyền P=${p} không hợp lệ; được xét như không cho phép thay đổi nào.`);
  return 1;
}

/**
 * Every proof that the signature existed, earliest first: timestamps over its value, document
 * timestamps over the revision that holds it, VănThư's earlier VALID checks of these bytes.
 * A timestamp that does not hold is no proof, and is said so.
 */
function proofsOfExistence(tokens: Buffer[], signatureValue: Buffer, found: FoundSignature, ctx: VerificationContext, warnings: string[]): ProofOfExistence[] {
  const proofs: ProofOfExistence[] = [];
  for (const token of tokens) {
    const check = checkTimestamp(token, [signatureValue], ctx);
    if (check.ok) proofs.push({ time: check.time, source: 'signature-timestamp', by: check.tsa });
    else warnings.push(`Dấu thời gian trong chữ ký không được chấp nhận: ${check.finding.message}`);
  }
  const end = signedEnd(found.byteRange);
  for (const stamp of ctx.documentTimestamps) if (stamp.end > end) proofs.push({ time: stamp.time, source: 'document-timestamp', by: stamp.tsa });
  for (const time of ctx.earlierValidChecks) if (time <= ctx.now) proofs.push({ time, source: 'earlier-check' });
  return proofs.sort((a, b) => a.time.getTime() - b.time.getTime());
}

/** A document timestamp (ETSI EN 319 142-1 §5.4): its token must cover exactly the bytes its range frames. */
function verifyDocumentTimestamp(found: FoundSignature, ctx: VerificationContext, result: SignatureVerification): void {
  const check = checkTimestamp(contentsOf(ctx.pdf, found.slot!), signedParts(ctx.pdf, found.byteRange), ctx);
  if (!check.ok) {
    result.findings.push(check.finding);
    return;
  }
  result.documentTimestamp = { time: check.time, tsa: check.tsa };
  result.signer = describeCertificate(check.tsaCert.fields);
  result.signingTime = check.time;
  result.signingTimeSource = 'document-timestamp';
  result.proofOfExistence = { time: check.time, source: 'document-timestamp', by: check.tsa };
  // The TSA's own certificate status is not looked up: only its path and validity at genTime count.
  result.revocation = 'not-checked';
}

/**
 * The certification path, judged now (ETSI EN 319 102-1 §5.2.6). A certificate expired by now
 * passes only with a proof that the signature existed while it was valid; the time the signer
 * wrote in the file is a claim, never such a proof (issue 11, item 2).
 */
async function checkCertificates(signer: Cert, pool: Cert[], claimed: Date | undefined, proofs: ProofOfExistence[], ctx: VerificationContext, result: SignatureVerification): Promise<void> {
  const { findings, warnings } = result;
  const path = buildPath(signer, pool, ctx.anchors);
  if (!path) {
    findings.push(indeterminate('NO_CERTIFICATE_CHAIN_FOUND', 'Chứng thư số không chuỗi được tới tổ chức chứng thực nào trong danh sách tin cậy.'));
    return;
  }
  result.chain = path.map((c) => describeCertificate(c.fields).subject);
  const info = describeCertificate(signer.fields);
  const best = proofs[0];

  // The signer's own claim, or a proof, before the certificate was issued contradicts it.
  if ((claimed && validAt(signer, claimed) === 'not-yet-valid') || validAt(signer, ctx.now) === 'not-yet-valid') {
    findings.push(invalid('NOT_YET_VALID', `Chứng thư số chưa có hiệu lực vào thời điểm ký (hiệu lực từ ${toVietnamIso(info.notBefore)}).`));
  } else if (best && validAt(signer, best.time) === 'not-yet-valid') {
    findings.push(invalid('NOT_YET_VALID', `Chữ ký đã tồn tại trước khi chứng thư số có hiệu lực (${proofText(best)}; hiệu lực từ ${toVietnamIso(info.notBefore)}).`));
  }
  for (const [i, cert] of path.entries()) {
    if (validAt(cert, ctx.now) !== 'expired') continue;
    const notAfter = cert.fields.notAfter.value;
    const proof = proofs.find((p) => p.time <= notAfter);
    const name = describeCertificate(cert.fields).commonName ?? '';
    const whose = i === 0 ? 'Chứng thư số' : `Chứng thư của tổ chức cấp "${name}"`;
    if (proof) {
      warnings.push(`${whose} đã hết hạn từ ${toVietnamIso(notAfter)}; chữ ký vẫn được công nhận vì có bằng chứng chữ ký đã tồn tại khi chứng thư còn hiệu lực: ${proofText(proof)}.`);
    } else if (i === 0) {
      findings.push(indeterminate('OUT_OF_BOUNDS_NO_POE', expiredMessage(notAfter, claimed)));
    } else {
      findings.push(indeterminate('OUT_OF_BOUNDS_NO_POE', `${whose} đã hết hạn từ ${toVietnamIso(notAfter)} và không có bằng chứng (dấu thời gian tin cậy) rằng chữ ký đã tồn tại trước đó.`));
    }
  }

  const usage = keyUsageOf(signer.fields);
  if (usage && !usage.includes('digitalSignature') && !usage.includes('nonRepudiation')) {
    findings.push(indeterminate('CHAIN_CONSTRAINTS_FAILURE', 'Chứng thư số không được cấp cho mục đích ký số (thiếu digitalSignature/nonRepudiation).'));
  }
  const notCa = path.slice(1, -1).filter((ca) => !ca.x509.ca);
  for (const ca of notCa) {
    findings.push(indeterminate('CHAIN_CONSTRAINTS_FAILURE', `Chứng thư "${describeCertificate(ca.fields).commonName ?? ''}" cấp chứng thư khác nhưng không phải chứng thư CA.`));
  }
  // Such a path was not written by a trusted CA: the revocation addresses in it could point
  // anywhere (the server's own network), so none is asked; the verdict is INDETERMINATE already.
  if (notCa.length > 0) {
    result.revocation = 'not-checked';
    return;
  }

  const revocation = await checkRevocation(path, claimed, proofs, ctx.revocation);
  result.revocation = revocation.revocation;
  result.revocationChecks = revocation.checks;
  findings.push(...revocation.findings);
  warnings.push(...revocation.warnings);
}

/** What OUT_OF_BOUNDS_NO_POE means to the person reading it, and what to do. */
function expiredMessage(notAfter: Date, claimed: Date | undefined): string {
  const expiry = toVietnamIso(notAfter);
  const todo = 'Hãy đề nghị nơi gửi cung cấp bản có dấu thời gian (PAdES-T) hoặc xác nhận lại văn bản.';
  if (claimed && claimed > notAfter) return `Chứng thư số đã hết hạn vào thời điểm ký (hết hạn ${expiry}); không có dấu thời gian chứng minh văn bản được ký trước đó. ${todo}`;
  const said = claimed ? `Thời điểm ký ghi trong tệp (${toVietnamIso(claimed)}) do người ký tự ghi, không chứng minh được` : 'Không có gì chứng minh';
  return `Chứng thư số đã hết hạn từ ${expiry}. ${said} chữ ký đã có trước khi chứng thư hết hạn: tệp không có dấu thời gian tin cậy và VănThư chưa từng kiểm tra bản này khi chứng thư còn hiệu lực. ${todo}`;
}

/**
 * A later signature counts as an allowed change only if it holds itself: when one that follows
 * is INVALID (its bytes are not what its signer signed, or it is no signature at all), what it
 * added to the file, its appearance included, is an unverified change for the earlier ones.
 */
export function judgeLaterSignatures(signatures: SignatureVerification[]): SignatureVerification[] {
  return signatures.map((s, i) => {
    if (!s.changesAfter.includes('signature')) return s;
    const broken = signatures.slice(i + 1).filter((later) => later.indication === 'INVALID');
    if (!broken.length) return s;
    const which = broken.map((later) => later.index).join(', ');
    const finding = indeterminate('SIG_CONSTRAINTS_FAILURE', `Chữ ký thêm sau chữ ký này (chữ ký thứ ${which}) không hợp lệ, nên những gì được thêm vào tệp cùng nó chưa được xác minh.`);
    return conclude({ ...s, findings: [...s.findings, finding] });
  });
}

function conclude(result: SignatureVerification): SignatureVerification {
  const decisive = worst(result.findings);
  if (!decisive && result.documentTimestamp) {
    const later = result.changesAfter.length ? ` Sau đó, tệp có thêm: ${result.changesAfter.map(changeText).join(', ')}.` : '';
    return { ...result, indication: 'VALID', subIndication: undefined, message: `Dấu thời gian tài liệu hợp lệ, do ${result.documentTimestamp.tsa} cấp lúc ${toVietnamIso(result.documentTimestamp.time)}.${later}` };
  }
  if (!decisive) {
    const who = result.signer ? `${result.signer.commonName ?? result.signer.subject}${result.signer.organization ? ` (${result.signer.organization})` : ''}` : 'không rõ';
    const when = result.signingTime ? `, ký lúc ${toVietnamIso(result.signingTime)}` : '';
    const later = result.changesAfter.length ? ` Sau khi ký, tệp có thêm: ${result.changesAfter.map(changeText).join(', ')}.` : '';
    const kind = result.certification ? ` (chữ ký chứng thực, ${PERMISSION_TEXT[result.certification.permissions]})` : '';
    return { ...result, indication: 'VALID', subIndication: undefined, message: `Chữ ký hợp lệ${kind}. Người ký: ${who}${when}.${later}` };
  }
  const lead = decisive.indication === 'INVALID' ? 'Chữ ký không hợp lệ' : 'Chưa xác định được chữ ký có hợp lệ hay không';
  return { ...result, indication: decisive.indication, subIndication: decisive.subIndication, message: `${lead}: ${decisive.message}` };
}

export function changeText(kind: ChangeKind): string {
  return { signature: 'chữ ký khác', 'form-fill': 'nội dung điền vào biểu mẫu', annotation: 'chú thích', 'page-content': 'thay đổi nội dung trang', other: 'thay đổi khác' }[kind];
}
