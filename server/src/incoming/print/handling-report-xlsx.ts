/**
 * Where the handling report's spreadsheet puts things (built by infra/print/report-book.ts): one
 * sheet per table, each with the title block, so either prints alone.
 */
import { reportHeaderRow } from '../../infra/print/report-book.js';

export { REPORT_SHEETS } from './handling-report-rows.js';
/** Rows above it carry the title block; sheets put their header row here (at most three lines above). */
export const REPORT_HEADER_ROW = reportHeaderRow(3);
