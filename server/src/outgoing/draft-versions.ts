import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { recordAudit } from '../infra/audit/audit.js';
import { nfc } from '../shared/text.js';
import { notify } from '../notifications/index.js';
import { saveAppendices } from './appendices.js';
import { enqueueConversion } from './conversion.js';
import { backToDraft, loadForChange, requireDrafter, requireEditor } from './draft-access.js';
import { versionFile } from './draft-input.js';
import { addEvent, outgoingDb } from './repository.js';
import type { NewVersion } from './schemas.js';

/** A draft keeps every version with who and when, and the comments made on each. */

export async function addVersion(ctx: Ctx, id: string, input: NewVersion): Promise<{ version: number; conversion: string }> {
  const actor = requireDrafter(ctx);
  const row = await loadForChange(ctx, id);
  requireEditor(actor, row);
  const file = await versionFile(ctx, input.fileId);
  const now = ctx.clock.now();
  const version = row.current_version + 1;
  const q = outgoingDb(ctx.db);
  await q.insertInto('outgoing_version').values({ document_id: id, version, ...file, conversion_error: null, note: input.note ? nfc(input.note) : null, created_by: actor.userId, created_at: now }).execute();
  const appendices = await saveAppendices(ctx, id, version, input.appendices, row.current_version);
  await enqueueConversion(ctx.db, id, version);
  await q.updateTable('outgoing_document').set({ current_version: version, ...backToDraft(row), updated_at: now }).where('id', '=', id).execute();
  await addEvent(ctx.db, id, actor.userId, now, 'version', { version, note: input.note ?? null, appendices });
  await recordAudit(ctx, { action: 'outgoing.version', objectType: 'outgoing_document', objectId: id, details: { version, fileId: input.fileId, appendixFileIds: input.appendices?.map((a) => a.fileId) ?? 'carried over' } });
  return { version, conversion: file.conversion };
}

export async function addComment(ctx: Ctx, id: string, body: string): Promise<void> {
  const actor = requireActor(ctx);
  const row = await loadForChange(ctx, id);
  const now = ctx.clock.now();
  await outgoingDb(ctx.db).insertInto('outgoing_comment').values({ document_id: id, version: row.current_version, author_id: actor.userId, body: nfc(body), created_at: now }).execute();
  if (actor.userId !== row.drafter_id) await notify(ctx.db, now, { userIds: [row.drafter_id], agencyId: row.agency_id, kind: 'outgoing.comment', title: `Ý kiến về dự thảo: ${row.summary}`, link: `/outgoing/${id}` });
  await recordAudit(ctx, { action: 'outgoing.comment', objectType: 'outgoing_document', objectId: id });
}
