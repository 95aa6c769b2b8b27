/**
 * Ký số (digital signatures): signing and verifying PDFs, issue 4 (Q-4.1, Q-5.4, Q-6.1d, Q-8.1).
 *   KeySigner            a key back end (thiết bị lưu khóa bí mật / tệp khoá) and its chain
 *   signPdf              PAdES B-B signature as an incremental update (chữ ký số)
 *   preparePdf/completePdf  the same in two phases, for keys that never reach the server
 *   findSignerBox/sealBox, signerAppearance/sealAppearance, copy/appendixStampAppearance
 *                        where and how the visible signatures go (Q-8.2a–c)
 *   verifyPdf            kiểm tra chữ ký số: a verdict per signature and for the file
 *   trust list           chứng thư CA tin cậy, admin-managed (routes under /api/signing)
 *   images/              ảnh chữ ký (per person) and ảnh con dấu (per agency), checked at upload
 *                        and shown by the signing sessions of outgoing documents (Q-8.2a)
 *   devices/             thiết bị lưu khóa bí mật, chứng thư số, quyết định giao và biên bản bàn giao
 *                        (Q-5.1–5.3c); cảnh báo chứng thư sắp hết hạn (scheduled job, expiry.ts)
 */
export type { KeyAlgorithm, KeySigner } from './signer.js';
export { ecdsaToDer, sha256 } from './signer.js';
export { SigningError, type SigningFailure } from './errors.js';
export { loadP12Signer } from './backends/p12.js';
export { openPkcs11Signer, type Pkcs11Config } from './backends/pkcs11.js';
export { PIN_VARIABLE, type TokenAddress } from './backends/pkcs11-tool.js';
export { isBatch, parseRequest, signRequest, type AgentRequest, type BatchRequest, type BatchResponse, type SigningRequest, type SigningResponse } from './agent/request.js';
export { DEFAULT_FONT_PATH, type SignatureAppearance } from './pades/appearance.js';
export { completePdf, embedCms, preparePdf, signPdf, type PreparedPdf, type SignOptions } from './pades/sign.js';
export { fillIssueFields, findIssueFields, ISSUE_FIELD_NAMES, reserveIssueFields, type IssueFields, type IssueValues } from './pades/issue-fields.js';
export { reserveIssueFieldsOffThread } from './pades/prepare-off-thread.js';
export { findSignerBox, fittedRect, locateSignerBox, mmToPoints, sealBox, stampBox, type PlacedBox, type Rect, type SignerBox, type SignerQuery } from './pades/placement.js';
export { signerAppearance, sealAppearance, type ImageAppearance } from './pades/signature-images.js';
export {
  appendixStampAppearance,
  appendixStampLines,
  COPY_FORMS,
  copyStampAppearance,
  copyStampLines,
  type AppendixStamp,
  type CopyForm,
  type CopyStamp,
  type StampFont,
} from './pades/stamps.js';
export { readLastPageText, readPageText, type PageText, type TextLine } from './pades/page-text.js';
export { pdfVerifier, verifyPdf, type CertificationPermissions, type DocumentProblem, type PdfVerification, type SignatureVerification, type VerifyOptions } from './pades/verify.js';
export type { ChangeKind } from './pades/changes.js';
export type { Finding, Indication, SubIndication } from './verdict.js';
export { verifyWithTrustList, type TrustAnchor } from './trust-list.js';
export { currentHolder } from './devices/service.js';
export { completeSigningSession, startSigningSession, type CompletedSession, type PreparedSession, type SigningPurpose, type StampRequest } from './sessions.js';
export type { PageBox, Placement, VisibleRequest } from './images/placing.js';

import type { AppModule } from '../infra/module.js';
import { signingFileHolders } from './file-holders.js';
import { signingMigrations } from './migrations.js';
import { signingRoutes } from './routes.js';
import { certificateExpiryNotices } from './devices/expiry.js';
import type { RevocationChecker } from './revocation/checker.js';
import type { RemoteSigningService } from './remote/remote-signer.js';

declare module '../infra/module.js' {
  interface Services {
    /** Online revocation checks built once from the configuration; absent, only imported CRLs count. */
    revocation?: RevocationChecker;
    /** The remote signing service; absent when not configured. */
    remoteSigning?: RemoteSigningService;
  }
}

export const signingModule: AppModule = { name: 'signing', prefix: 'signing', migrations: signingMigrations, routes: signingRoutes, jobs: [certificateExpiryNotices], fileHolders: signingFileHolders };
