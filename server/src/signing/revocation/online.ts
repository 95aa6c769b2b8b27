/**
 * The network half of revocation checking: the certificate's OCSP responders, then its CRL
 * distribution points, each request within the verification's remaining time. Every failure
 * becomes a Vietnamese warning naming the address; nothing here throws for the network's sake.
 */
import type { Cert } from '../pki/chain.js';
import { loadCrls, revocationOf, usableFor } from '../pki/crl.js';
import { ocspRequest, readOcspResponse } from '../pki/ocsp.js';
import type { RevocationCache } from './cache.js';
import type { RevocationAnswer } from './checker.js';
import type { RevocationFetch } from './http-fetch.js';

const OCSP_MAX_BYTES = 64 * 1024;
const CRL_MAX_BYTES = 32 * 1024 * 1024;

/** One certificate's attempt: shared cache, the verification's deadline, its own warnings. */
export interface Attempt {
  fetch: RevocationFetch;
  cache: RevocationCache;
  timeoutMs: number;
  /** Date.now() value after which no request starts. */
  deadline: number;
  warnings: string[];
}

/** The first responder that answers good or revoked decides; "unknown" lets the next one speak. */
export async function askResponders(urls: string[], cert: Cert, issuer: Cert, now: Date, attempt: Attempt): Promise<RevocationAnswer | undefined> {
  for (const url of urls) {
    const query = await ocspRequest(cert, issuer);
    const data = { contentType: 'application/ocsp-request', data: query.der };
    const der = await send(url, 'máy chủ OCSP', attempt, (timeoutMs) => attempt.fetch({ url, body: data, accept: 'application/ocsp-response', timeoutMs, maxBytes: OCSP_MAX_BYTES }));
    if (!der) continue;
    const result = readOcspResponse(der, query, issuer, now);
    if (!result.ok) attempt.warnings.push(`Không dùng câu trả lời của máy chủ OCSP ${url}: ${result.problem}.`);
    else if (result.answer.revocation.status === 'unknown') attempt.warnings.push(`Máy chủ OCSP ${url} trả lời không biết chứng thư này.`);
    else {
      attempt.cache.keepOcsp(cert, url, result.answer);
      return { revocation: result.answer.revocation, source: 'ocsp', url, warnings: attempt.warnings };
    }
  }
  return undefined;
}

/** A CRL counts only when signed by the issuer and current; it is then kept for the next ones. */
export async function downloadCrls(urls: string[], cert: Cert, issuer: Cert, now: Date, attempt: Attempt): Promise<RevocationAnswer | undefined> {
  for (const url of urls) {
    const der = await send(url, 'địa chỉ CRL', attempt, (timeoutMs) => attempt.fetch({ url, accept: 'application/pkix-crl', timeoutMs, maxBytes: CRL_MAX_BYTES }));
    if (!der) continue;
    const [crl] = loadCrls([fromPem(der)]);
    if (!crl || !usableFor(crl, cert, issuer, now)) {
      attempt.warnings.push(`CRL tải từ ${url} không dùng được (không đọc được, không do tổ chức cấp ký hoặc không còn hiệu lực).`);
      continue;
    }
    attempt.cache.keepCrl(url, crl);
    const revocation = revocationOf(cert, issuer, [crl], now);
    if (revocation.status === 'unknown') {
      attempt.warnings.push(`CRL tải từ ${url} được phát hành sau khi chứng thư hết hạn nên không còn nói về chứng thư này (RFC 5280).`);
      continue;
    }
    return { revocation, source: 'crl', url, warnings: attempt.warnings };
  }
  return undefined;
}

async function send(url: string, kind: string, attempt: Attempt, request: (timeoutMs: number) => Promise<Buffer>): Promise<Buffer | undefined> {
  const left = attempt.deadline - Date.now();
  if (left <= 0) {
    attempt.warnings.push(`Chưa hỏi ${kind} ${url}: đã hết thời gian dành cho việc kiểm tra thu hồi.`);
    return undefined;
  }
  if (attempt.cache.failedRecently(url)) {
    attempt.warnings.push(`Không truy cập được ${kind} ${url} (lần thử gần đây bị lỗi; sẽ thử lại sau).`);
    return undefined;
  }
  try {
    return await request(Math.min(attempt.timeoutMs, left));
  } catch (err) {
    attempt.cache.markFailed(url);
    attempt.warnings.push(`Không truy cập được ${kind} ${url}: ${err instanceof Error ? err.message : String(err)}.`);
    return undefined;
  }
}

/** Some CAs publish their CRL in PEM although RFC 5280 §4.2.1.13 asks for DER. */
function fromPem(data: Buffer): Buffer {
  if (!data.subarray(0, 64).toString('latin1').startsWith('-----BEGIN')) return data;
  return Buffer.from(data.toString('latin1').replace(/-----(BEGIN|END)[^-]*-----/g, '').replace(/\s+/g, ''), 'base64');
}
