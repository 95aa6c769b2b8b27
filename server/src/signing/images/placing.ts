/**
 * Which image a signature shows and where (Q-8.2a, NĐ 30 Phụ lục I):
 *   personal      the signer's own handwritten signature, centred between the position title and
 *                 the name on the last page (findSignerBox), or in the box the user placed;
 *   organisation  the agency's seal at its real size over the left third of the signer's image,
 *                 read from the signer's signature widget (or, if that is invisible, found from
 *                 the text), or centred on the box the user placed.
 * No image uploaded, or no place found: the signature is made invisible and the caller says so.
 */
import type { Ctx } from '../../infra/context.js';
import { requireActor } from '../../infra/context.js';
import type { SignatureAppearance } from '../pades/appearance.js';
import type { PlacedBox } from '../pades/placement.js';
import { pngInfo } from '../pades/png.js';
import { sealAppearance, signerAppearance } from '../pades/signature-images.js';
import { isolate, refusalAsAppError } from '../../infra/isolate/index.js';
import type { SigningPurpose } from '../sessions.js';
import { sealImageOf, signatureImageBytes } from './service.js';

export interface VisibleRequest {
  /** The signer as printed under the signature (cell 7c). */
  signerName: string;
  positionTitle?: string;
  /** Organisation: the signer's signature field, whose image the seal partly covers. */
  signerField?: string;
  /** Placed by the user: the signature image's box, or the box whose centre the seal's centre takes. */
  box?: PageBox;
}

/** A box on a page as the API carries it: 1-based page, PDF points from the lower-left corner. */
export interface PageBox {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Reading the page (pdf.js, pdf-lib) is seconds of CPU for a long document: done off the event loop. */
const PLACE_LIMITS = { timeoutMs: 30_000, heapMb: 1024 };
const PLACE_MODULE = new URL('./placing-pdf.ts', import.meta.url);

async function onPage<R>(fn: 'signerPlace' | 'sealPlace', args: unknown[]): Promise<R> {
  try {
    return await isolate.run<R>(PLACE_MODULE, fn, args, PLACE_LIMITS);
  } catch (err) {
    throw refusalAsAppError(err, 'Tệp PDF cần ký');
  }
}

/** found: by the rules; given: the user's box; not_found: no place on the page; no_image: nothing uploaded. */
export type Placement = 'found' | 'given' | 'not_found' | 'no_image';

export interface Placed {
  placement: Placement;
  /** Where the image goes, for the signing dialog to show. */
  box?: PlacedBox;
  appearance?: SignatureAppearance;
}

export async function placeImage(ctx: Ctx, purpose: SigningPurpose, pdf: Buffer, request: VisibleRequest): Promise<Placed> {
  return purpose === 'personal' ? placeSignature(ctx, pdf, request) : placeSeal(ctx, pdf, request);
}

async function placeSignature(ctx: Ctx, pdf: Buffer, request: VisibleRequest): Promise<Placed> {
  const image = await signatureImageBytes(ctx, requireActor(ctx).userId);
  if (!image) return { placement: 'no_image' };
  const { width, height } = pngInfo(image);
  const found = await onPage<PlacedBox | null>('signerPlace', [pdf, request, width / height]);
  if (!found) return { placement: 'not_found' };
  const box = { page: found.page, rect: found.rect };
  return { placement: request.box ? 'given' : 'found', box, appearance: signerAppearance({ image, box }) };
}

async function placeSeal(ctx: Ctx, pdf: Buffer, request: VisibleRequest): Promise<Placed> {
  const seal = await sealImageOf(ctx, requireActor(ctx).agencyId);
  if (!seal) return { placement: 'no_image' };
  const box = await onPage<PlacedBox | null>('sealPlace', [pdf, request, seal.diameterMm]);
  if (!box) return { placement: 'not_found' };
  return { placement: request.box ? 'given' : 'found', box, appearance: sealAppearance({ image: seal.image, box }) };
}

