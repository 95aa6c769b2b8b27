/**
 * Step one of every signature: append ONE incremental update holding a new signature field
 * (a merged field + widget), its signature dictionary with an empty /Contents of fixed size, and
 * the field's entry in /AcroForm and on the page. Earlier bytes are never touched, so earlier
 * signatures stay valid. @cantoo/pdf-lib writes the update (stack.md §3: plain pdf-lib rewrites
 * the whole file).
 */
import {
  EncryptedPDFError,
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFString,
} from '@cantoo/pdf-lib';
import { SigningError } from '../errors.js';
import { drawAppearance, type SignatureAppearance } from './appearance.js';
import { BYTE_RANGE_PLACEHOLDER, fillByteRange, type SignatureSlot } from './byte-range.js';
import { formatPdfDate } from './pdf-date.js';

export interface PlaceholderOptions {
  /** The claimed signing time, written to /M (PAdES keeps it out of the CMS). */
  signingTime: Date;
  /** Bytes reserved for the CMS; the hex string is twice as long. */
  contentsLength: number;
  fieldName?: string;
  reason?: string;
  location?: string;
  signerName?: string;
  /** Invisible (a zero-size widget on page 1) when left out. */
  appearance?: SignatureAppearance;
  /**
   * A certification signature (ISO 32000-1 §12.8.2.2, DocMDP) permitting form filling and further
   * signatures (P=2): the signer signs first, the clerk then fills the reserved number and date
   * and the agency signs over them. Only the first signature of a document may certify.
   */
  certify?: boolean;
}

/** ISO 32000-1 Table 165: Print (4) + Locked (128), so readers neither hide nor move it. */
const WIDGET_FLAGS = 132;
/** SignaturesExist (1) + AppendOnly (2): tells editors to save incrementally. */
const SIG_FLAGS = 3;
/** DocMDP P=2: filling in forms, instantiating page templates and signing. */
const CERTIFY_PERMISSIONS = 2;

export async function addPlaceholder(pdf: Buffer, options: PlaceholderOptions): Promise<{ pdf: Buffer; slot: SignatureSlot }> {
  const doc = await loadForUpdate(pdf);
  refuseIfCertifiedLocked(doc);
  if (options.certify) refuseIfSigned(doc);
  const { context, catalog } = doc;

  const pageNumber = options.appearance?.page ?? 1;
  const page = doc.getPages()[pageNumber - 1];
  if (!page) throw new SigningError('APPEARANCE_INVALID', `Tài liệu không có trang ${pageNumber} để đặt chữ ký.`);

  const acroForm = acroFormOf(doc);
  let fields = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) acroForm.set(PDFName.of('Fields'), (fields = context.obj([])));
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(SIG_FLAGS));
  const fieldName = options.fieldName ?? freeFieldName(fields);
  if (fieldNames(fields).includes(fieldName)) throw new SigningError('FIELD_EXISTS', `Tài liệu đã có trường chữ ký tên "${fieldName}".`);

  const signature = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: PDFInvalidObject.of(Buffer.from(BYTE_RANGE_PLACEHOLDER, 'latin1')),
    Contents: PDFHexString.of('0'.repeat(options.contentsLength * 2)),
    M: PDFString.of(formatPdfDate(options.signingTime)),
  });
  for (const [key, value] of [['Name', options.signerName], ['Reason', options.reason], ['Location', options.location]] as const) {
    if (value) signature.set(PDFName.of(key), PDFHexString.fromText(value));
  }
  if (options.certify) signature.set(PDFName.of('Reference'), context.obj([docMdpReference(context)]));
  const signatureRef = context.register(signature);
  if (options.certify) {
    // The catalog names the certification signature; readers look here, not in the fields.
    const perms = catalog.lookupMaybe(PDFName.of('Perms'), PDFDict);
    if (perms) perms.set(PDFName.of('DocMDP'), signatureRef);
    else catalog.set(PDFName.of('Perms'), context.obj({ DocMDP: signatureRef }));
  }

  const rect = options.appearance?.rect;
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFHexString.fromText(fieldName),
    V: signatureRef,
    F: WIDGET_FLAGS,
    P: page.ref,
    Rect: rect ? [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height] : [0, 0, 0, 0],
  });
  if (options.appearance) widget.set(PDFName.of('AP'), context.obj({ N: await drawAppearance(doc, options.appearance) }));
  const widgetRef = context.register(widget);

  fields.push(widgetRef);
  // Not page.node.addAnnot: it "normalizes" the page, copying inherited resources into it,
  // which a verifier would rightly report as a change of page content.
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots) annots.push(widgetRef);
  else page.node.set(PDFName.of('Annots'), context.obj([widgetRef]));

  const out = Buffer.from(await doc.commit({ useObjectStreams: false }));
  const slot = fillByteRange(out, pdf.length, options.contentsLength);
  if (!slot) throw new Error('signature placeholder not found in the incremental update');
  return { pdf: out, slot };
}

