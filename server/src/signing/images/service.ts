/**
 * Ảnh chữ ký and ảnh con dấu (Q-8.2a): a person's handwritten signature, uploaded by that person
 * or by the system admin for them, and the agency's seal with its real diameter, uploaded by the
 * system admin. Both are checked (check.ts) before anything is stored; uploading again replaces.
 * The seal belongs to the agency, not to a key device: devices are replaced or handed over, the
 * seal (one per agency) stays the same.
 */
import { Readable } from 'node:stream';
import type { Ctx } from '../../infra/context.js';
import { requireActor } from '../../infra/context.js';
import { canAdminister, canReadAgency } from '../../infra/auth/actor.js';
import { assertTransaction, type Db } from '../../infra/db/database.js';
import { recordAudit } from '../../infra/audit/audit.js';
import type { StoredFile } from '../../infra/storage/index.js';
import { AppError, forbidden, notFound } from '../../shared/errors.js';
import { findAgency } from '../../agencies/index.js';
import { findUserBrief } from '../../users/index.js';
import type { SigningTables } from '../tables.js';
import { checkImage, type CheckedImage } from './check.js';

const imagesDb = (db: Db) => db.withTables<SigningTables>();

/** A seal is a few centimetres across; outside this range the number was surely mistyped. */
export const SEAL_DIAMETER_MM = { min: 20, max: 60 } as const;

export interface ImageInfo {
  fileId: string;
  width: number;
  height: number;
  uploadedAt: string;
  /** Seals only: the real diameter it is printed at. */
  diameterMm?: number;
}

const info = (row: { file_id: string; width: number; height: number; uploaded_at: Date; diameter_mm?: number }): ImageInfo => ({
  fileId: row.file_id,
  width: row.width,
  height: row.height,
  uploadedAt: row.uploaded_at.toISOString(),
  ...(row.diameter_mm === undefined ? {} : { diameterMm: row.diameter_mm }),
});

/** The person themselves or the system admin; another agency's person answers as missing. */
async function signatureOwner(ctx: Ctx, userId: string) {
  const actor = requireActor(ctx);
  const user = await findUserBrief(ctx.db, userId);
  if (!user || !canReadAgency(actor, user.agencyId)) throw notFound('Người dùng');
  if (user.id !== actor.userId && !canAdminister(actor)) throw forbidden('Chỉ chính người ký hoặc quản trị hệ thống quản lý ảnh chữ ký.');
  return { actor, user };
}

async function sealAgency(ctx: Ctx, agencyId: string, change: boolean) {
  const actor = requireActor(ctx);
  const agency = await findAgency(ctx.db, agencyId);
  if (!agency || !canReadAgency(actor, agency.id)) throw notFound('Cơ quan');
  if (change && !canAdminister(actor)) throw forbidden('Chỉ quản trị hệ thống tải lên hoặc xoá ảnh con dấu của cơ quan.');
  return { actor, agency };
}

/** Stores the checked PNG as the owner agency's file (the admin may belong to another agency). */
async function storeImage(ctx: Ctx, agencyId: string, png: Buffer, name: string): Promise<StoredFile> {
  const stored = await ctx.files.store(ctx, { source: Readable.from([png]), originalName: name });
  return stored.agencyId === agencyId ? stored : ctx.files.shareWith(ctx, stored, agencyId);
}

/** `checked`: checkImage's verdict on these bytes when the caller made it already (off the event loop, before its transaction). */
export async function setSignatureImage(ctx: Ctx, userId: string, png: Buffer, checked = checkImage(png, 'signature')): Promise<ImageInfo> {
  assertTransaction(ctx.db);
  const { actor, user } = await signatureOwner(ctx, userId);
  const file = await storeImage(ctx, user.agencyId, png, 'anh-chu-ky.png');
  const row = { user_id: user.id, agency_id: user.agencyId, file_id: file.id, width: checked.width, height: checked.height, uploaded_by: actor.userId, uploaded_at: ctx.clock.now() };
  const { user_id: _key, ...update } = row;
  await imagesDb(ctx.db).insertInto('signing_signature_image').values(row).onConflict((oc) => oc.column('user_id').doUpdateSet(update)).execute();
  await recordAudit(ctx, { action: 'signing.signature_image_set', objectType: 'user', objectId: user.id, agencyId: user.agencyId, details: { fileId: file.id, sha256: file.sha256, width: checked.width, height: checked.height } });
  return info(row);
}

