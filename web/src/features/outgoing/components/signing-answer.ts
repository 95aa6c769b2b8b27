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

export type ParsedAnswer = { ok: true; signature: string; certificateChain?: string[] } | { ok: false; message: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The agent answers { "signature": base64, "certificateChain": [base64…] }; anything else is refused here, in words. */
export function parseSigningAnswer(text: string): ParsedAnswer {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'Kết quả ký không phải JSON hợp lệ. Hãy dán nguyên nội dung tệp do công cụ ký tạo ra.' };
  }
  const { signature, certificateChain } = (json ?? {}) as Record<string, unknown>;
  if (typeof signature !== 'string' || signature.length < 16 || !BASE64.test(signature)) {
    return { ok: false, message: 'Kết quả ký thiếu "signature" (chuỗi base64).' };
  }
  if (certificateChain !== undefined && !(Array.isArray(certificateChain) && certificateChain.every((c) => typeof c === 'string'))) {
    return { ok: false, message: '"certificateChain" phải là danh sách chứng thư (base64).' };
  }
  return { ok: true, signature, certificateChain: certificateChain as string[] | undefined };
}
