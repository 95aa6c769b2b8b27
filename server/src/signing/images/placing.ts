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
import { findSignerBox, fittedRect, mmToPoints, sealBox, type PlacedBox } from '../pades/placement.js';
import { pngInfo } from '../pades/png.js';
import { sealAppearance, signerAppearance } from '../pades/signature-images.js';
import { checkPlacedBox, signatureWidgetBox } from '../pades/widgets.js';
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

const placed = ({ page, ...rect }: PageBox): PlacedBox => ({ page, rect });

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
  const found = request.box
    ? await checkPlacedBox(pdf, placed(request.box))
    : await findSignerBox(pdf, { signerName: request.signerName, positionTitle: request.positionTitle, aspectRatio: width / height });
  if (!found) return { placement: 'not_found' };
  const box = { page: found.page, rect: found.rect };
  return { placement: request.box ? 'given' : 'found', box, appearance: signerAppearance({ image, box }) };
}

async function placeSeal(ctx: Ctx, pdf: Buffer, request: VisibleRequest): Promise<Placed> {
  const seal = await sealImageOf(ctx, requireActor(ctx).agencyId);
  if (!seal) return { placement: 'no_image' };
  const box = request.box ? centredSeal(await checkPlacedBox(pdf, placed(request.box)), seal.diameterMm) : await overSigner(pdf, request, seal.diameterMm);
  if (!box) return { placement: 'not_found' };
  return { placement: request.box ? 'given' : 'found', box, appearance: sealAppearance({ image: seal.image, box }) };
}

/** Measured from where the signer's image is really drawn, so the seal covers its left third. */
async function overSigner(pdf: Buffer, request: VisibleRequest, diameterMm: number): Promise<PlacedBox | null> {
  const widget = request.signerField ? await signatureWidgetBox(pdf, request.signerField) : null;
  if (widget) {
    const drawn = widget.image ? fittedRect(widget.rect, widget.image) : widget.rect;
    return sealBox({ page: widget.page, rect: drawn }, diameterMm);
  }
  const found = await findSignerBox(pdf, { signerName: request.signerName, positionTitle: request.positionTitle });
  return found && sealBox(found, diameterMm);
}

/** The seal keeps its real size wherever the user puts it. */
function centredSeal(given: PlacedBox, diameterMm: number): PlacedBox {
  const size = mmToPoints(diameterMm);
  const { x, y, width, height } = given.rect;
  return { page: given.page, rect: { x: x + width / 2 - size / 2, y: y + height / 2 - size / 2, width: size, height: size } };
}
