import { createHash, X509Certificate } from 'node:crypto';
import type { Selectable } from 'kysely';
import * as pkijs from 'pkijs';
import type { Ctx } from '../infra/context.js';
import { requireActor, requireAdmin } from '../infra/context.js';
import { isUniqueViolation, type Db } from '../infra/db/database.js';
import { recordAudit } from '../infra/audit/audit.js';
import { AppError, conflict, notFound } from '../shared/errors.js';
import { nfc } from '../shared/text.js';
import type { SigningTables } from './tables.js';
import type { RevocationChecker } from './revocation/checker.js';
import { pdfVerifier, type PdfVerification } from './pades/verify.js';

const trustDb = (db: Db) => db.withTables<SigningTables>();

export interface TrustAnchor {
  id: string;
  name: string;
  subject: string;
  fingerprint: string;
  notAfter: string;
  addedAt: string;
  disabled: boolean;
}

/** Adds a CA certificate (PEM or base64 DER) to the trust list; only CA certificates anchor signatures. */
export async function addTrustAnchor(ctx: Ctx, input: { name: string; certificate: string }): Promise<TrustAnchor> {
  const actor = requireAdmin(ctx);
  let cert: X509Certificate;
  try {
    const text = input.certificate.trim();
    cert = new X509Certificate(text.startsWith('-----BEGIN') ? text : Buffer.from(text, 'base64'));
  } catch {
    throw new AppError('VALIDATION_FAILED', 'Không đọc được chứng thư số (cần PEM hoặc DER mã hóa base64).', [{ field: 'certificate' }]);
  }
  if (!cert.ca) throw new AppError('VALIDATION_FAILED', 'Chỉ thêm chứng thư của tổ chức cung cấp dịch vụ chứng thực (CA) vào danh sách tin cậy.', [{ field: 'certificate' }]);
  const der = cert.raw;
  const row = await trustDb(ctx.db)
    .insertInto('signing_trust_anchor')
    .values({ name: nfc(input.name), subject: cert.subject, fingerprint: createHash('sha256').update(der).digest('hex'), certificate: der, not_after: new Date(cert.validTo), added_by: actor.userId, added_at: ctx.clock.now(), disabled_at: null })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((err) => {
      throw isUniqueViolation(err) ? conflict('Chứng thư này đã có trong danh sách tin cậy.') : err;
    });
  await recordAudit(ctx, { action: 'signing.trust_anchor_add', objectType: 'trust_anchor', objectId: row.id, agencyId: null, details: { subject: row.subject, fingerprint: row.fingerprint } });
  return present(row);
}

export async function disableTrustAnchor(ctx: Ctx, id: string): Promise<void> {
  requireAdmin(ctx);
  const res = await trustDb(ctx.db).updateTable('signing_trust_anchor').set({ disabled_at: ctx.clock.now() }).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound('Chứng thư tin cậy');
  await recordAudit(ctx, { action: 'signing.trust_anchor_disable', objectType: 'trust_anchor', objectId: id, agencyId: null });
}

export async function listTrustAnchors(ctx: Ctx): Promise<TrustAnchor[]> {
  requireActor(ctx);
  const rows = await trustDb(ctx.db).selectFrom('signing_trust_anchor').selectAll().orderBy('added_at').execute();
  return rows.map(present);
}

function present(r: Selectable<SigningTables['signing_trust_anchor']>): TrustAnchor {
  return { id: r.id, name: r.name, subject: r.subject, fingerprint: r.fingerprint, notAfter: r.not_after.toISOString(), addedAt: r.added_at.toISOString(), disabled: r.disabled_at !== null };
}

/** Imports a CRL (PEM or base64 DER) so that revocation can be checked offline. */
export async function importCrl(ctx: Ctx, text: string): Promise<{ id: string; issuer: string; thisUpdate: string; nextUpdate: string | null }> {
  const actor = requireAdmin(ctx);
  const trimmed = text.trim();
  const der = Buffer.from(trimmed.replace(/-----(BEGIN|END) X509 CRL-----/g, '').replace(/\s+/g, ''), 'base64');
  let crl: pkijs.CertificateRevocationList;
  try {
    crl = pkijs.CertificateRevocationList.fromBER(new Uint8Array(der));
  } catch {
    throw new AppError('VALIDATION_FAILED', 'Không đọc được danh sách chứng thư bị thu hồi (CRL).', [{ field: 'crl' }]);
  }
  const issuer = crl.issuer.typesAndValues.map((tv) => `${tv.type}=${tv.value.valueBlock.value}`).join(', ');
  const row = await trustDb(ctx.db)
    .insertInto('signing_crl')
    .values({ issuer, crl: der, this_update: crl.thisUpdate.value, next_update: crl.nextUpdate?.value ?? null, added_by: actor.userId, added_at: ctx.clock.now() })
    .returning(['id', 'issuer', 'this_update', 'next_update'])
    .executeTakeFirstOrThrow()
    .catch((err) => {
      throw isUniqueViolation(err) ? conflict('CRL này đã được nhập.') : err;
    });
  await recordAudit(ctx, { action: 'signing.crl_import', objectType: 'crl', objectId: row.id, agencyId: null, details: { issuer, thisUpdate: row.this_update.toISOString() } });
  return { id: row.id, issuer, thisUpdate: row.this_update.toISOString(), nextUpdate: row.next_update?.toISOString() ?? null };
}

/**
 * The server's checker, built by the composition root (main.ts) from Config.revocation. Routes of
 * this module pass Services.revocation; callers in other modules pass only the database, so main.ts
 * also installs it here once. Unset (tests, CLI), verification uses imported CRLs only, offline.
 */
let installed: RevocationChecker | undefined;

export function useRevocationChecker(checker: RevocationChecker | undefined): void {
  installed = checker;
}

/**
 * Verifies a PDF against the current trust list, imported CRLs and, when online, the OCSP
 * responders and CRL addresses the certificates name (Q-4.1, Q-6.1d). Never throws on a bad PDF.
 * Downloaded CRLs stay in memory, not in signing_crl: that table holds what an administrator
 * imported and answered for (audited, added_by), and callers verify inside their transaction.
 */
export async function verifyWithTrustList(db: Db, pdf: Buffer, options: TrustListVerifyOptions = {}): Promise<PdfVerification> {
  const { revocation = installed, now = new Date(), earlierValidChecks } = options;
  const q = trustDb(db);
  const anchors = await q.selectFrom('signing_trust_anchor').select('certificate').where('disabled_at', 'is', null).execute();
  // Only lists still current matter; the verifier also checks each one's dates and signature.
  const crls = await q.selectFrom('signing_crl').select('crl').where((eb) => eb.or([eb('next_update', 'is', null), eb('next_update', '>', now)])).execute();
  return pdfVerifier({ trustAnchors: anchors.map((r) => r.certificate), crls: crls.map((r) => r.crl), revocation, now, earlierValidChecks })(pdf);
}

export interface TrustListVerifyOptions {
  revocation?: RevocationChecker;
  /** Validation time (the request's clock); now when left out. */
  now?: Date;
  /** Proofs of existence from VănThư's earlier VALID checks of the same bytes (verify-routes.ts). */
  earlierValidChecks?: Date[];
}
