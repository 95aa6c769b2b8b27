/**
 * Where the agent's key is: a PKCS#12 file or a PKCS#11 token on the person's own machine. The
 * agent reuses the server's back ends, so a signature made here is the same as one made there.
 */
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { loadP12Signer } from '../backends/p12.js';
import { openPkcs11Signer } from '../backends/pkcs11.js';
import type { KeySigner } from '../signer.js';
import { AgentError } from './request.js';

export type KeySource =
  | { kind: 'p12'; file: string }
  | { kind: 'pkcs11'; module: string; keyId: string; tokenLabel?: string; slot?: string; chainFiles: string[] };

/** The environment variable the secret is read from when it does not come on stdin. */
export const SECRET_VARIABLES = { p12: 'VANTHU_P12_PASSWORD', pkcs11: 'VANTHU_PKCS11_PIN' } as const;

export async function openKeySource(source: KeySource, secret: string): Promise<KeySigner> {
  if (source.kind === 'p12') {
    const p12 = await readFile(source.file).catch(() => {
      throw new AgentError(`Không đọc được tệp khoá ${source.file}.`);
    });
    return loadP12Signer(p12, secret);
  }
  const extraChain = (await Promise.all(source.chainFiles.map(readCertificates))).flat();
  return openPkcs11Signer({ module: source.module, keyId: source.keyId, tokenLabel: source.tokenLabel, slot: source.slot, pin: secret, extraChain });
}

/** Every certificate in a PEM file (a bundle is fine), or the one in a DER file. */
async function readCertificates(file: string): Promise<Buffer[]> {
  const bytes = await readFile(file).catch(() => {
    throw new AgentError(`Không đọc được tệp chứng thư ${file}.`);
  });
  try {
    const pems = bytes.toString('latin1').match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g);
    return pems ? pems.map((pem) => Buffer.from(new X509Certificate(pem).raw)) : [Buffer.from(new X509Certificate(bytes).raw)];
  } catch {
    throw new AgentError(`Tệp ${file} không chứa chứng thư số đọc được (PEM hoặc DER).`);
  }
}
