import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { Services } from '../infra/module.js';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { recordAudit } from '../infra/audit/index.js';
import { withTx } from '../infra/http/request-context.js';
import { errors, IdParams } from '../infra/http/schemas.js';
import { verifyWithTrustList } from './trust-list.js';
import type { PdfVerification } from './pades/verify.js';
import type { Db } from '../infra/db/database.js';
import type { SigningTables } from './tables.js';

const tags = ['signing'];
const Verdict = { indication: Type.Union([Type.Literal('VALID'), Type.Literal('INVALID'), Type.Literal('INDETERMINATE')]), subIndication: Type.Optional(Type.String()), message: Type.String() };
const SignatureReport = Type.Object({
  index: Type.Number(),
  ...Verdict,
  warnings: Type.Array(Type.String()),
  signer: Type.Optional(Type.Object({ commonName: Type.Optional(Type.String()), organization: Type.Optional(Type.String()), issuer: Type.String(), serialNumber: Type.String(), notAfter: Type.String() })),
  signingTime: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
  revocation: Type.String({ description: 'good, revoked, unknown, not-checked' }),
  coversWholeFile: Type.Boolean(),
  changesAfter: Type.Array(Type.String({ description: 'signature, form-fill, annotation, page-content, other' })),
  certification: Type.Optional(Type.Number({ description: 'DocMDP: 1 không cho sửa, 2 điền biểu mẫu và ký, 3 thêm chú thích' })),
  proofOfExistence: Type.Optional(
    Type.Object(
      { time: Type.String(), source: Type.String({ description: 'signature-timestamp, document-timestamp, earlier-check' }), by: Type.Optional(Type.String()) },
      { description: 'Bằng chứng sớm nhất cho thấy chữ ký đã tồn tại (thời điểm ký do người ký tự ghi không phải bằng chứng)' },
    ),
  ),
  documentTimestamp: Type.Optional(Type.Boolean({ description: 'Mục này là dấu thời gian tài liệu (ETSI.RFC3161), không phải chữ ký của một người' })),
});
const Report = Type.Object({
  ...Verdict,
  checkedAt: Type.String(),
  fileSha256: Type.String(),
  kept: Type.Boolean({ description: 'Lần kiểm tra đã được lưu cùng tệp (POST) hay chỉ xem (GET)' }),
  signatures: Type.Array(SignatureReport),
});
type Report = Static<typeof Report>;
const PastCheck = Type.Object({ checkedAt: Type.String(), checkedBy: Type.Union([Type.String(), Type.Null()]), ...Verdict });

const verificationDb = (db: Db) => db.withTables<SigningTables>();

function toReport(result: PdfVerification, at: Date, fileSha256: string, kept: boolean): Report {
  return {
    indication: result.indication,
    subIndication: result.subIndication,
    message: result.message,
    checkedAt: at.toISOString(),
    fileSha256,
    kept,
    signatures: result.signatures.map((s) => ({
      index: s.index,
      indication: s.indication,
      subIndication: s.subIndication,
      message: s.message,
      warnings: s.warnings,
      signer: s.signer && { commonName: s.signer.commonName, organization: s.signer.organization, issuer: s.signer.issuerCommonName ?? s.signer.issuer, serialNumber: s.signer.serialNumber, notAfter: s.signer.notAfter.toISOString() },
      signingTime: s.signingTime?.toISOString(),
      reason: s.reason,
      revocation: s.revocation,
      coversWholeFile: s.coversWholeFile,
      changesAfter: s.changesAfter,
      certification: s.certification?.permissions,
      proofOfExistence: s.proofOfExistence && { time: s.proofOfExistence.time.toISOString(), source: s.proofOfExistence.source, by: s.proofOfExistence.by },
      documentTimestamp: s.documentTimestamp ? true : undefined,
    })),
  };
}

/**
 * Q-4.1: anyone who may read a file may have its signatures checked now, against today's trust
 * list. Checked outside any transaction: asking OCSP responders may take seconds, and PGlite has
 * one connection. VănThư's own earlier VALID checks of the same bytes count as proofs of
 * existence (issue 11 item 2): a certificate that has expired since does not undo them.
 */
