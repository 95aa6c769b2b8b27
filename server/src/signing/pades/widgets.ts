/**
 * Reading boxes back from a PDF: where an earlier signature's widget is (the seal goes over the
 * signer's image, Q-8.2a) and whether a box someone placed by hand lies on a page.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFStream, PDFString } from '@cantoo/pdf-lib';
import { SigningError } from '../errors.js';
import type { PlacedBox, Rect } from './placement.js';

export interface WidgetBox extends PlacedBox {
  /** Pixel size of the image its appearance draws (fitted and centred in the box), if any. */
  image?: { width: number; height: number };
}

async function load(pdf: Buffer): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(pdf, { updateMetadata: false });
  } catch {
    throw new SigningError('PDF_UNREADABLE', 'Không đọc được tệp PDF (tệp hỏng hoặc không phải PDF).');
  }
}

/** The visible widget of the signature field `fieldName`, or null when it is missing or invisible. */
export async function signatureWidgetBox(pdf: Buffer, fieldName: string): Promise<WidgetBox | null> {
  const doc = await load(pdf);
  const fields = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  for (let i = 0; fields && i < fields.size(); i++) {
    const field = fields.lookupMaybe(i, PDFDict);
    if (field?.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString)?.decodeText() !== fieldName) continue;
    const corners = field.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : 0));
    if (!corners || corners.length !== 4) return null;
    const [x0, y0, x1, y1] = corners;
    const page = doc.getPages().findIndex((p) => p.ref === field.get(PDFName.of('P'))) + 1;
    if (page < 1 || x1 - x0 <= 0 || y1 - y0 <= 0) return null;
    return { page, rect: { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) }, image: appearanceImage(field) };
  }
  return null;
}

/** The first image XObject of the widget's normal appearance: our appearances draw at most one. */
function appearanceImage(widget: PDFDict): { width: number; height: number } | undefined {
  const normal = widget.lookupMaybe(PDFName.of('AP'), PDFDict)?.lookupMaybe(PDFName.of('N'), PDFStream);
  const xobjects = normal?.dict.lookupMaybe(PDFName.of('Resources'), PDFDict)?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  for (const key of xobjects?.keys() ?? []) {
    const image = xobjects!.lookupMaybe(key, PDFStream)?.dict;
    const width = image?.lookupMaybe(PDFName.of('Width'), PDFNumber)?.asNumber();
    const height = image?.lookupMaybe(PDFName.of('Height'), PDFNumber)?.asNumber();
    if (width && height) return { width, height };
  }
  return undefined;
}

/** A box placed by hand must have an area and lie on an existing page, inside what the page shows. */
export async function checkPlacedBox(pdf: Buffer, box: PlacedBox): Promise<PlacedBox> {
  const doc = await load(pdf);
  const page = doc.getPages()[box.page - 1];
  if (!page) throw new SigningError('BOX_INVALID', `Tài liệu không có trang ${box.page} để đặt ảnh.`);
  const shown: Rect = page.getCropBox();
  const { x, y, width, height } = box.rect;
  const inside = x >= shown.x && y >= shown.y && x + width <= shown.x + shown.width && y + height <= shown.y + shown.height;
  if (!(width > 0 && height > 0) || !inside) throw new SigningError('BOX_INVALID', `Vùng đặt ảnh phải nằm trong trang ${box.page}.`);
  return box;
}
