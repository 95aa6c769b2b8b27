import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { Services } from '../infra/module.js';
import type { FastifyRequest } from 'fastify';
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
});
const Report = Type.Object({ ...Verdict, checkedAt: Type.String(), signatures: Type.Array(SignatureReport) });
type Report = Static<typeof Report>;
const PastCheck = Type.Object({ checkedAt: Type.String(), checkedBy: Type.Union([Type.String(), Type.Null()]), ...Verdict });

const verificationDb = (db: Db) => db.withTables<SigningTables>();

function toReport(result: PdfVerification, at: Date): Report {
  return {
    indication: result.indication,
    subIndication: result.subIndication,
    message: result.message,
    checkedAt: at.toISOString(),
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
    })),
  };
}

/**
 * anyone who may read a file may have its signatures checked now, against today's trust
 * list; the report is kept with the file. Checked outside any transaction: asking OCSP responders
 * may take seconds, and PGlite has one connection; only the report and the audit entry are written in one.
 */
async function verifyStoredFile(request: FastifyRequest, fileId: string, revocation: Services['revocation']): Promise<Report> {
  const { ctx } = request;
  const file = await ctx.files.get(ctx, fileId);
  const result = await verifyWithTrustList(ctx.db, await ctx.files.readAll(file), revocation);
  const report = toReport(result, ctx.clock.now());
  await withTx(request, async (trx) => {
    await verificationDb(trx.db)
      .insertInto('signing_verification')
      .values({ file_id: file.id, agency_id: file.agencyId, checked_at: new Date(report.checkedAt), checked_by: ctx.actor?.userId ?? null, indication: report.indication, report: JSON.stringify(report) })
      .execute();
    await recordAudit(trx, { action: 'signing.verify', objectType: 'file', objectId: file.id, details: { indication: result.indication, signatures: result.signatures.length } });
  });
  return report;
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
    { schema: { tags, summary: 'Kiểm tra chữ ký số của một tệp PDF theo danh sách tin cậy hiện hành (Q-4.1)', params: IdParams, response: { 200: Report, ...errors(401, 404) } } },
    async (request) => verifyStoredFile(request, request.params.id, services.revocation),
  );
  app.get(
    '/files/:id/verifications',
    { schema: { tags, summary: 'Các lần kiểm tra chữ ký số đã lưu cùng tệp, mới nhất trước (Q-4.1)', params: IdParams, response: { 200: Type.Array(PastCheck), ...errors(401, 404) } } },
    async (request) => pastChecks(request, request.params.id),
  );
};
