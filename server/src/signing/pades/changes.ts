/**
 * What changed in a file after a signature: the objects of the revision it signed are compared
 * with those of the whole file, and every object that is new or different is classified by the
 * role it had. Another signature and filling in form fields (the number and date reserved on
 * the document) are expected; changed page content is not (issue 4, "Verifying").
 * A new signature field counts as "another signature" only when its value is a signature that
 * follows this one in the file (and is verified in its own right); any other annotation or
 * widget that now draws on a page is reported as drawn, to be judged like changed content
 * (issue 11 item 3: an unsigned signature widget painted over a signed amount).
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, type PDFObject } from '@cantoo/pdf-lib';
import type { ByteRange } from './byte-range.js';

export type ChangeKind = 'signature' | 'form-fill' | 'annotation' | 'page-content' | 'other';

export interface Changes {
  kinds: ChangeKind[];
  /** 1-based numbers of the signed revision's pages whose content changed. */
  pages: number[];
  /** Annotations and widgets added or altered after the signature that draw on a page (a subset of 'annotation'). */
  drawn: DrawnChange[];
}

export interface DrawnChange {
  /** 1-based page of the file as it is now. */
  page: number;
  /** A form field's widget (no DocMDP level lets one be added), or another annotation (P=3 allows those). */
  what: 'widget' | 'annotation';
}

type Role =
  | { kind: 'page'; page: number }
  | { kind: 'content'; page: number }
  | { kind: 'annots'; page: number }
  | { kind: 'page-tree' }
  | { kind: 'catalog' }
  | { kind: 'neutral' }
  | { kind: 'field'; signature: boolean; signed: boolean; page: number }
  | { kind: 'annotation'; page: number }
  | { kind: 'appearance'; of: ChangeKind; page: number };

/** Catalog entries that may change without touching what a reader shows. */
const NEUTRAL_CATALOG_KEYS = new Set(['AcroForm', 'DSS', 'Metadata', 'StructTreeRoot', 'MarkInfo', 'Extensions', 'Version']);
/** What filling in a field changes: its value, its look, its flags (e.g. made read-only once filled). */
const FILL_KEYS = new Set(['V', 'AP', 'AS', 'DA', 'MK', 'Ff']);
/** Keys that lead out of the part of the graph being collected, back up to parents or across to pages. */
const WALK_STOP = new Set(['Parent', 'P', 'Pg', 'Obj', 'Annots', 'B', 'Dest', 'D', 'Next', 'Prev', 'First', 'Last']);

/** Whether a byte range ending at `offset` ends a revision: just after %%EOF and its end-of-line. */
export function endsRevision(pdf: Buffer, offset: number): boolean {
  return /%%EOF(\r\n|\r|\n)?$/.test(pdf.toString('latin1', Math.max(0, offset - 8), offset));
}

/** 1-based number of the revision a byte range ending at `offset` belongs to. */
export function revisionAt(pdf: Buffer, offset: number): number {
  let count = 0;
  for (let at = pdf.indexOf('%%EOF'); at >= 0 && at < offset; at = pdf.indexOf('%%EOF', at + 5)) count++;
  return Math.max(count, 1);
}

