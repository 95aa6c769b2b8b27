/**
 * Test support for the outgoing prints: fetching a file as a demo user, reading its table back
 * column by column (PDF through poppler, XLSX through exceljs) and the audit entries of a print.
 */
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { call, login } from '../../../test/harness/app.js';
import { gridEdges, gridPage, pageWords, type TablePage } from '../../infra/print/testing.js';
import type { OutgoingHistory } from './scenario.js';

/** GET /api/outgoing/print/<path> as `user`; 200 expected unless told. */
export async function fetchPrint(h: OutgoingHistory, path: string, user = 'vanthu.snv', status = 200): Promise<LightMyRequestResponse> {
  const res = await call(h.fx.t.app, await login(h.fx.t.app, user), 'GET', `/api/outgoing/print/${path}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  return res;
}

/** The table of every page after the cover, split by the book's column widths. */
export async function bookTables(pdf: Buffer, widths: readonly (number | '*')[]): Promise<TablePage[]> {
  return (await pageWords(pdf)).slice(1).map((words) => gridPage(words, gridEdges(widths)));
}

export async function loadSheet(xlsx: Buffer, name: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** `count` rows of `width` cells from `from`, empty cells as ''. */
export function sheetRows(sheet: ExcelJS.Worksheet, from: number, count: number, width: number): unknown[][] {
  return Array.from({ length: count }, (_, r) => Array.from({ length: width }, (_, c) => sheet.getRow(from + r).getCell(c + 1).value ?? ''));
}

/** The audit log's entries of one action, newest first, as the admin reads them. */
export async function auditEntries(h: OutgoingHistory, action: string): Promise<{ actorName: string; agencyId: string; objectType: string; details: Record<string, unknown> }[]> {
  return (await call(h.fx.t.app, await login(h.fx.t.app, 'admin'), 'GET', `/api/audit?action=${action}`)).json();
}
