/** The files exchanged with the signing agent: the request handed to it and the answer it prints. */
import type { SigningRequest } from '@/types/api';

/** Saves `request` as the JSON file the agent reads with --request. */
export function downloadSigningRequest(prepared: SigningRequest, name: string) {
  const blob = new Blob([`${JSON.stringify(prepared.request, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Values = { signature: string; signatures?: undefined } | { signatures: string[]; signature?: undefined };
export type ParsedAnswer = ({ ok: true; certificateChain?: string[] } & Values) | { ok: false; message: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const isValue = (v: unknown) => typeof v === 'string' && v.length >= 16 && BASE64.test(v);

/**
 * The agent answers { "signature": base64, "certificateChain": [...] }, or for a batch (a document
 * with its appendices) { "signatures": [base64, ...], ... } with one value per item asked.
 */
export function parseSigningAnswer(text: string, expectedItems = 1): ParsedAnswer {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'Kết quả ký không phải JSON hợp lệ. Hãy dán nguyên nội dung tệp do công cụ ký tạo ra.' };
  }
  const { signature, signatures, certificateChain } = (json ?? {}) as Record<string, unknown>;
  if (certificateChain !== undefined && !(Array.isArray(certificateChain) && certificateChain.every((c) => typeof c === 'string'))) {
    return { ok: false, message: '"certificateChain" phải là danh sách chứng thư (base64).' };
  }
  const chain = certificateChain as string[] | undefined;
  if (expectedItems > 1 || signatures !== undefined) {
    if (!Array.isArray(signatures) || !signatures.every(isValue)) return { ok: false, message: 'Kết quả ký thiếu "signatures" (danh sách chữ ký base64) cho văn bản và các phụ lục.' };
    if (signatures.length !== expectedItems) return { ok: false, message: `Kết quả ký có ${signatures.length} chữ ký; yêu cầu ký có ${expectedItems} tệp. Hãy ký lại bằng tệp yêu cầu mới nhất.` };
    return { ok: true, signatures: signatures as string[], certificateChain: chain };
  }
  if (!isValue(signature)) return { ok: false, message: 'Kết quả ký thiếu "signature" (chuỗi base64).' };
  return { ok: true, signature: signature as string, certificateChain: chain };
}
