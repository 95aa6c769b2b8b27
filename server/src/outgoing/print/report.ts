/**
 * Báo cáo tình hình giải quyết văn bản đi (NĐ 30 Phụ lục VI, V; Q-14, Q-6.2c): the documents issued
 * in a period counted by type, by drafting unit and by signer, and where each recipient's copy
 * stands. Pure: the service loads, this counts, and the PDF and the spreadsheet show the same numbers.
 */
import { DOCUMENT_TYPES, documentType } from '../document-types.js';
import { RECIPIENT_LABELS } from '../repository.js';
import type { RecipientStatus } from '../tables.js';
import type { NumberedDocument, PrintNames } from './print-data.js';

export interface Counts {
  documents: number;
  paper: number;
  recalled: number;
}

export interface CountLine extends Counts {
  name: string;
  /** The signer's position; empty elsewhere. */
  detail: string;
}

export interface StatusLine {
  label: string;
  count: number;
}

export interface OutgoingTally {
  byType: CountLine[];
  byUnit: CountLine[];
  bySigner: CountLine[];
  total: Counts;
  byStatus: StatusLine[];
  recipients: number;
}

/** Where a recipient's copy stands; a recall the recipient confirmed is still a recall. */
export const STATUS_GROUPS: readonly (readonly RecipientStatus[])[] = [['waiting_exchange'], ['sent'], ['delivered'], ['received'], ['processing'], ['finished'], ['returned'], ['recalled', 'recall_confirmed']];

const zero = (): Counts => ({ documents: 0, paper: 0, recalled: 0 });

function add(c: Counts, doc: NumberedDocument): void {
  c.documents++;
  if (doc.paperReason) c.paper++;
  if (doc.state === 'recalled') c.recalled++;
}

function countBy(docs: readonly NumberedDocument[], key: (d: NumberedDocument) => string): Map<string, Counts> {
  const map = new Map<string, Counts>();
  for (const d of docs) {
    const c = map.get(key(d)) ?? zero();
    add(c, d);
    map.set(key(d), c);
  }
  return map;
}

const byName = (a: CountLine, b: CountLine) => a.name.localeCompare(b.name, 'vi');

/**
 * Types in the order of NĐ 30 Art. 7, those issued only; every unit in use, with or without
 * documents, and any other that drafted some; signers by name.
 */
export function tallyOutgoing(docs: readonly NumberedDocument[], names: PrintNames): OutgoingTally {
  const types = countBy(docs, (d) => d.typeCode);
  const byType = [...types]
    .sort(([a], [b]) => DOCUMENT_TYPES.findIndex((t) => t.code === a) - DOCUMENT_TYPES.findIndex((t) => t.code === b))
    .map(([code, c]) => ({ name: documentType(code)?.name ?? code, detail: '', ...c }));

  const units = countBy(docs, (d) => d.draftingUnitId);
  const listed = names.units.filter((u) => !u.disabled || units.has(u.id)).map((u) => u.id);
  const unitIds = [...new Set([...listed, ...units.keys()])];
  const byUnit = unitIds.map((id) => ({ name: names.unitNames.get(id) ?? '', detail: '', ...(units.get(id) ?? zero()) })).sort(byName);

  const signers = countBy(docs, (d) => d.signerId);
  const bySigner = [...signers].map(([id, c]) => ({ name: names.signers.get(id)?.fullName ?? '', detail: names.signers.get(id)?.positionTitle ?? '', ...c })).sort(byName);

  const total = zero();
  for (const d of docs) add(total, d);
  const all = docs.flatMap((d) => d.recipients);
  const byStatus = STATUS_GROUPS.map((group) => ({ label: RECIPIENT_LABELS[group[0]], count: all.filter((r) => group.includes(r.status)).length }));
  return { byType, byUnit, bySigner, total, byStatus, recipients: all.length };
}
