/**
 * Verifying the signatures of a PDF (Q-4.1, Q-6.1d): every signature found, in every revision,
 * gets a verdict in the ETSI EN 319 102-1 vocabulary with a Vietnamese message, and the file gets
 * the worst of them. Nothing here throws on a bad file: a broken, encrypted or unsigned PDF is a
 * result too.
 */
import { cachingCertLoader, loadCerts } from '../pki/chain.js';
import { loadCrls, type Crl } from '../pki/crl.js';
import { offlineLookup, type RevocationChecker } from '../revocation/checker.js';
import { combine, type Indication, type SubIndication } from '../verdict.js';
import { contentsOf, signedParts } from './byte-range.js';
import { findSignatures, parsePdf, signedEnd, type FoundSignature } from './signatures.js';
import { judgeLaterSignatures, verifySignature, type DocumentTimestamp, type SignatureVerification, type VerificationContext } from './verify-signature.js';
import { checkTimestamp } from './verify-timestamp.js';

export type { CertificationPermissions, SignatureVerification } from './verify-signature.js';
export type { ProofOfExistence } from './verify-poe.js';

export interface VerifyOptions {
  /** DER certificates of the agency's trust list: roots, or intermediates trusted directly. */
  trustAnchors: Buffer[];
  /** DER CRLs at hand; a certificate no current CRL speaks about has an unknown status. */
  crls?: Buffer[];
  /**
   * Asks OCSP responders and CRL addresses named in the certificates, within its time budget,
   * keeping what it learns across verifications. Without it only `crls` count (no network).
   */
  revocation?: RevocationChecker;
  /** DER certificates to complete certification paths with, when a signature left them out. */
  certificates?: Buffer[];
  /** Validation time; now when left out. */
  now?: Date;
  /**
   * When VănThư found these exact bytes (same SHA-256) VALID before: each is a proof of
   * existence of every signature in them at that time. The caller looks them up by the file's hash.
   */
  earlierValidChecks?: Date[];
}

/** Why there is no per-signature answer. */
export type DocumentProblem = 'NOT_PDF' | 'UNREADABLE' | 'ENCRYPTED' | 'NOT_SIGNED';

export interface PdfVerification {
  indication: Indication;
  subIndication?: SubIndication;
  problem?: DocumentProblem;
  /** For people, in Vietnamese. */
  message: string;
  encrypted: boolean;
  signatures: SignatureVerification[];
}

export async function verifyPdf(pdf: Buffer, options: VerifyOptions): Promise<PdfVerification> {
  return pdfVerifier(options)(pdf);
}

/**
 * A verifier with the trust list and CRLs parsed once, for a service that checks many files;
 * parsing them costs more than checking a signature. `now` is taken per call unless fixed.
 */
export function pdfVerifier(options: VerifyOptions): (pdf: Buffer) => Promise<PdfVerification> {
  const trust: Trust = {
    anchors: loadCerts(options.trustAnchors),
    extraCertificates: loadCerts(options.certificates ?? []),
    crls: loadCrls(options.crls ?? []),
    checker: options.revocation,
    loadCert: cachingCertLoader(),
  };
  return (pdf) => verifySafely(pdf, trust, options.now, options.earlierValidChecks ?? []);
}

type Trust = Pick<VerificationContext, 'anchors' | 'extraCertificates' | 'loadCert'> & { crls: Crl[]; checker?: RevocationChecker };

async function verifySafely(pdf: Buffer, trust: Trust, now: Date | undefined, earlierValidChecks: Date[]): Promise<PdfVerification> {
  try {
    return await verify(pdf, trust, now ?? new Date(), earlierValidChecks);
  } catch {
    return {
      indication: 'INDETERMINATE',
      message: 'Không kiểm tra được chữ ký do lỗi khi đọc tệp; hãy thử lại hoặc báo quản trị hệ thống.',
      encrypted: false,
      signatures: [],
    };
  }
}

async function verify(pdf: Buffer, trust: Trust, now: Date, earlierValidChecks: Date[]): Promise<PdfVerification> {
  if (pdf.subarray(0, 1024).indexOf('%PDF-') < 0) {
    return { indication: 'INVALID', subIndication: 'FORMAT_FAILURE', problem: 'NOT_PDF', message: 'Tệp không phải là tệp PDF.', encrypted: false, signatures: [] };
  }
  const parsed = await parsePdf(pdf);
  const found = findSignatures(pdf, parsed);
  if (found.length === 0) {
    if (parsed.encrypted) {
      return { indication: 'INDETERMINATE', problem: 'ENCRYPTED', message: 'Tệp PDF được mã hoá và không tìm thấy chữ ký số nào đọc được.', encrypted: true, signatures: [] };
    }
    if (!parsed.doc) {
      return { indication: 'INVALID', subIndication: 'FORMAT_FAILURE', problem: 'UNREADABLE', message: 'Tệp PDF bị hỏng, không đọc được cấu trúc và không tìm thấy chữ ký số.', encrypted: false, signatures: [] };
    }
    return { indication: 'INDETERMINATE', problem: 'NOT_SIGNED', message: 'Tệp PDF không có chữ ký số.', encrypted: false, signatures: [] };
  }

  // One lookup per file: its time budget covers all the file's signatures.
  const revocation = trust.checker ? trust.checker.lookup(trust.crls, now) : offlineLookup(trust.crls, now);
  const ctx: VerificationContext = {
    pdf,
    parsed,
    anchors: trust.anchors,
    extraCertificates: trust.extraCertificates,
    loadCert: trust.loadCert,
    revocation,
    now,
    documentTimestamps: documentTimestamps(pdf, found, trust),
    earlierValidChecks,
    signatureRanges: found.filter((f) => f.slot).map((f) => f.byteRange),
  };
  const verified: SignatureVerification[] = [];
  for (const [i, signature] of found.entries()) verified.push(await verifySignature(signature, i + 1, ctx));
  const signatures = judgeLaterSignatures(verified);

  const indication = combine(signatures.map((s) => s.indication));
  const decisive = signatures.find((s) => s.indication === indication);
  const total = signatures.length;
  const count = signatures.filter((s) => s.indication === indication).length;
  const message =
    indication === 'VALID'
      ? total === 1 ? 'Chữ ký số hợp lệ.' : `Cả ${total} chữ ký số đều hợp lệ.`
      : `${count}/${total} chữ ký ${indication === 'INVALID' ? 'không hợp lệ' : 'chưa xác định được tính hợp lệ'}. Chữ ký thứ ${decisive!.index}: ${decisive!.message}`;
  return { indication, subIndication: decisive?.subIndication, message, encrypted: parsed.encrypted, signatures };
}

/** The document timestamps that hold: each proves that the bytes before it existed at its time. */
function documentTimestamps(pdf: Buffer, found: FoundSignature[], trust: Trust): DocumentTimestamp[] {
  const stamps: DocumentTimestamp[] = [];
  for (const f of found) {
    if (f.dictionary?.subFilter !== 'ETSI.RFC3161' || !f.slot) continue;
    const check = checkTimestamp(contentsOf(pdf, f.slot), signedParts(pdf, f.byteRange), trust);
    if (check.ok) stamps.push({ end: signedEnd(f.byteRange), time: check.time, tsa: check.tsa });
  }
  return stamps;
}
