/**
 * The forgery of issue 11 item 3, appended to a signed PDF as an ordinary incremental update: a
 * signature field (/FT /Sig widget) with no signature value, whose appearance paints a white box
 * and other text over the signed text. Optionally its /V points at the earlier signature's own
 * dictionary, to look signed.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, StandardFonts } from '@cantoo/pdf-lib';
import type { Rect } from '../pades/placement.js';

export interface OverlayOptions {
  rect: Rect;
  text: string;
  /** 'earlier-signature': /V is the first signature dictionary of the file; default none. */
  value?: 'none' | 'earlier-signature';
  /** /FT of the field; a plain widget when 'annotation' (a /Subtype /FreeText-like box, no field). */
  as?: 'signature-field' | 'annotation';
  /** Annotation flags (ISO 32000-1 Table 165); 4 = Print by default. */
  flags?: number;
}

export async function addOverlay(signed: Buffer, options: OverlayOptions): Promise<Buffer> {
  const doc = await PDFDocument.load(signed, { forIncrementalUpdate: true, updateMetadata: false });
  const { context } = doc;
  const page = doc.getPage(0);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const { x, y, width, height } = options.rect;
  const content = `1 1 1 rg 0 0 ${width} ${height} re f BT /F1 13 Tf 0 0 0 rg 6 6 Td ${font.encodeText(options.text).toString()} Tj ET`;
  const look = context.register(context.stream(content, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, width, height], Resources: { Font: { F1: font.ref } } }));
  const annot = context.obj({ Type: 'Annot', F: options.flags ?? 4, P: page.ref, Rect: [x, y, x + width, y + height], AP: { N: look } });
  if (options.as === 'annotation') annot.set(PDFName.of('Subtype'), PDFName.of('Square'));
  else {
    annot.set(PDFName.of('Subtype'), PDFName.of('Widget'));
    annot.set(PDFName.of('FT'), PDFName.of('Sig'));
    annot.set(PDFName.of('T'), PDFString.of('Signature9'));
    if (options.value === 'earlier-signature') annot.set(PDFName.of('V'), firstSignature(doc));
  }
  const ref = context.register(annot);
  if (options.as !== 'annotation') {
    const acroForm = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
    acroForm.lookup(PDFName.of('Fields'), PDFArray).push(ref);
  }
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots) annots.push(ref);
  else page.node.set(PDFName.of('Annots'), context.obj([ref]));
  return Buffer.from(await doc.commit({ useObjectStreams: false }));
}

function firstSignature(doc: PDFDocument): PDFRef {
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.has(PDFName.of('ByteRange')) && object.has(PDFName.of('Contents'))) return ref;
  }
  throw new Error('no signature in the file');
}
