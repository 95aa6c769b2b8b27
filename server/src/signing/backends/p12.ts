/**
 * PKCS#12 file back end (development, tests, and agencies that keep a soft key). node-forge only
 * opens the container — it reads both OpenSSL 3's default AES-256/PBKDF2 files and `-legacy`
 * 3DES ones, which node:crypto cannot — and the key is handed to node:crypto at once, which signs
 * natively and does ECDSA (forge does not).
 */
import { createPrivateKey, createPublicKey, sign, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { SigningError } from '../errors.js';
import type { KeyAlgorithm, KeySigner } from '../signer.js';

export function loadP12Signer(p12: Buffer, password: string): KeySigner {
  const { keys, certificates } = openP12(p12, password);
  if (keys.length !== 1) {
    throw new SigningError('KEY_UNREADABLE', keys.length === 0 ? 'Tệp PKCS#12 không chứa khoá bí mật.' : 'Tệp PKCS#12 chứa nhiều khoá bí mật; cần tệp chỉ có một khoá.');
  }
  const key = keys[0];
  const algorithm = keyAlgorithm(key);
  const chain = orderChain(key, certificates);
  return {
    algorithm,
    certificateChain: async () => chain.map((c) => c.raw),
    sign: async (data) => sign('sha256', data, { key, dsaEncoding: 'der' }),
  };
}

function openP12(p12: Buffer, password: string): { keys: KeyObject[]; certificates: X509Certificate[] } {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch {
    throw new SigningError('KEY_UNREADABLE', 'Không mở được tệp PKCS#12: sai mật khẩu hoặc tệp bị hỏng.');
  }
  const keys: KeyObject[] = [];
  const certificates: X509Certificate[] = [];
  for (const content of parsed.safeContents) {
    for (const bag of content.safeBags) {
      // forge decodes RSA keys and certificates into its own types and leaves the rest (EC) as ASN.1.
      if (bag.type === forge.pki.oids.certBag) {
        const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
        if (asn1) certificates.push(new X509Certificate(derOf(asn1)));
      } else if (bag.type === forge.pki.oids.pkcs8ShroudedKeyBag || bag.type === forge.pki.oids.keyBag) {
        const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
        if (info) keys.push(createPrivateKey({ key: derOf(info), format: 'der', type: 'pkcs8' }));
      }
    }
  }
  return { keys, certificates };
}

function derOf(asn1: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

function keyAlgorithm(key: KeyObject): KeyAlgorithm {
  if (key.asymmetricKeyType === 'rsa') return 'RSA';
  if (key.asymmetricKeyType === 'ec') return 'ECDSA';
  throw new SigningError('KEY_UNSUPPORTED', `Loại khoá ${key.asymmetricKeyType ?? 'không rõ'} chưa được hỗ trợ; chỉ hỗ trợ RSA và ECDSA.`);
}

/** The certificate of this key first, then each issuer found in the file; strays are dropped. */
function orderChain(key: KeyObject, certificates: X509Certificate[]): X509Certificate[] {
  const publicKey = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const own = certificates.find((c) => c.publicKey.export({ type: 'spki', format: 'der' }).equals(publicKey));
  if (!own) throw new SigningError('CHAIN_INVALID', 'Tệp PKCS#12 không có chứng thư số ứng với khoá bí mật.');
  const chain = [own];
  for (;;) {
    const last = chain[chain.length - 1];
    const issuer = certificates.find((c) => !chain.includes(c) && last.checkIssued(c) && last.verify(c.publicKey));
    if (!issuer) return chain;
    chain.push(issuer);
  }
}
