/**
 * Read-only queries over the module's own tables for the printed registers and the report:
 * documents that hold a number, their recipients, and the names the forms print.
 */
import type { Db } from '../../infra/db/database.js';
import { agencyHeading, type AgencyHeading } from '../../infra/print/form-pdf.js';
import { invalid } from '../../infra/print/printed-file.js';
import type { PrintRange } from '../../infra/print/register-cover.js';
import { legalDate } from '../../infra/time/legal-time.js';
import { notFound } from '../../shared/errors.js';
import { findAgency, listUnits, type Unit } from '../../agencies/index.js';
import { findUserBrief } from '../../users/index.js';
import { registerState } from '../../registers/index.js';
import { outgoingDb } from '../repository.js';
import type { CorrectionKind, OutgoingState, RecipientStatus } from '../tables.js';

export interface PrintedRecipient {
  name: string;
  /** An agency of this deployment; null for one reached through the exchange (or by post). */
  agencyId: string | null;
  status: RecipientStatus;
}

/** A document named in another's Ghi chú (Q-12.3d): the one it replaces or amends, or one replacing or amending it. */
export interface CorrectionRef {
  kind: CorrectionKind;
  number: number;
  notation: string;
  issuedDate: string;
}

export interface NumberedDocument {
  id: string;
  state: OutgoingState;
  number: number;
  notation: string;
  issuedDate: string;
  /** The legal day the organisation's signature issued it; null while it only holds its number. */
  issuedOn: string | null;
  typeCode: string;
  summary: string;
  signerId: string;
  signerPosition: string;
  draftingUnitId: string;
  paperReason: string | null;
  recallReason: string | null;
  recipients: PrintedRecipient[];
  /** Filled by loadCorrections, for the register only. */
  corrects: CorrectionRef | null;
  /** Issued documents replacing or amending this one, in the order they were issued. */
  correctedBy: CorrectionRef[];
}

export interface DocumentFilter extends PrintRange {
  states: readonly OutgoingState[];
  year?: number;
  /** One series' register of one year (registers/); every series when absent. */
  registerId?: string;
}

/** Documents of the filter in number order; recipients are loaded separately, once the count is known to be printable. */
export async function loadNumbered(db: Db, agencyId: string, filter: DocumentFilter): Promise<NumberedDocument[]> {
  let q = outgoingDb(db).selectFrom('outgoing_document').selectAll().where('agency_id', '=', agencyId).where('state', 'in', [...filter.states]).where('number', 'is not', null);
  if (filter.year !== undefined) q = q.where('year', '=', filter.year);
  if (filter.registerId) q = q.where('register_id', '=', filter.registerId);
  if (filter.fromNumber !== undefined) q = q.where('number', '>=', filter.fromNumber);
  if (filter.toNumber !== undefined) q = q.where('number', '<=', filter.toNumber);
  if (filter.fromDate) q = q.where('issued_date', '>=', filter.fromDate);
  if (filter.toDate) q = q.where('issued_date', '<=', filter.toDate);
  const rows = await q.orderBy('number').orderBy('issued_date').execute();
  return rows.map((r) => ({
    id: r.id,
    state: r.state,
    number: r.number!,
    notation: r.notation!,
    issuedDate: r.issued_date!,
    issuedOn: r.issued_at ? legalDate(r.issued_at) : null,
    typeCode: r.type_code,
    summary: r.summary,
    signerId: r.signer_id,
    signerPosition: r.signer_position,
    draftingUnitId: r.drafting_unit_id,
    paperReason: r.paper_reason,
    recallReason: r.recall_reason,
    recipients: [],
    corrects: null,
    correctedBy: [],
  }));
}

const CHUNK = 1000;

