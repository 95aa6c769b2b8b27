import type { Ctx } from '../infra/context.js';
import { requireActor } from '../infra/context.js';
import { hasRole } from '../infra/auth/actor.js';
import type { Db } from '../infra/db/database.js';
import { recordAudit } from '../infra/audit/audit.js';
import type { Subscription } from '../infra/events.js';
import type { StoredFile } from '../infra/storage/file-store.js';
import { conflict, forbidden } from '../shared/errors.js';
import { nfc } from '../shared/text.js';
import { findAgency } from '../agencies/index.js';
import { findUserBrief, listAgencyClerks, listAgencyUsersWithRole, listUnitHeads } from '../users/index.js';
import { notify } from '../notifications/index.js';
import { deliverToInbox, recallDelivery } from '../incoming/index.js';
import { documentType } from './document-types.js';
import { formatNumber } from '../shared/legal-format.js';
import { loadForChange } from './draft-access.js';
import { addEvent, numberAndNotation, outgoingDb, type DocumentRow } from './repository.js';
import type { RecipientStatus } from './tables.js';

/**
 * Delivery, tracking and recall (Q-12.3a, Q-12.3c, Q-6.2c): agencies of this deployment receive
 * an issued document at once in their inbox, files and signatures included; external recipients
 * wait for the exchange. Their clerks' actions come back as delivery.status events.
 */

/** Where each status sits in a recipient's life: a late or repeated report never moves it back. */
const RANK: Record<RecipientStatus, number> = { waiting_exchange: 0, sent: 1, delivered: 2, returned: 3, received: 3, processing: 4, finished: 5, recalled: 6, recall_confirmed: 7 };

/** The issued file goes with its sealed appendices (Q-8.2c), in their order. Answers each recipient agency's inbox item. */
export async function deliver(ctx: Ctx, row: DocumentRow, issued: StoredFile, appendices: StoredFile[] = []): Promise<Map<string, string>> {
  const actor = requireActor(ctx);
  const q = outgoingDb(ctx.db);
  const agency = (await findAgency(ctx.db, row.agency_id))!;
  const signer = await findUserBrief(ctx.db, row.signer_id);
  const envelope = {
    issuerName: agency.name,
    issuerCode: agency.code,
    typeName: documentType(row.type_code)?.name ?? row.type_code,
    codeNumber: formatNumber(row.number!),
    codeNotation: row.notation!,
    issuedDate: row.issued_date!,
    subject: row.summary,
    signerPosition: [row.signer_authority, row.signer_position].filter(Boolean).join(' '),
    signerName: signer?.fullName ?? null,
    urgency: row.urgency,
    toPlaces: row.to_places,
    dueDate: row.reply_deadline,
    pageAmount: null,
  };
  const now = ctx.clock.now();
  const recipients = await q.selectFrom('outgoing_recipient').selectAll().where('document_id', '=', row.id).where('agency_id', 'is not', null).execute();
  const inboxes = new Map<string, string>();
  for (const r of recipients) {
    inboxes.set(r.agency_id!, await deliverToInbox(ctx, { toAgencyId: r.agency_id!, channel: 'internal', originRef: r.id, senderAgencyId: row.agency_id, envelope, mainFile: issued, attachments: appendices }));
    await q.updateTable('outgoing_recipient').set({ status: 'delivered', updated_at: now }).where('id', '=', r.id).execute();
  }
  await addEvent(ctx.db, row.id, actor.userId, now, 'delivered', { internal: recipients.length, appendices: appendices.length });
  return inboxes;
}

/** On issue the document goes to the agency head, the drafting unit's head, the drafter and the signer (Q-12.3a). */
export async function announceIssue(ctx: Ctx, row: DocumentRow, at: Date): Promise<void> {
  const unitHeads = await listUnitHeads(ctx.db, row.drafting_unit_id);
  const agencyHeads = await listAgencyUsersWithRole(ctx.db, row.agency_id, 'agency_head');
  await notify(ctx.db, at, {
    userIds: [...agencyHeads, ...unitHeads].map((u) => u.id).concat(row.drafter_id, row.signer_id),
    agencyId: row.agency_id,
    kind: 'outgoing.issued',
    title: `Đã phát hành văn bản ${numberAndNotation(row)}: ${row.summary}`,
    link: `/outgoing/${row.id}`,
  });
}