/** `laterSignatures`: byte ranges of the file's signatures, to tell a signed new field from an empty one. */
export async function changesAfter(pdf: Buffer, signedEnd: number, latest: PDFDocument, laterSignatures: ByteRange[] = []): Promise<Changes> {
  if (signedEnd >= pdf.length) return { kinds: [], pages: [], drawn: [] };
  let signed: PDFDocument;
  try {
    signed = await PDFDocument.load(pdf.subarray(0, signedEnd), { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
  } catch {
    return { kinds: ['other'], pages: [], drawn: [] };
  }
  const later = new Set(laterSignatures.filter((r) => r[2] + r[3] > signedEnd).map((r) => r.join(' ')));
  return compare(signed, latest, later);
}

function compare(before: PDFDocument, after: PDFDocument, laterSignatures: Set<string>): Changes {
  const roles = rolesOf(before);
  const kinds = new Set<ChangeKind>();
  const pages = new Set<number>();
  const drawn: DrawnChange[] = [];
  const old = new Map(before.context.enumerateIndirectObjects().map(([ref, object]) => [ref.objectNumber, object]));
  const shownOn = annotationPages(after);
  /** An annotation or widget changed: what it now draws is a visible change, however it came to be. */
  const annotationChanged = (number: number, annot: PDFObject, what: DrawnChange['what']) => {
    kinds.add('annotation');
    const page = shownOn.get(number);
    if (page && annot instanceof PDFDict && draws(annot)) drawn.push({ page, what });
  };
  const signsLater = (dict: PDFObject) => dict instanceof PDFDict && carriesSignature(after, dict, laterSignatures);

  for (const [ref, object] of after.context.enumerateIndirectObjects()) {
    const previous = old.get(ref.objectNumber);
    if (!previous) {
      const kind = kindOfNewObject(object);
      if (kind === 'field') {
        if (object instanceof PDFDict && fieldTypeOf(object) === 'Sig' && signsLater(object)) kinds.add('signature');
        else annotationChanged(ref.objectNumber, object, 'widget');
      } else if (kind === 'annotation') annotationChanged(ref.objectNumber, object, 'annotation');
      else if (kind) kinds.add(kind);
      continue;
    }
    if (same(previous, object)) continue;
    const role = roles.get(ref.objectNumber);
    switch (role?.kind) {
      case 'page':
        if (differsBesidesAnnots(previous, object)) {
          kinds.add('page-content');
          pages.add(role.page);
        }
        if (lostAnnotations(previous, object)) kinds.add('annotation');
        break;
      case 'annots':
        if (lostAnnotations(previous, object)) kinds.add('annotation');
        break;
      case 'content':
        kinds.add('page-content');
        pages.add(role.page);
        break;
      case 'page-tree':
        kinds.add('page-content');
        break;
      case 'catalog':
        for (const key of changedKeys(previous, object)) {
          if (key === 'Pages') kinds.add('page-content');
          else if (!NEUTRAL_CATALOG_KEYS.has(key)) kinds.add('other');
        }
        break;
      case 'neutral':
        break;
      case 'field':
        // Signing an empty signature field is a signature; touching a signed one is not allowed;
        // giving an empty one a look without a signature is drawing on the page.
        if (role.signature) {
          if (role.signed) kinds.add('other');
          else if (signsLater(object)) kinds.add('signature');
          else annotationChanged(ref.objectNumber, object, 'widget');
        }
        // Filling gives a field a value and a look; moving, hiding or adding widgets is not filling.
        else if (changedKeys(previous, object).every((key) => FILL_KEYS.has(key))) kinds.add('form-fill');
        else annotationChanged(ref.objectNumber, object, 'widget');
        break;
      case 'annotation':
        annotationChanged(ref.objectNumber, object, 'annotation');
        break;
      case 'appearance':
        // A changed look of an annotation is drawing; of a form field, filling it in.
        if (role.of === 'annotation') {
          kinds.add('annotation');
          drawn.push({ page: role.page, what: 'annotation' });
        } else kinds.add(role.of);
        break;
      default:
        if (!isXrefMachinery(object)) kinds.add('other');
    }
  }
  const order: ChangeKind[] = ['signature', 'form-fill', 'annotation', 'page-content', 'other'];
  return { kinds: order.filter((k) => kinds.has(k)), pages: [...pages].sort((a, b) => a - b), drawn };
}

/** Each annotation of the file as it is now, by object number, with its 1-based page. */
function annotationPages(doc: PDFDocument): Map<number, number> {
  const pages = new Map<number, number>();
  doc.getPages().forEach((page, i) => {
    for (const ref of page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []) {
      if (ref instanceof PDFRef && !pages.has(ref.objectNumber)) pages.set(ref.objectNumber, i + 1);
    }
  });
  return pages;
}

/** ISO 32000-1 Table 165: Hidden (2) and NoView (32) annotations are not shown. */
const NOT_SHOWN = 2 | 32;

/** Whether an annotation on a page puts anything on it: shown, with an area, and with a look a reader would paint. */
function draws(annot: PDFDict): boolean {
  const flags = annot.lookupMaybe(PDFName.of('F'), PDFNumber)?.asNumber() ?? 0;
  if (flags & NOT_SHOWN) return false;
  const rect = annot.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : 0));
  if (!rect || rect.length !== 4 || rect[0] === rect[2] || rect[1] === rect[3]) return false;
  const subtype = annot.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
  if (subtype === 'Popup') return false;
  if (annot.has(PDFName.of('AP'))) return true;
  // A widget without an appearance shows only the border and background its /MK asks for;
  // readers make up the look of other annotations (a square, a note) from their entries.
  const mk = annot.lookupMaybe(PDFName.of('MK'), PDFDict);
  return subtype !== 'Widget' || !!mk?.has(PDFName.of('BG')) || !!mk?.has(PDFName.of('BC'));
}

