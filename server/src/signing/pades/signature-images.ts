/**
 * The two visible signatures of an outgoing document (Q-8.2a), in signing order:
 *   signerAppearance  the signer's handwritten signature (blue, transparent PNG) in findSignerBox's box;
 *   sealAppearance    the agency's seal (red, transparent PNG) in sealBox's box, drawn after and so over it.
 * Images only, no text: the title and name are already printed on the page.
 */
import { SigningError } from '../errors.js';
import type { SignatureAppearance } from './appearance.js';
import type { PlacedBox } from './placement.js';
import { pngInfo } from './png.js';

export interface ImageAppearance {
  image: Buffer;
  box: PlacedBox;
}

export function signerAppearance({ image, box }: ImageAppearance): SignatureAppearance {
  return imageAppearance(image, box, 'Ảnh chữ ký');
}

export function sealAppearance({ image, box }: ImageAppearance): SignatureAppearance {
  return imageAppearance(image, box, 'Ảnh con dấu');
}

/** An opaque image would blank out the title, the name or the signature under the seal. */
function imageAppearance(image: Buffer, box: PlacedBox, what: string): SignatureAppearance {
  if (!pngInfo(image).transparent) throw new SigningError('APPEARANCE_INVALID', `${what} phải là tệp PNG có nền trong suốt.`);
  if (!(box.rect.width > 0 && box.rect.height > 0)) throw new SigningError('APPEARANCE_INVALID', `Vùng đặt ${what.toLowerCase()} không hợp lệ.`);
  return { page: box.page, rect: box.rect, image };
}
