/**
 * PAdES B-B signing in two phases so that the key can live anywhere:
 *   preparePdf  → the document with an empty signature + the bytes the key must sign;
 *   (the key signs them: here, on a token, in the signing agent, at a remote service);
 *   completePdf → the signature value checked against the prepared document and embedded.
 * signPdf runs both around a KeySigner in one go.
 */
import { verify, X509Certificate } from 'node:crypto';
import { SigningError } from '../errors.js';
import { ecdsaToDer, sha256, type KeyAlgorithm, type KeySigner } from '../signer.js';
import type { SignatureAppearance } from './appearance.js';
import { isEmptySlot, lastSlot, signedParts, writeContents, type SignatureSlot } from './byte-range.js';
import { buildSignedAttributes, buildSignedData } from './cms.js';
import { addPlaceholder } from './placeholder.js';

export interface SignOptions {
  /** The claimed signing time, written to the signature's /M. */
  signingTime: Date;
  reason?: string;
  location?: string;
  /** Shown by PDF readers; the certificate's common name when left out. */
  signerName?: string;
  /** Signature1, Signature2, … when left out. */
  fieldName?: string;
  /** Invisible when left out. */
  appearance?: SignatureAppearance;
  /** A certification signature allowing only form filling and signing afterwards (DocMDP P=2); first signature only. */
  certify?: boolean;
}

export interface PreparedPdf {
  /** The document with the new, empty signature. It must come back unchanged to completePdf. */
  prepared: Buffer;
  /** DER of the CMS signed attributes: the data the key signs. */
  toBeSigned: Buffer;
  /** SHA-256 of toBeSigned, for devices and services that sign a hash. */
  digest: Buffer;
}

/** Room for the chain plus the signature, the attributes and a later RFC 3161 timestamp token. */
const CONTENTS_HEADROOM = 8192;

export async function preparePdf(pdf: Buffer, chain: Buffer[], options: SignOptions): Promise<PreparedPdf> {
  const { prepared, toBeSigned } = await prepare(pdf, chain, options);
  return { prepared, toBeSigned, digest: sha256(toBeSigned) };
}

/**
 * Embeds a signature value made over the prepared document's signed attributes. The attributes
 * are derived again from the prepared bytes, and the value must verify against them with the
 * signer's public key — so a document changed since preparing, or a value made by another key,
 * is refused rather than producing a broken signature. Pass what preparePdf returned as
 * `expectedToBeSigned` to tell the first case apart.
 */
export function completePdf(prepared: Buffer, signatureValue: Buffer, chain: Buffer[], expectedToBeSigned?: Buffer): Buffer {
  const signer = signerOf(chain);
  const slot = emptySlotOf(prepared);
  const toBeSigned = buildSignedAttributes(sha256(signedParts(prepared, slot.byteRange)), signer.raw);
  if (expectedToBeSigned && !expectedToBeSigned.equals(toBeSigned)) {
    throw new SigningError('PREPARED_CHANGED', 'Tài liệu đã bị thay đổi kể từ khi chuẩn bị ký; cần chuẩn bị và ký lại.');
  }
  return finish(prepared, slot, toBeSigned, signatureValue, signer, chain);
}

/** Embeds a whole CMS SignedData made elsewhere (a tool or service that returns PKCS#7). */
export function embedCms(prepared: Buffer, cms: Buffer): Buffer {
  return embed(prepared, emptySlotOf(prepared), cms);
}

/** Both phases in one call; the attributes just built are signed, so they are not derived twice. */
export async function signPdf(pdf: Buffer, signer: KeySigner, options: SignOptions): Promise<Buffer> {
  const chain = await signer.certificateChain();
  const { prepared, slot, toBeSigned, certificate } = await prepare(pdf, chain, options);
  return finish(prepared, slot, toBeSigned, await signer.sign(toBeSigned), certificate, chain);
}

async function prepare(pdf: Buffer, chain: Buffer[], options: SignOptions) {
  const certificate = signerOf(chain);
  const contentsLength = chain.reduce((sum, der) => sum + der.length, CONTENTS_HEADROOM);
  const { pdf: prepared, slot } = await addPlaceholder(pdf, { ...options, signerName: options.signerName ?? commonNameOf(certificate), contentsLength });
  const toBeSigned = buildSignedAttributes(sha256(signedParts(prepared, slot.byteRange)), certificate.raw);
  return { prepared, slot, toBeSigned, certificate };
}

function finish(prepared: Buffer, slot: SignatureSlot, toBeSigned: Buffer, signatureValue: Buffer, certificate: X509Certificate, chain: Buffer[]): Buffer {
  const algorithm = algorithmOf(certificate);
  const value = algorithm === 'ECDSA' ? ecdsaToDer(signatureValue) : signatureValue;
  if (!verifies(certificate, toBeSigned, value)) {
    throw new SigningError(
      'SIGNATURE_MISMATCH',
      'Chữ ký nhận về không khớp với tài liệu đã chuẩn bị hoặc với chứng thư số (tài liệu bị thay đổi hoặc ký bằng khoá khác).',
    );
  }
  return embed(prepared, slot, buildSignedData(toBeSigned, value, chain, algorithm));
}

/** node:crypto prints the subject one attribute per line, most general first: "C=VN\nO=…\nCN=…". */
function commonNameOf(certificate: X509Certificate): string | undefined {
  return certificate.subject.split('\n').find((line) => line.startsWith('CN='))?.slice(3);
}

function signerOf(chain: Buffer[]): X509Certificate {
  try {
    return new X509Certificate(chain[0]);
  } catch {
    throw new SigningError('CHAIN_INVALID', 'Thiếu hoặc không đọc được chứng thư số của người ký.');
  }
}

function algorithmOf(certificate: X509Certificate): KeyAlgorithm {
  const type = certificate.publicKey.asymmetricKeyType;
  if (type === 'rsa') return 'RSA';
  if (type === 'ec') return 'ECDSA';
  throw new SigningError('KEY_UNSUPPORTED', `Loại khoá ${type ?? 'không rõ'} chưa được hỗ trợ; chỉ hỗ trợ RSA và ECDSA.`);
}

function verifies(certificate: X509Certificate, data: Buffer, signature: Buffer): boolean {
  try {
    return verify('sha256', data, { key: certificate.publicKey, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}

function emptySlotOf(prepared: Buffer): SignatureSlot {
  const slot = lastSlot(prepared);
  if (!slot) throw new SigningError('NO_PLACEHOLDER', 'Tệp không có ô chữ ký đã chuẩn bị.');
  if (!isEmptySlot(prepared, slot)) throw new SigningError('ALREADY_SIGNED', 'Ô chữ ký cuối cùng của tệp đã có chữ ký.');
  return slot;
}

function embed(prepared: Buffer, slot: SignatureSlot, cms: Buffer): Buffer {
  const signed = writeContents(prepared, slot, cms);
  if (!signed) throw new SigningError('SIGNATURE_TOO_LARGE', 'Chữ ký lớn hơn chỗ đã dành trong tệp.');
  return signed;
}