export async function setSealImage(ctx: Ctx, agencyId: string, png: Buffer, diameterMm: number, checked?: CheckedImage): Promise<ImageInfo> {
  assertTransaction(ctx.db);
  const { actor, agency } = await sealAgency(ctx, agencyId, true);
  if (!(diameterMm >= SEAL_DIAMETER_MM.min && diameterMm <= SEAL_DIAMETER_MM.max)) {
    throw new AppError('VALIDATION_FAILED', `Đường kính con dấu phải từ ${SEAL_DIAMETER_MM.min} đến ${SEAL_DIAMETER_MM.max} mm.`, [{ field: 'diameterMm' }]);
  }
  checked ??= checkImage(png, 'seal');
  const file = await storeImage(ctx, agency.id, png, 'anh-con-dau.png');
  const row = { agency_id: agency.id, file_id: file.id, diameter_mm: diameterMm, width: checked.width, height: checked.height, uploaded_by: actor.userId, uploaded_at: ctx.clock.now() };
  const { agency_id: _key, ...update } = row;
  await imagesDb(ctx.db).insertInto('signing_seal_image').values(row).onConflict((oc) => oc.column('agency_id').doUpdateSet(update)).execute();
  await recordAudit(ctx, { action: 'signing.seal_image_set', objectType: 'agency', objectId: agency.id, agencyId: agency.id, details: { fileId: file.id, sha256: file.sha256, diameterMm, width: checked.width, height: checked.height } });
  return info(row);
}

/** Removes the image: later signatures of that person (or agency) are invisible until a new one is uploaded. */
export async function deleteSignatureImage(ctx: Ctx, userId: string): Promise<void> {
  assertTransaction(ctx.db);
  const { user } = await signatureOwner(ctx, userId);
  const gone = await imagesDb(ctx.db).deleteFrom('signing_signature_image').where('user_id', '=', user.id).returning('file_id').executeTakeFirst();
  if (!gone) throw notFound('Ảnh chữ ký');
  await recordAudit(ctx, { action: 'signing.signature_image_delete', objectType: 'user', objectId: user.id, agencyId: user.agencyId, details: { fileId: gone.file_id } });
}

export async function deleteSealImage(ctx: Ctx, agencyId: string): Promise<void> {
  assertTransaction(ctx.db);
  const { agency } = await sealAgency(ctx, agencyId, true);
  const gone = await imagesDb(ctx.db).deleteFrom('signing_seal_image').where('agency_id', '=', agency.id).returning('file_id').executeTakeFirst();
  if (!gone) throw notFound('Ảnh con dấu');
  await recordAudit(ctx, { action: 'signing.seal_image_delete', objectType: 'agency', objectId: agency.id, agencyId: agency.id, details: { fileId: gone.file_id } });
}

/** The stored PNG, for the person (or admin) and, for a seal, anyone of the agency; the read is audited. */
export async function openSignatureImage(ctx: Ctx, userId: string): Promise<StoredFile> {
  assertTransaction(ctx.db);
  await signatureOwner(ctx, userId);
  const row = await imagesDb(ctx.db).selectFrom('signing_signature_image').select('file_id').where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('Ảnh chữ ký');
  return auditedFile(ctx, row.file_id);
}

export async function openSealImage(ctx: Ctx, agencyId: string): Promise<StoredFile> {
  assertTransaction(ctx.db);
  await sealAgency(ctx, agencyId, false);
  const row = await imagesDb(ctx.db).selectFrom('signing_seal_image').select('file_id').where('agency_id', '=', agencyId).executeTakeFirst();
  if (!row) throw notFound('Ảnh con dấu');
  return auditedFile(ctx, row.file_id);
}

async function auditedFile(ctx: Ctx, fileId: string): Promise<StoredFile> {
  const file = await ctx.files.get(ctx, fileId);
  await recordAudit(ctx, { action: 'file.read', objectType: 'file', objectId: file.id, agencyId: file.agencyId });
  return file;
}

/** What the signing dialog shows: whether the actor's signature and the agency's seal will appear. */
export async function myImages(ctx: Ctx): Promise<{ signature: ImageInfo | null; seal: ImageInfo | null }> {
  const actor = requireActor(ctx);
  const q = imagesDb(ctx.db);
  const signature = await q.selectFrom('signing_signature_image').selectAll().where('user_id', '=', actor.userId).executeTakeFirst();
  const seal = await q.selectFrom('signing_seal_image').selectAll().where('agency_id', '=', actor.agencyId).executeTakeFirst();
  return { signature: signature ? info(signature) : null, seal: seal ? info(seal) : null };
}

/** For signing: the actor's own signature image, or null. */
export async function signatureImageBytes(ctx: Ctx, userId: string): Promise<Buffer | null> {
  const row = await imagesDb(ctx.db).selectFrom('signing_signature_image').select('file_id').where('user_id', '=', userId).executeTakeFirst();
  return row ? ctx.files.readAll(await ctx.files.get(ctx, row.file_id)) : null;
}

/** For signing: the agency's seal image and its diameter, or null. */
export async function sealImageOf(ctx: Ctx, agencyId: string): Promise<{ image: Buffer; diameterMm: number } | null> {
  const row = await imagesDb(ctx.db).selectFrom('signing_seal_image').select(['file_id', 'diameter_mm']).where('agency_id', '=', agencyId).executeTakeFirst();
  return row ? { image: await ctx.files.readAll(await ctx.files.get(ctx, row.file_id)), diameterMm: row.diameter_mm } : null;
}
