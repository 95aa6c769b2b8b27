import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SigningError } from '../errors.js';
import { createTestPki, P12_PASSWORD, type TestPki } from '../testing/test-pki.js';
import { loadP12Signer } from './p12.js';

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki();
});
afterAll(() => pki?.cleanup());

function refusal(fn: () => unknown): SigningError {
  try {
    fn();
  } catch (err) {
    if (err instanceof SigningError) return err;
    throw err;
  }
  throw new Error('expected a SigningError');
}

describe('PKCS#12 back end', () => {
  it('refuses a wrong password with a message in Vietnamese', () => {
    const err = refusal(() => loadP12Signer(pki.p12.rsa, 'sai-mat-khau'));
    expect(err.reason).toBe('KEY_UNREADABLE');
    expect(err.message).toBe('Không mở được tệp PKCS#12: sai mật khẩu hoặc tệp bị hỏng.');
  });

  it('refuses a file that is not PKCS#12', () => {
    expect(refusal(() => loadP12Signer(Buffer.from('%PDF-1.7'), P12_PASSWORD)).reason).toBe('KEY_UNREADABLE');
  });

  it('refuses a PKCS#12 file holding certificates but no key', () => {
    const certificatesOnly = execFileSync('openssl', ['pkcs12', '-export', '-nokeys', '-in', pki.rsa.certFile, '-passout', `pass:${P12_PASSWORD}`]);
    const err = refusal(() => loadP12Signer(certificatesOnly, P12_PASSWORD));
    expect(err.reason).toBe('KEY_UNREADABLE');
    expect(err.message).toBe('Tệp PKCS#12 không chứa khoá bí mật.');
  });

  it('refuses a key whose certificate is missing from the file', () => {
    const keyOnly = execFileSync('openssl', ['pkcs12', '-export', '-nocerts', '-inkey', pki.rsa.keyFile, '-passout', `pass:${P12_PASSWORD}`]);
    expect(refusal(() => loadP12Signer(keyOnly, P12_PASSWORD)).reason).toBe('CHAIN_INVALID');
  });
});
