import type { Ctx } from '../infra/context.js';
import { recordAudit } from '../infra/audit/audit.js';
import type { StoredFile } from '../infra/storage/file-store.js';
import { conflict } from '../shared/errors.js';
import { loadForChange } from './draft-access.js';
import { OBJECT_TYPE, requireClerk } from './issue-common.js';
import { addEvent } from './repository.js';

/**
 * In bản gốc giấy (Q-12.2a last paragraph, Q-7.2): the clerk prints the paper original from the
 * issued electronic document — numbered, signed by the signer and by the agency — and seals it by
 * hand. The same bytes as the file download, but each print is on the document's timeline and in
 * the audit log, so paper originals in circulation can be accounted for.
 * A paper-path document already has its paper original; its electronic version is a copy.
 */
export async function printOriginal(ctx: Ctx, id: string): Promise<StoredFile> {
  const actor = requireClerk(ctx);
  const row = await loadForChange(ctx, id);
  if (row.state !== 'issued') throw conflict(row.state === 'recalled' ? 'Văn bản đã bị thu hồi; không in bản gốc.' : 'Văn bản chưa phát hành; chỉ in bản gốc từ văn bản đã ký số và cấp số.');
  if (row.issue_path === 'paper') throw conflict('Văn bản phát hành bằng bản giấy đã có bản gốc giấy; bản điện tử là bản số hóa, không in làm bản gốc.');
  const file = await ctx.files.get(ctx, row.issued_file_id!);
  const now = ctx.clock.now();
  await addEvent(ctx.db, id, actor.userId, now, 'original_printed', { fileId: file.id });
  await recordAudit(ctx, { action: 'outgoing.original_printed', objectType: OBJECT_TYPE, objectId: id, details: { fileId: file.id, number: row.number, notation: row.notation, paperReason: row.paper_reason } });
  return file;
}
