/**
 * The one way revocation checks reach the network, injectable so tests can count requests.
 * Plain node:http: OCSP and CRL addresses are http by design (revocation-urls.ts), one request
 * per connection (`Connection: close`; openssl's responder and many CA servers speak no
 * keep-alive), no redirects, a size limit, and a timeout covering connect, send and receive.
 */
import { request } from 'node:http';

export interface FetchRequest {
  url: string;
  /** POST with this body (an OCSP request), or GET when absent (a CRL). */
  body?: { contentType: string; data: Buffer };
  accept: string;
  timeoutMs: number;
  maxBytes: number;
}

/** Resolves with the body of a 200 answer; rejects with a short Vietnamese reason otherwise. */
export type RevocationFetch = (req: FetchRequest) => Promise<Buffer>;

export const httpFetch: RevocationFetch = ({ url, body, accept, timeoutMs, maxBytes }) =>
  new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { Accept: accept, Connection: 'close' };
    if (body) Object.assign(headers, { 'Content-Type': body.contentType, 'Content-Length': body.data.length });
    const req = request(url, { method: body ? 'POST' : 'GET', headers, signal: AbortSignal.timeout(timeoutMs) }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`máy chủ trả lời HTTP ${res.statusCode}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) req.destroy(new Error(`dữ liệu vượt quá ${maxBytes} byte`));
        else chunks.push(chunk);
      });
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', (err) => reject(reason(err)));
    });
    req.on('error', (err) => reject(reason(err)));
    req.end(body?.data);
  });

function reason(err: Error & { code?: string }): Error {
  if (err.name === 'AbortError' || err.name === 'TimeoutError' || err.code === 'ABORT_ERR') return new Error('quá thời gian chờ');
  if (err.code === 'ECONNREFUSED') return new Error('không kết nối được');
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return new Error('không phân giải được tên máy chủ');
  return new Error(err.message);
}