/** The signature reference of a DocMDP certification allowing form filling and signing (P=2). */
function docMdpReference(context: PDFContext): PDFDict {
  return context.obj({ Type: 'SigRef', TransformMethod: 'DocMDP', TransformParams: { Type: 'TransformParams', P: CERTIFY_PERMISSIONS, V: '1.2' } });
}

/** ISO 32000-1 §12.8.2.2.1: a certification signature shall be the first signed field of the document. */
function refuseIfSigned(doc: PDFDocument): void {
  if (isSigned(doc)) throw new SigningError('CERTIFY_NOT_FIRST', 'Tài liệu đã có chữ ký số; chữ ký chứng thực (cho phép điền số, ngày và ký tiếp) phải là chữ ký đầu tiên.');
}

/** Whether any revision holds a signature dictionary, signed or prepared. */
export function isSigned(doc: PDFDocument): boolean {
  return doc.context
    .enumerateIndirectObjects()
    .some(([, object]) => object instanceof PDFDict && object.has(PDFName.of('ByteRange')) && object.has(PDFName.of('Contents')));
}

/** Opens a PDF to append one incremental update to it; encrypted and broken files are refused in Vietnamese. */
export async function loadForUpdate(pdf: Buffer): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(pdf, { forIncrementalUpdate: true, updateMetadata: false });
  } catch (err) {
    if (err instanceof EncryptedPDFError) throw new SigningError('PDF_ENCRYPTED', 'Tệp PDF được mã hoá; cần gỡ mã hoá trước khi ký số.');
    throw new SigningError('PDF_UNREADABLE', 'Không đọc được tệp PDF (tệp hỏng hoặc không phải PDF).');
  }
}

/** A certification signature with DocMDP P=1 forbids any further change, signatures included. */
function refuseIfCertifiedLocked(doc: PDFDocument): void {
  const perms = doc.catalog.lookupMaybe(PDFName.of('Perms'), PDFDict);
  const docMdp = perms?.lookupMaybe(PDFName.of('DocMDP'), PDFDict);
  const reference = docMdp?.lookupMaybe(PDFName.of('Reference'), PDFArray);
  const transform = reference?.size() ? reference.lookupMaybe(0, PDFDict) : undefined;
  const p = transform?.lookupMaybe(PDFName.of('TransformParams'), PDFDict)?.lookupMaybe(PDFName.of('P'), PDFNumber);
  if (p?.asNumber() === 1) throw new SigningError('PDF_LOCKED', 'Tài liệu đã được chứng thực và khoá mọi thay đổi; không thể ký thêm.');
}

export function acroFormOf(doc: PDFDocument): PDFDict {
  const existing = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (existing) return existing;
  const created = doc.context.obj({});
  doc.catalog.set(PDFName.of('AcroForm'), doc.context.register(created));
  return created;
}

function fieldNames(fields: PDFArray): string[] {
  const names: string[] = [];
  for (let i = 0; i < fields.size(); i++) {
    const name = fields.lookupMaybe(i, PDFDict)?.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString);
    if (name) names.push(name.decodeText());
  }
  return names;
}

function freeFieldName(fields: PDFArray): string {
  const taken = new Set(fieldNames(fields));
  let n = 1;
  while (taken.has(`Signature${n}`)) n++;
  return `Signature${n}`;
}
