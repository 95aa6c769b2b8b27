/**
 * Test and bench support: sample incoming documents, and the printed register's table read back
 * cell by cell with the column geometry of register-pdf.ts (see infra/print/testing.ts).
 */
import { gridEdges, gridPage, type TablePage, type Word } from '../../infra/print/testing.js';
import type { IncomingDocument } from '../schemas.js';
import { COLUMN_WIDTHS } from './register-pdf.js';

/** A registered paper document; override what the test is about. */
export function sampleDoc(over: Partial<IncomingDocument> = {}): IncomingDocument {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    agencyId: 'a',
    year: 2026,
    arrivalNumber: 1,
    arrivalDate: '2026-03-02',
    arrivedAt: '2026-03-02T02:00:00.000Z',
    registeredAt: '2026-03-02T02:00:00.000Z',
    registeredBy: 'u',
    source: 'paper',
    documentIdentifier: null,
    issuerCode: '000.00.00.H55',
    issuerName: 'Ủy ban nhân dân tỉnh Thái Nguyên',
    typeName: 'Quyết định',
    codeNumber: '125',
    codeNotation: 'QĐ-UBND',
    issuedDate: '2026-02-27',
    subject: 'Về việc phê duyệt kế hoạch cải cách hành chính năm 2026',
    language: 'Tiếng Việt',
    pageAmount: null,
    description: null,
    signerPosition: null,
    signerName: null,
    urgency: 0,
    urgencyLabel: 'Thường',
    urgentDeadline: null,
    toPlaces: 'Phòng Tổ chức, biên chế',
    dueDate: null,
    signatureCheck: 'not_applicable',
    signatureReport: null,
    routingState: null,
    status: 'registered',
    cancelledAt: null,
    cancelReason: null,
    recall: null,
    replyNotation: null,
    files: [],
    ...over,
  };
}

/** The register's ten columns. */
export function columnEdges(pageWidth = 841.89): number[] {
  return gridEdges(COLUMN_WIDTHS, pageWidth);
}

/**
 * The table on each page after the cover: the header band above the "(1) … (10)" row, then one
 * row per entry, an entry starting where its Số đến is printed.
 */
export function tablePages(pages: Word[][]): TablePage[] {
  const edges = columnEdges();
  return pages.slice(1).map((words) => gridPage(words, edges, 1));
}
