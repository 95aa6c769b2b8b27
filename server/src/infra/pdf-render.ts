/// <reference path="./pdfmake.d.ts" />
import { dirname, sep } from 'node:path';
import type { PdfMake } from 'pdfmake';
import { fontPaths } from './fonts.js';

export const PDF_FONT = 'Serif';

/** pdfmake (with pdfkit and its fonts) is loaded by the first document, not at every start. */
let pdfmakeLoaded: Promise<PdfMake> | undefined;
const loadPdfmake = () => (pdfmakeLoaded ??= import('pdfmake').then((m) => m.default));

/**
 * Renders a pdfmake document with the configured serif font (Liberation Serif 2 or the agency's
 * Times New Roman) and no access outside the font folder. pdfmake is one shared instance whose
 * fonts and policies createPdf reads synchronously, so setting them per call is safe.
 */
export async function renderPdf(definition: Record<string, unknown>, fontDir?: string | null): Promise<Buffer> {
  const fonts = fontPaths(fontDir);
  const pdfmake = await loadPdfmake();
  const folder = dirname(fonts.normal) + sep;
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(folder));
  pdfmake.setFonts({ [PDF_FONT]: { ...fonts } });
  return pdfmake.createPdf({ pageSize: 'A4', ...definition, defaultStyle: { font: PDF_FONT, fontSize: 13, ...(definition.defaultStyle as object) } }).getBuffer();
}
