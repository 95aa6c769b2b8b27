/**
 * The signing agent's exchange with the server: the server sends the DER of the CMS
 * signed attributes that preparePdf made, the agent returns the signature and the certificate
 * chain. Only these ~200 bytes cross over; the key and the PDF stay where they are.
 *
 *   request   { "toBeSigned": base64, "algorithm": "RSA" | "ECDSA" }
 *   response  { "signature": base64, "certificateChain": [base64 DER, …] }
 */
import type { KeyAlgorithm, KeySigner } from '../signer.js';
import { sha256 } from '../signer.js';

export interface SigningRequest {
  toBeSigned: Buffer;
  algorithm: KeyAlgorithm;
}

export interface SigningResponse {
  signature: string;
  certificateChain: string[];
}

export class AgentError extends Error {}

/** OID 1.2.840.113549.1.9.4, id-messageDigest, as DER: every CMS signed-attributes set has it. */
const MESSAGE_DIGEST_OID = Buffer.from('06092a864886f70d010904', 'hex');

export function parseRequest(text: string): SigningRequest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AgentError('Yêu cầu ký không phải JSON hợp lệ.');
  }
  const { toBeSigned, algorithm } = (json ?? {}) as Record<string, unknown>;
  if (algorithm !== 'RSA' && algorithm !== 'ECDSA') throw new AgentError('Yêu cầu ký thiếu "algorithm" (RSA hoặc ECDSA).');
  if (typeof toBeSigned !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(toBeSigned)) {
    throw new AgentError('Yêu cầu ký thiếu "toBeSigned" (base64).');
  }
  const data = Buffer.from(toBeSigned, 'base64');
  // The agent signs with a person's legal signature key, so it refuses anything that is not CMS
  // signed attributes: a server must not be able to get arbitrary bytes signed through it.
  if (!isSignedAttributes(data)) throw new AgentError('Dữ liệu cần ký không phải thuộc tính ký CMS (signed attributes); từ chối ký.');
  return { toBeSigned: data, algorithm };
}

export async function signRequest(signer: KeySigner, request: SigningRequest): Promise<SigningResponse> {
  if (signer.algorithm !== request.algorithm) {
    throw new AgentError(`Máy chủ yêu cầu ký bằng khoá ${request.algorithm} nhưng khoá đã chọn là ${signer.algorithm}.`);
  }
  const [signature, chain] = await Promise.all([signer.sign(request.toBeSigned), signer.certificateChain()]);
  return { signature: signature.toString('base64'), certificateChain: chain.map((der) => der.toString('base64')) };
}

/** What a person can compare with what the server shows before confirming. */
export function fingerprint(request: SigningRequest): string {
  return sha256(request.toBeSigned).toString('hex');
}

/** A DER SET (tag 0x31) whose length covers the whole buffer and that holds a message digest. */
function isSignedAttributes(der: Buffer): boolean {
  if (der.length < 2 || der[0] !== 0x31) return false;
  let length = der[1];
  let header = 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes < 1 || bytes > 2 || der.length < 2 + bytes) return false;
    length = der.readUIntBE(2, bytes);
    header += bytes;
  }
  return header + length === der.length && der.includes(MESSAGE_DIGEST_OID);
}
