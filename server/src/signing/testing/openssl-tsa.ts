/**
 * RFC 3161 timestamps from an independent implementation: `openssl ts -query` hashes the data,
 * `openssl ts -reply -token_out` answers as the test PKI's TSA would. Its genTime is the
 * machine's clock; tests about later years move the validation time instead.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestPki } from './test-pki.js';
import { run } from './tools.js';

const CONFIG = `
[tsa]
default_tsa = tsa_config
[tsa_config]
serial = $ENV::TSA_DIR/serial
crypto_device = builtin
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

/** The DER timestamp token (a CMS ContentInfo) over `data`, signed by `pki.tsa`. */
export async function opensslTimestamp(pki: TestPki, data: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(join(pki.dir, 'tsa-'));
  try {
    const [config, dataFile, query, token] = ['tsa.cnf', 'data.bin', 'query.tsq', 'token.der'].map((f) => join(dir, f));
    await Promise.all([writeFile(config, CONFIG), writeFile(dataFile, data), writeFile(join(dir, 'serial'), '01\n')]);
    await run('openssl', ['ts', '-query', '-data', dataFile, '-sha256', '-cert', '-no_nonce', '-out', query]);
    await run('openssl', ['ts', '-reply', '-config', config, '-queryfile', query, '-signer', pki.tsa.certFile, '-inkey', pki.tsa.keyFile, '-chain', pki.tsa.chainFile, '-token_out', '-out', token], {
      env: { ...process.env, TSA_DIR: dir },
    });
    return await readFile(token);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
