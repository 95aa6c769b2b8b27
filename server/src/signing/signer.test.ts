import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ecdsaToDer } from './signer.js';

describe('ecdsaToDer', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const data = Buffer.from('dữ liệu cần ký');

  it('turns the r‖s of PKCS#11 and WebCrypto into the DER that CMS needs', () => {
    for (let i = 0; i < 20; i++) {
      const raw = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      const der = ecdsaToDer(raw);
      expect(der[0]).toBe(0x30);
      expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, der)).toBe(true);
    }
  });

  it('leaves a DER signature as it is', () => {
    const der = sign('sha256', data, { key: privateKey, dsaEncoding: 'der' });
    expect(ecdsaToDer(der)).toEqual(der);
  });
});
