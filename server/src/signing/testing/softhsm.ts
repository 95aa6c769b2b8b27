/**
 * A SoftHSM2 token for the PKCS#11 tests (Debian softhsm2 + opensc), made in a temporary
 * directory with its own SOFTHSM2_CONF so the machine's tokens are never touched. The test PKI's
 * RSA key and certificate go in under id 01, the ECDSA ones under id 02.
 */
import { createPrivateKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pkcs11Config } from '../backends/pkcs11.js';
import type { TestIdentity, TestPki } from './test-pki.js';
import { hasTool, run } from './tools.js';

export const TOKEN_LABEL = 'VanThu Test';
export const TOKEN_PIN = '246810';

const MODULE_PATHS = ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so', '/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so'];

/** The SoftHSM2 library, or undefined (and a warning, or a failure under CI=true) when it is missing. */
export function softHsmModule(): string | undefined {
  if (!hasTool('softhsm2-util') || !hasTool('pkcs11-tool')) return undefined;
  const found = MODULE_PATHS.find((path) => existsSync(path));
  if (!found) {
    if (process.env.CI === 'true') throw new Error('Thiếu thư viện libsofthsm2.so (gói softhsm2) cần cho kiểm thử PKCS#11.');
    console.warn('Thiếu thư viện libsofthsm2.so: bỏ qua các kiểm thử PKCS#11.');
  }
  return found;
}

export interface SoftHsmToken {
  /** Everything but keyId for openPkcs11Signer. */
  address: Omit<Pkcs11Config, 'keyId' | 'extraChain'>;
  rsaId: string;
  ecdsaId: string;
  cleanup(): Promise<void>;
}

export async function createSoftHsmToken(module: string, pki: TestPki): Promise<SoftHsmToken> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-softhsm-'));
  await mkdir(join(dir, 'tokens'));
  const conf = join(dir, 'softhsm2.conf');
  await writeFile(conf, `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  const env = { SOFTHSM2_CONF: conf };
  await run('softhsm2-util', ['--init-token', '--free', '--label', TOKEN_LABEL, '--pin', TOKEN_PIN, '--so-pin', '13579111'], { env: { ...process.env, ...env } });

  const put = async (who: TestIdentity, id: string, name: string) => {
    const keyFile = join(dir, `${name}.key.der`);
    const certFile = join(dir, `${name}.cert.der`);
    await writeFile(keyFile, createPrivateKey(who.keyPem).export({ type: 'pkcs8', format: 'der' }));
    await writeFile(certFile, who.certificate);
    // The tests' own PIN on a throw-away token, so it is fine on this command line.
    const base = ['--module', module, '--token-label', TOKEN_LABEL, '--login', '--pin', TOKEN_PIN];
    await run('pkcs11-tool', [...base, '--write-object', keyFile, '--type', 'privkey', '--id', id, '--label', name], { env: { ...process.env, ...env } });
    await run('pkcs11-tool', [...base, '--write-object', certFile, '--type', 'cert', '--id', id, '--label', name], { env: { ...process.env, ...env } });
  };
  await put(pki.rsa, '01', 'rsa');
  await put(pki.ecdsa, '02', 'ecdsa');

  return {
    address: { module, tokenLabel: TOKEN_LABEL, pin: TOKEN_PIN, env },
    rsaId: '01',
    ecdsaId: '02',
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