/**
 * Whether a signature field (or its parent) holds as its value a signature dictionary that is one
 * of the file's later signatures: an empty field, or one pointing at an earlier signature's
 * dictionary, is no new signature.
 */
function carriesSignature(doc: PDFDocument, field: PDFDict, laterSignatures: Set<string>): boolean {
  for (let node: PDFDict | undefined = field, depth = 0; node && depth < 16; node = node.lookupMaybe(PDFName.of('Parent'), PDFDict), depth++) {
    const value = node.get(PDFName.of('V'));
    if (!value) continue;
    const signature = doc.context.lookupMaybe(value, PDFDict);
    const range = signature?.lookupMaybe(PDFName.of('ByteRange'), PDFArray)?.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
    return !!range && laterSignatures.has(range.join(' '));
  }
  return false;
}

/**
 * The role of every object of the signed revision that matters, claimed in order of importance:
 * an object that is both page content and something else counts as page content.
 */
function rolesOf(doc: PDFDocument): Map<number, Role> {
  const roles = new Map<number, Role>();
  const claim = (ref: PDFObject | undefined, role: Role) => {
    if (ref instanceof PDFRef && !roles.has(ref.objectNumber)) roles.set(ref.objectNumber, role);
  };
  const claimAll = (start: PDFObject | undefined, role: Role) => start && walk(doc, start, (ref) => claim(ref, role));
  const { context, catalog } = doc;
  claim(context.trailerInfo.Root, { kind: 'catalog' });
  claim(context.trailerInfo.Info, { kind: 'neutral' });

  const pages = doc.getPages();
  pages.forEach((page, i) => {
    claim(page.ref, { kind: 'page', page: i + 1 });
    claim(page.node.get(PDFName.of('Annots')), { kind: 'annots', page: i + 1 });
  });
  pages.forEach((page, i) => {
    for (const start of pageContentRoots(doc, page.node)) claimAll(start, { kind: 'content', page: i + 1 });
    for (const [ref] of ancestors(doc, page.node)) claim(ref, { kind: 'page-tree' });
  });

  pages.forEach((page, i) => {
    for (const ref of page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []) {
      const annot = context.lookupMaybe(ref, PDFDict);
      if (!annot) continue;
      const role = annotationRole(annot, i + 1);
      claim(ref, role);
      for (const [parent] of ancestors(doc, annot)) claim(parent, role);
      const owner: ChangeKind = role.kind === 'field' ? (role.signature ? 'other' : 'form-fill') : 'annotation';
      claimAll(annot.get(PDFName.of('AP')), { kind: 'appearance', of: owner, page: i + 1 });
    }
  });

  const acroForm = catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  claim(catalog.get(PDFName.of('AcroForm')), { kind: 'neutral' });
  claim(acroForm?.get(PDFName.of('Fields')), { kind: 'neutral' });
  claimAll(acroForm?.get(PDFName.of('DR')), { kind: 'neutral' });
  for (const key of ['Metadata', 'StructTreeRoot', 'DSS']) claimAll(catalog.get(PDFName.of(key)), { kind: 'neutral' });
  return roles;
}

/** What a page shows comes from its own entries and the ones it inherits from the page tree. */
function pageContentRoots(doc: PDFDocument, page: PDFDict): PDFObject[] {
  const roots: PDFObject[] = [];
  for (const [key, value] of page.entries()) if (!WALK_STOP.has(key.decodeText())) roots.push(value);
  for (const [, node] of ancestors(doc, page)) {
    for (const key of ['Resources', 'MediaBox', 'CropBox', 'Rotate']) {
      const value = node.get(PDFName.of(key));
      if (value) roots.push(value);
    }
  }
  return roots;
}

/** The /Parent chain of a page or field, with references; bounded against loops. */
function* ancestors(doc: PDFDocument, dict: PDFDict): Generator<[PDFRef, PDFDict]> {
  let ref = dict.get(PDFName.of('Parent'));
  for (let depth = 0; ref instanceof PDFRef && depth < 64; depth++) {
    const node = doc.context.lookupMaybe(ref, PDFDict);
    if (!node) return;
    yield [ref, node];
    ref = node.get(PDFName.of('Parent'));
  }
}