/** Fills in each document's recipients: agencies of the deployment first, then the others, each by name. */
export async function loadRecipients(db: Db, docs: NumberedDocument[]): Promise<void> {
  const byId = new Map(docs.map((d) => [d.id, d]));
  for (let i = 0; i < docs.length; i += CHUNK) {
    const ids = docs.slice(i, i + CHUNK).map((d) => d.id);
    const rows = await outgoingDb(db).selectFrom('outgoing_recipient').select(['document_id', 'name', 'agency_id', 'status']).where('document_id', 'in', ids).execute();
    for (const r of rows) byId.get(r.document_id)!.recipients.push({ name: r.name, agencyId: r.agency_id, status: r.status });
  }
  // Sorted here rather than by the database, whose collation differs between engines.
  for (const d of docs) d.recipients.sort((a, b) => Number(a.agencyId === null) - Number(b.agencyId === null) || a.name.localeCompare(b.name, 'vi'));
}

/**
 * Fills in what each document replaces or amends and what replaces or amends it. Only an issued
 * correction counts against the original: a recalled one no longer corrects it.
 */
export async function loadCorrections(db: Db, agencyId: string, docs: NumberedDocument[]): Promise<void> {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const q = outgoingDb(db);
  for (let i = 0; i < docs.length; i += CHUNK) {
    const ids = docs.slice(i, i + CHUNK).map((d) => d.id);
    const targets = await q
      .selectFrom('outgoing_document as d')
      .innerJoin('outgoing_document as t', 't.id', 'd.corrects_id')
      .select(['d.id', 'd.correction_kind', 't.number', 't.notation', 't.issued_date'])
      .where('d.id', 'in', ids)
      .execute();
    for (const t of targets) byId.get(t.id)!.corrects = { kind: t.correction_kind!, number: t.number!, notation: t.notation!, issuedDate: t.issued_date! };
    const by = await q
      .selectFrom('outgoing_document')
      .select(['corrects_id', 'correction_kind', 'number', 'notation', 'issued_date'])
      .where('corrects_id', 'in', ids)
      .where('agency_id', '=', agencyId)
      .where('state', '=', 'issued')
      .orderBy('issued_at')
      .execute();
    for (const c of by) byId.get(c.corrects_id!)!.correctedBy.push({ kind: c.correction_kind!, number: c.number!, notation: c.notation!, issuedDate: c.issued_date! });
  }
}

/**
 * The register of a series for a year: '' is the agency's default series; another code must be one
 * the agency declared. Undefined while no number of that series was taken in the year.
 */
export async function seriesRegister(db: Db, agencyId: string, year: number, code: string): Promise<{ registerId?: string; name: string | null }> {
  let name: string | null = null;
  if (code) {
    const series = await outgoingDb(db).selectFrom('outgoing_series').select('name').where('agency_id', '=', agencyId).where('code', '=', code).executeTakeFirst();
    if (!series) throw invalid('series', `Cơ quan chưa khai báo sổ "${code}".`);
    name = series.name;
  }
  const register = await registerState(db, agencyId, 'outgoing', year, code);
  return { registerId: register?.id, name };
}

export interface PrintNames {
  heading: AgencyHeading;
  units: readonly Unit[];
  unitNames: ReadonlyMap<string, string>;
  signers: ReadonlyMap<string, { fullName: string; positionTitle: string | null }>;
}

/** The agency's heading, its units (disabled ones too: old documents name them) and the signers of the documents. */
export async function loadPrintNames(db: Db, agencyId: string, docs: readonly NumberedDocument[]): Promise<PrintNames> {
  const agency = await findAgency(db, agencyId);
  if (!agency) throw notFound('Cơ quan');
  const parent = agency.parentId ? await findAgency(db, agency.parentId) : undefined;
  const units = await listUnits(db, agencyId);
  const signers = new Map<string, { fullName: string; positionTitle: string | null }>();
  for (const id of new Set(docs.map((d) => d.signerId))) {
    const user = await findUserBrief(db, id);
    if (user) signers.set(id, { fullName: user.fullName, positionTitle: user.positionTitle });
  }
  return { heading: agencyHeading({ name: agency.name, parentName: parent?.name ?? null }), units, unitNames: new Map(units.map((u) => [u.id, u.name])), signers };
}
