/**
 * What changed in a file after a signature: the objects of the revision it signed are compared
 * with those of the whole file, and every object that is new or different is classified by the
 * role it had. Another signature and filling in form fields (the number and date reserved on
 * the document) are expected; changed page content is not (issue 4, "Verifying").
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFObject } from '@cantoo/pdf-lib';

export type ChangeKind = 'signature' | 'form-fill' | 'annotation' | 'page-content' | 'other';

export interface Changes {
  kinds: ChangeKind[];
  /** 1-based numbers of the signed revision's pages whose content changed. */
  pages: number[];
}

type Role =
  | { kind: 'page'; page: number }
  | { kind: 'content'; page: number }
  | { kind: 'annots'; page: number }
  | { kind: 'page-tree' }
  | { kind: 'catalog' }
  | { kind: 'neutral' }
  | { kind: 'field'; signature: boolean; signed: boolean }
  | { kind: 'annotation' }
  | { kind: 'appearance'; of: ChangeKind };

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

export async function changesAfter(pdf: Buffer, signedEnd: number, latest: PDFDocument): Promise<Changes> {
  if (signedEnd >= pdf.length) return { kinds: [], pages: [] };
  let signed: PDFDocument;
  try {
    signed = await PDFDocument.load(pdf.subarray(0, signedEnd), { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
  } catch {
    return { kinds: ['other'], pages: [] };
  }
  return compare(signed, latest);
}

function compare(before: PDFDocument, after: PDFDocument): Changes {
  const roles = rolesOf(before);
  const kinds = new Set<ChangeKind>();
  const pages = new Set<number>();
  const old = new Map(before.context.enumerateIndirectObjects().map(([ref, object]) => [ref.objectNumber, object]));

  for (const [ref, object] of after.context.enumerateIndirectObjects()) {
    const previous = old.get(ref.objectNumber);
    if (!previous) {
      const kind = kindOfNewObject(object);
      if (kind) kinds.add(kind);
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
        // Signing an empty signature field is a signature; touching a signed one is not allowed.
        if (role.signature) kinds.add(role.signed ? 'other' : 'signature');
        // Filling gives a field a value and a look; moving, hiding or adding widgets is not filling.
        else kinds.add(changedKeys(previous, object).every((key) => FILL_KEYS.has(key)) ? 'form-fill' : 'annotation');
        break;
      case 'annotation':
        kinds.add('annotation');
        break;
      case 'appearance':
        kinds.add(role.of);
        break;
      default:
        if (!isXrefMachinery(object)) kinds.add('other');
    }
  }
  const order: ChangeKind[] = ['signature', 'form-fill', 'annotation', 'page-content', 'other'];
  return { kinds: order.filter((k) => kinds.has(k)), pages: [...pages].sort((a, b) => a - b) };
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

  for (const page of pages) {
    for (const ref of page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []) {
      const annot = context.lookupMaybe(ref, PDFDict);
      if (!annot) continue;
      const role = annotationRole(annot);
      claim(ref, role);
      for (const [parent] of ancestors(doc, annot)) claim(parent, role);
      const owner: ChangeKind = role.kind === 'field' ? (role.signature ? 'other' : 'form-fill') : 'annotation';
      claimAll(annot.get(PDFName.of('AP')), { kind: 'appearance', of: owner });
    }
  }

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

function annotationRole(annot: PDFDict): Role {
  const subtype = annot.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
  if (subtype !== 'Widget') return { kind: 'annotation' };
  const field = fieldTypeOf(annot);
  return { kind: 'field', signature: field === 'Sig', signed: annot.has(PDFName.of('V')) || !!annot.lookupMaybe(PDFName.of('Parent'), PDFDict)?.has(PDFName.of('V')) };
}

function fieldTypeOf(dict: PDFDict): string | undefined {
  for (let node: PDFDict | undefined = dict, depth = 0; node && depth < 16; node = node.lookupMaybe(PDFName.of('Parent'), PDFDict), depth++) {
    const type = node.lookupMaybe(PDFName.of('FT'), PDFName)?.decodeText();
    if (type) return type;
  }
  return undefined;
}

/** New objects matter by what they are; unreferenced ones cannot change what a reader shows. */
function kindOfNewObject(object: PDFObject): ChangeKind | undefined {
  if (!(object instanceof PDFDict)) return undefined;
  const type = object.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText();
  if (type === 'Sig' || type === 'DocTimeStamp' || (object.has(PDFName.of('ByteRange')) && object.has(PDFName.of('Contents')))) return 'signature';
  if (type === 'Page') return 'page-content';
  // A new field other than a signature is not filling in: its widget can paint over signed content.
  const fieldType = fieldTypeOf(object);
  if (fieldType) return fieldType === 'Sig' ? 'signature' : 'annotation';
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