/** Applies a recipient's report to its row, and tells the clerks of the issuing agency about returns. */
export const deliveryStatusSubscription: Subscription<'delivery.status'> = {
  type: 'delivery.status',
  async handle(db: Db, event) {
    if (event.channel !== 'internal') return;
    const q = outgoingDb(db);
    const r = await q.selectFrom('outgoing_recipient').selectAll().where('id', '=', event.originRef).forUpdate().executeTakeFirst();
    if (!r || RANK[event.status] < RANK[r.status]) return;
    await q
      .updateTable('outgoing_recipient')
      .set({ status: event.status, updated_at: event.at, ...(event.arrivalNumber !== undefined && { arrival_number: event.arrivalNumber }), ...(event.reason !== undefined && { reason: event.reason }) })
      .where('id', '=', r.id)
      .execute();
    await addEvent(db, r.document_id, null, event.at, `recipient.${event.status}`, { recipient: r.name, arrivalNumber: event.arrivalNumber ?? null, reason: event.reason ?? null });
    if (event.status === 'returned') {
      const doc = await q.selectFrom('outgoing_document').select(['agency_id', 'drafter_id', 'summary']).where('id', '=', r.document_id).executeTakeFirstOrThrow();
      const clerks = await listAgencyClerks(db, doc.agency_id);
      await notify(db, event.at, { userIds: [...clerks.map((c) => c.id), doc.drafter_id], agencyId: doc.agency_id, kind: 'outgoing.returned_by_recipient', title: `${r.name} trả lại văn bản "${doc.summary}": ${event.reason ?? ''}`, link: `/outgoing/${r.document_id}`, urgent: true });
    }
  },
};

/**
 * Thu hồi (Q-12.3c): the clerk or the agency head recalls an issued document with its reason;
 * every recipient's copy is withdrawn or frozen, and they are told at once.
 */
export async function recallDocument(ctx: Ctx, id: string, reason: string): Promise<void> {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'clerk', 'agency_head')) throw forbidden('Chỉ văn thư hoặc người đứng đầu cơ quan thu hồi văn bản.');
  const row = await loadForChange(ctx, id);
  if (row.state !== 'issued') throw conflict(row.state === 'recalled' ? 'Văn bản đã được thu hồi.' : 'Chỉ thu hồi văn bản đã phát hành.');
  const now = ctx.clock.now();
  const q = outgoingDb(ctx.db);
  await q.updateTable('outgoing_document').set({ state: 'recalled', recalled_at: now, recall_reason: nfc(reason), updated_at: now }).where('id', '=', id).execute();
  const recipients = await q.selectFrom('outgoing_recipient').selectAll().where('document_id', '=', id).execute();
  for (const r of recipients) {
    if (r.agency_id && r.status !== 'returned') await recallDelivery(ctx, { channel: 'internal', originRef: r.id, reason: nfc(reason) });
  }
  await q.updateTable('outgoing_recipient').set({ status: 'recalled', updated_at: now }).where('document_id', '=', id).where('status', '<>', 'returned').execute();
  await addEvent(ctx.db, id, actor.userId, now, 'recalled', { reason: nfc(reason) });
  // The document it corrected (Q-12.3d) shows that its replacement or amendment no longer stands.
  if (row.corrects_id) await addEvent(ctx.db, row.corrects_id, actor.userId, now, 'correction_recalled', { byId: id, numberAndNotation: numberAndNotation(row), kind: row.correction_kind, reason: nfc(reason) });
  await recordAudit(ctx, { action: 'outgoing.recall', objectType: 'outgoing_document', objectId: id, details: { reason: nfc(reason) } });
}
