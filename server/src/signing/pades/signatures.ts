/**
 * Finding the signatures in a PDF. The bytes are scanned for /ByteRange arrays (this finds them
 * in every revision, and in files too damaged to parse), and @cantoo/pdf-lib reads the signature
 * dictionaries for what people want to see (time, reason, field name). A /ByteRange that no
 * signature dictionary owns and that does not point at a hex string is ignored: it is text that
 * happens to look like one.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from '@cantoo/pdf-lib';
import { scanByteRanges, slotOf, type ByteRange, type SignatureSlot } from './byte-range.js';

export interface SignatureDictionary {
  type?: string;
  filter?: string;
  subFilter?: string;
  /** The raw /M string; parsed by the verifier. */
  m?: string;
  reason?: string;
  location?: string;
  name?: string;
  fieldName?: string;
  /** P of the DocMDP transform when this is a certification signature (2 when the entry is left out). */
  docMdp?: number;
}

export interface FoundSignature {
  byteRange: ByteRange;
  /** Undefined when the byte range does not frame a hex string inside the file. */
  slot?: SignatureSlot;
  dictionary?: SignatureDictionary;
}

export interface ParsedPdf {
  /** Undefined when @cantoo/pdf-lib could not parse the file. */
  doc?: PDFDocument;
  encrypted: boolean;
}

export async function parsePdf(pdf: Buffer): Promise<ParsedPdf> {
  try {
    // throwOnInvalidObject: pdf-lib's recovery from a broken object rescans the rest of the file
    // at every byte, which takes seconds on a signature cut in half; a damaged file is checked
    // from its bytes alone instead.
    const doc = await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
    // The parser is lenient enough to "read" garbage after a header; a PDF has pages.
    if (doc.getPageCount() === 0) throw new Error('no pages');
    return { doc, encrypted: doc.isEncrypted };
  } catch {
    return { encrypted: /\/Encrypt\s*\d+\s+\d+\s+R/.test(pdf.toString('latin1', Math.max(0, pdf.length - 4096))) };
  }
}

export function findSignatures(pdf: Buffer, parsed: ParsedPdf): FoundSignature[] {
  const dictionaries = parsed.doc ? signatureDictionaries(parsed.doc, !parsed.encrypted) : new Map<string, SignatureDictionary>();
  const found = new Map<string, FoundSignature>();
  for (const { byteRange } of scanByteRanges(pdf)) {
    const key = byteRange.join(' ');
    if (found.has(key)) continue;
    const slot = slotOf(pdf, byteRange);
    const dictionary = dictionaries.get(key);
    // A range starting at 0 whose gap opens with '<' is a signature even when the file was cut short.
    const looksSigned = byteRange[0] === 0 && pdf[byteRange[1]] === 0x3c;
    if (slot || dictionary || looksSigned) found.set(key, { byteRange, slot, dictionary });
  }
  // Dictionaries whose /ByteRange is not written plainly (compressed, indirect numbers) cannot
  // be checked against the bytes, and are reported as malformed rather than left out.
  for (const [key, dictionary] of dictionaries) {
    if (!found.has(key)) found.set(key, { byteRange: key.split(' ').map(Number) as ByteRange, dictionary });
  }
  return [...found.values()].sort((a, b) => signedEnd(a.byteRange) - signedEnd(b.byteRange));
}

export function signedEnd(byteRange: ByteRange): number {
  return byteRange[2] + byteRange[3];
}

/** Every dictionary with a /ByteRange and /Contents, keyed by its byte range, wherever it hangs. */
function signatureDictionaries(doc: PDFDocument, readStrings: boolean): Map<string, SignatureDictionary> {
  const fieldNames = new Map<number, string>();
  const byKey = new Map<string, SignatureDictionary>();
  const text = (dict: PDFDict, key: string) => (readStrings ? textOf(dict.lookupMaybe(PDFName.of(key), PDFString, PDFHexString)) : undefined);
  const name = (dict: PDFDict, key: string) => dict.lookupMaybe(PDFName.of(key), PDFName)?.decodeText();

  const objects = doc.context.enumerateIndirectObjects();
  for (const [, object] of objects) {
    if (!(object instanceof PDFDict)) continue;
    const value = object.get(PDFName.of('V'));
    if (value instanceof PDFRef && name(object, 'FT') === 'Sig') fieldNames.set(value.objectNumber, qualifiedName(object, readStrings));
  }
  for (const [ref, object] of objects) {
    if (!(object instanceof PDFDict) || !object.has(PDFName.of('Contents'))) continue;
    const range = object.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
    if (!range || range.size() !== 4) continue;
    const numbers = range.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
    byKey.set(numbers.join(' '), {
      type: name(object, 'Type'),
      filter: name(object, 'Filter'),
      subFilter: name(object, 'SubFilter'),
      m: text(object, 'M'),
      reason: text(object, 'Reason'),
      location: text(object, 'Location'),
      name: text(object, 'Name'),
      fieldName: fieldNames.get(ref.objectNumber),
      docMdp: docMdpOf(object),
    });
  }
  return byKey;
}

/** ISO 32000-1 §12.8.2.2: a signature reference with TransformMethod DocMDP makes a certification signature. */
function docMdpOf(signature: PDFDict): number | undefined {
  const references = signature.lookupMaybe(PDFName.of('Reference'), PDFArray);
  for (let i = 0; references && i < references.size(); i++) {
    const reference = references.lookupMaybe(i, PDFDict);
    if (reference?.lookupMaybe(PDFName.of('TransformMethod'), PDFName)?.decodeText() !== 'DocMDP') continue;
    const p = reference.lookupMaybe(PDFName.of('TransformParams'), PDFDict)?.lookupMaybe(PDFName.of('P'), PDFNumber);
    return p ? p.asNumber() : 2;
  }
  return undefined;
}

function qualifiedName(field: PDFDict, readStrings: boolean): string {
  const parts: string[] = [];
  for (let node: PDFDict | undefined = field, depth = 0; node && depth < 16; node = node.lookupMaybe(PDFName.of('Parent'), PDFDict), depth++) {
    const part = readStrings ? textOf(node.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString)) : undefined;
    if (part) parts.unshift(part);
  }
  return parts.join('.');
}

/**
 * PDF text strings are UTF-16BE with a BOM or PDFDocEncoding, but several signing tools (poppler
 * among them) write bare UTF-8, which would show Vietnamese names as mojibake; valid multi-byte
 * UTF-8 is taken for what it is.
 */
function textOf(value: PDFString | PDFHexString | undefined): string | undefined {
  if (!value) return undefined;
  const bytes = Buffer.from(value.asBytes());
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return value.decodeText();
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes.some((b) => b >= 0x80)) {
    const utf8 = bytes.toString('utf8');
    if (!utf8.includes('\uFFFD')) return utf8;
  }
  return value.decodeText();
}