function annotationRole(annot: PDFDict, page: number): Role {
  const subtype = annot.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
  if (subtype !== 'Widget') return { kind: 'annotation', page };
  const field = fieldTypeOf(annot);
  return { kind: 'field', signature: field === 'Sig', signed: annot.has(PDFName.of('V')) || !!annot.lookupMaybe(PDFName.of('Parent'), PDFDict)?.has(PDFName.of('V')), page };
}

function fieldTypeOf(dict: PDFDict): string | undefined {
  for (let node: PDFDict | undefined = dict, depth = 0; node && depth < 16; node = node.lookupMaybe(PDFName.of('Parent'), PDFDict), depth++) {
    const type = node.lookupMaybe(PDFName.of('FT'), PDFName)?.decodeText();
    if (type) return type;
  }
  return undefined;
}

/**
 * New objects matter by what they are; unreferenced ones cannot change what a reader shows.
 * A signature dictionary is a signature (verified on its own); a new field or widget is judged
 * by the caller: it is a signature only if it carries one of the later signatures.
 */
function kindOfNewObject(object: PDFObject): ChangeKind | 'field' | undefined {
  if (!(object instanceof PDFDict)) return undefined;
  const type = object.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText();
  if (type === 'Sig' || type === 'DocTimeStamp' || (object.has(PDFName.of('ByteRange')) && object.has(PDFName.of('Contents')))) return 'signature';
  if (type === 'Page') return 'page-content';
  if (fieldTypeOf(object)) return 'field';
  const subtype = object.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
  if (subtype && object.has(PDFName.of('Rect'))) return 'annotation';
  return undefined;
}

/** Annotations the signed revision had and the file no longer has: removing one can reveal or hide content. */
function lostAnnotations(previous: PDFObject, current: PDFObject): boolean {
  const refs = (object: PDFObject) => {
    const array = object instanceof PDFDict ? object.lookupMaybe(PDFName.of('Annots'), PDFArray) : object instanceof PDFArray ? object : undefined;
    return new Set((array?.asArray() ?? []).map((r) => (r instanceof PDFRef ? r.objectNumber : -1)));
  };
  const now = refs(current);
  return [...refs(previous)].some((n) => !now.has(n));
}

function differsBesidesAnnots(previous: PDFObject, current: PDFObject): boolean {
  return changedKeys(previous, current).some((key) => key !== 'Annots');
}

function changedKeys(previous: PDFObject, current: PDFObject): string[] {
  if (!(previous instanceof PDFDict) || !(current instanceof PDFDict)) return ['*'];
  const text = (dict: PDFDict) => new Map(dict.entries().map(([k, v]) => [k.decodeText(), v.toString()]));
  const a = text(previous);
  const b = text(current);
  return [...new Set([...a.keys(), ...b.keys()])].filter((key) => a.get(key) !== b.get(key));
}

function same(a: PDFObject, b: PDFObject): boolean {
  if (a instanceof PDFRawStream && b instanceof PDFRawStream) return a.dict.toString() === b.dict.toString() && Buffer.compare(a.contents, b.contents) === 0;
  if (a instanceof PDFStream || b instanceof PDFStream) return false;
  return a.toString() === b.toString();
}

function isXrefMachinery(object: PDFObject): boolean {
  const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
  const type = dict?.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText();
  return type === 'XRef' || type === 'ObjStm';
}

/** Depth-first over indirect references reachable from `start`, not crossing WALK_STOP keys. */
function walk(doc: PDFDocument, start: PDFObject, visit: (ref: PDFRef) => void): void {
  const seen = new Set<number>();
  const stack: PDFObject[] = [start];
  while (stack.length) {
    const object = stack.pop()!;
    if (object instanceof PDFRef) {
      if (seen.has(object.objectNumber)) continue;
      seen.add(object.objectNumber);
      visit(object);
      const target = doc.context.lookup(object);
      if (target) stack.push(target);
    } else if (object instanceof PDFStream) {
      stack.push(object.dict);
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) if (!WALK_STOP.has(key.decodeText())) stack.push(value);
    } else if (object instanceof PDFArray) {
      stack.push(...object.asArray());
    }
  }
}
