/**
 * Where on the page a signature image or the seal goes, read from the PDF (placing.ts): pure, run
 * in an isolated worker, because pdf.js and pdf-lib take seconds on a document of many pages.
 */
import { findSignerBox, fittedRect, mmToPoints, sealBox, type PlacedBox } from '../pades/placement.js';
import { checkPlacedBox, signatureWidgetBox } from '../pades/widgets.js';
import type { PageBox, VisibleRequest } from './placing.js';

const placed = ({ page, ...rect }: PageBox): PlacedBox => ({ page, rect });

/** The signer's image: the box the user placed (checked against the page), or found between title and name. */
export async function signerPlace(pdf: Buffer, request: VisibleRequest, aspectRatio: number): Promise<PlacedBox | null> {
  return request.box ? checkPlacedBox(pdf, placed(request.box)) : findSignerBox(pdf, { signerName: request.signerName, positionTitle: request.positionTitle, aspectRatio });
}

/** The seal: centred on the box the user placed, or over the left third of the signer's image. */
export async function sealPlace(pdf: Buffer, request: VisibleRequest, diameterMm: number): Promise<PlacedBox | null> {
  return request.box ? centredSeal(await checkPlacedBox(pdf, placed(request.box)), diameterMm) : overSigner(pdf, request, diameterMm);
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