async function checkStoredFile(request: FastifyRequest, fileId: string, revocation: Services['revocation'], keep: boolean) {
  const { ctx } = request;
  const file = await ctx.files.get(ctx, fileId);
  const now = ctx.clock.now();
  const earlier = await earliestValidCheck(ctx.db, file.agencyId, file.sha256, now);
  const result = await verifyWithTrustList(ctx.db, await ctx.files.readAll(file), { revocation, now, earlierValidChecks: earlier ? [earlier] : [] });
  return { file, result, report: toReport(result, now, file.sha256, keep) };
}

/** GET: the report, computed and returned, nothing written (issue 11 item 14: reading has no side effects). */
async function viewVerification(request: FastifyRequest, fileId: string, revocation: Services['revocation']): Promise<Report> {
  return (await checkStoredFile(request, fileId, revocation, false)).report;
}

/** POST: the same check, kept with the file and audited; a kept VALID check is later a proof of existence. */
async function keepVerification(request: FastifyRequest, fileId: string, revocation: Services['revocation']): Promise<Report> {
  const { file, result, report } = await checkStoredFile(request, fileId, revocation, true);
  await withTx(request, async (trx) => {
    await verificationDb(trx.db)
      .insertInto('signing_verification')
      .values({ file_id: file.id, agency_id: file.agencyId, checked_at: new Date(report.checkedAt), checked_by: trx.actor?.userId ?? null, indication: report.indication, report: JSON.stringify(report) })
      .execute();
    await recordAudit(trx, { action: 'signing.verify', objectType: 'file', objectId: file.id, details: { indication: result.indication, signatures: result.signatures.length } });
  });
  return report;
}

/**
 * When the agency's VănThư first found these exact bytes (same SHA-256, whatever file row holds
 * them) VALID, no later than `now`. Only the agency's own checks: another agency's would tell
 * when it had the document.
 */
async function earliestValidCheck(db: Db, agencyId: string, sha256: string, now: Date): Promise<Date | undefined> {
  const row = await verificationDb(db)
    .selectFrom('signing_verification')
    .select('checked_at')
    .where('agency_id', '=', agencyId)
    .where('indication', '=', 'VALID')
    .where(sql<string>`report->>'fileSha256'`, '=', sha256)
    .where('checked_at', '<=', now)
    .orderBy('checked_at')
    .limit(1)
    .executeTakeFirst();
  return row?.checked_at;
}

/** The checks kept with a file, newest first: a verdict that changed (a certificate revoked since) shows here. */
async function pastChecks(request: FastifyRequest, fileId: string) {
  const { ctx } = request;
  const file = await ctx.files.get(ctx, fileId);
  const rows = await verificationDb(ctx.db)
    .selectFrom('signing_verification')
    .select(['checked_at', 'checked_by', 'report'])
    .where('file_id', '=', file.id)
    .orderBy('checked_at', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => {
    const report = r.report as Report;
    return { checkedAt: r.checked_at.toISOString(), checkedBy: r.checked_by, indication: report.indication, subIndication: report.subIndication, message: report.message };
  });
}

export const verifyRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/files/:id/verification',
    {
      schema: {
        tags,
        summary: 'Xem kết quả kiểm tra chữ ký số của một tệp PDF theo danh sách tin cậy hiện hành, không lưu lại (Q-4.1)',
        params: IdParams,
        response: { 200: Report, ...errors(401, 404) },
      },
    },
    async (request) => viewVerification(request, request.params.id, services.revocation),
  );
  app.post(
    '/files/:id/verifications',
    {
      schema: {
        tags,
        summary: 'Kiểm tra chữ ký số của một tệp PDF và lưu kết quả cùng tệp (ghi nhật ký) (Q-4.1)',
        params: IdParams,
        response: { 201: Report, ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(await keepVerification(request, request.params.id, services.revocation)),
  );
  app.get(
    '/files/:id/verifications',
    { schema: { tags, summary: 'Các lần kiểm tra chữ ký số đã lưu cùng tệp, mới nhất trước (Q-4.1)', params: IdParams, response: { 200: Type.Array(PastCheck), ...errors(401, 404) } } },
    async (request) => pastChecks(request, request.params.id),
  );
};
