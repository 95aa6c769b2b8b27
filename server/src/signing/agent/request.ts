/**
 * The signing agent's exchange with the server: the server sends the DER of the CMS
 * signed attributes that preparePdf made, the agent returns the signature and the certificate
 * chain. Only these ~200 bytes cross over; the key and the PDF stay where they are.
 *
 *   request   { "toBeSigned": base64, "algorithm": "RSA" | "ECDSA" }
 *   response  { "signature": base64, "certificateChain": [base64 DER, …] }
 *
 * Several files signed in one run (the clerk's seal over a document and its appendices, Q-8.2c):
 *
 *   request   { "items": [ { "toBeSigned": base64, "algorithm": … }, … ] }
 *   response  { "signatures": [base64, … in the order of the items], "certificateChain": [ … ] }
 */
import type { KeyAlgorithm, KeySigner } from '../signer.js';
import { sha256 } from '../signer.js';

export interface SigningRequest {
  toBeSigned: Buffer;
  algorithm: KeyAlgorithm;
}

export interface BatchRequest {
  items: SigningRequest[];
}

export type AgentRequest = SigningRequest | BatchRequest;

export interface SigningResponse {
  signature: string;
  certificateChain: string[];
}

export interface BatchResponse {
  signatures: string[];
  certificateChain: string[];
}

export class AgentError extends Error {}

/** A document with its appendices stays far below this; a longer list is not something a person checks. */
export const MAX_BATCH_ITEMS = 50;

/** OID 1.2.840.113549.1.9.4, id-messageDigest, as DER: every CMS signed-attributes set has it. */
const MESSAGE_DIGEST_OID = Buffer.from('06092a864886f70d010904', 'hex');

export function parseRequest(text: string): AgentRequest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AgentError('Yêu cầu ký không phải JSON hợp lệ.');
  }
  const { items } = (json ?? {}) as Record<string, unknown>;
  if (items === undefined) return parseItem(json, '');
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_BATCH_ITEMS) {
    throw new AgentError(`Yêu cầu ký nhiều tệp: "items" phải là danh sách từ 1 đến ${MAX_BATCH_ITEMS} mục.`);
  }
  return { items: items.map((item, i) => parseItem(item, `Mục ${i + 1}: `)) };
}

export function isBatch(request: AgentRequest): request is BatchRequest {
  return 'items' in request;
}

function parseItem(json: unknown, prefix: string): SigningRequest {
  const { toBeSigned, algorithm } = (json ?? {}) as Record<string, unknown>;
  if (algorithm !== 'RSA' && algorithm !== 'ECDSA') throw new AgentError(`${prefix}Yêu cầu ký thiếu "algorithm" (RSA hoặc ECDSA).`);
  if (typeof toBeSigned !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(toBeSigned)) {
    throw new AgentError(`${prefix}Yêu cầu ký thiếu "toBeSigned" (base64).`);
  }
  const data = Buffer.from(toBeSigned, 'base64');
  // The agent signs with a person's legal signature key, so it refuses anything that is not CMS
  // signed attributes: a server must not be able to get arbitrary bytes signed through it.
  if (!isSignedAttributes(data)) throw new AgentError(`${prefix}Dữ liệu cần ký không phải thuộc tính ký CMS (signed attributes); từ chối ký.`);
  return { toBeSigned: data, algorithm };
}

export async function signRequest(signer: KeySigner, request: SigningRequest): Promise<SigningResponse>;
export async function signRequest(signer: KeySigner, request: BatchRequest): Promise<BatchResponse>;
export async function signRequest(signer: KeySigner, request: AgentRequest): Promise<SigningResponse | BatchResponse>;
export async function signRequest(signer: KeySigner, request: AgentRequest): Promise<SigningResponse | BatchResponse> {
  const items = isBatch(request) ? request.items : [request];
  // Every item is checked before the first is signed: a batch is signed whole or not at all.
  for (const item of items) {
    if (signer.algorithm !== item.algorithm) {
      throw new AgentError(`Máy chủ yêu cầu ký bằng khoá ${item.algorithm} nhưng khoá đã chọn là ${signer.algorithm}.`);
    }
  }
  const signatures: string[] = [];
  // One after another: a token performs one signing operation at a time.
  for (const item of items) signatures.push((await signer.sign(item.toBeSigned)).toString('base64'));
  const certificateChain = (await signer.certificateChain()).map((der) => der.toString('base64'));
  return isBatch(request) ? { signatures, certificateChain } : { signature: signatures[0], certificateChain };
}

/** What a person can compare with what the server shows before confirming: one SHA-256 per item. */
export function fingerprints(request: AgentRequest): string[] {
  return (isBatch(request) ? request.items : [request]).map((item) => sha256(item.toBeSigned).toString('hex'));
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
