/**
 * Signing a SHA-256 hash that was made elsewhere, as a remote signing provider does with the
 * hash VănThư sends. node:crypto always hashes its input for ECDSA, so the mock provider signs
 * here: RSA through the raw private-key operation on a DigestInfo, ECDSA (P-256) by the textbook
 * formula with the point k·G taken from node's ECDH. Test keys only; no constant-time care.
 */
import { constants, createECDH, createPrivateKey, privateEncrypt, randomBytes, type KeyObject } from 'node:crypto';

/** DER prefix of a SHA-256 DigestInfo (RFC 8017 §9.2 note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');
/** Order of the P-256 group. */
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

/** RSA: PKCS#1 v1.5; ECDSA: r‖s, 64 bytes (as many providers and tokens return it). */
export function signHash(keyPem: string, hash: Buffer): Buffer {
  const key = createPrivateKey(keyPem);
  if (key.asymmetricKeyType === 'rsa') return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, hash]));
  return ecdsaP256(key, hash);
}

function ecdsaP256(key: KeyObject, hash: Buffer): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'P-256' || !jwk.d) throw new Error('only P-256 keys');
  const d = toBig(Buffer.from(jwk.d, 'base64url'));
  const e = toBig(hash) % N;
  for (;;) {
    const k = toBig(randomBytes(32)) % N;
    if (k === 0n) continue;
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(toBytes(k));
    const r = toBig(ecdh.getPublicKey().subarray(1, 33)) % N;
    const s = (inverse(k) * (e + r * d)) % N;
    if (r !== 0n && s !== 0n) return Buffer.concat([toBytes(r), toBytes(s)]);
  }
}

function inverse(a: bigint): bigint {
  let [t, next, r, nextR] = [0n, 1n, N, a];
  while (nextR !== 0n) {
    const q = r / nextR;
    [t, next] = [next, t - q * next];
    [r, nextR] = [nextR, r - q * nextR];
  }
  return t < 0n ? t + N : t;
}

const toBig = (bytes: Buffer) => BigInt(`0x${bytes.toString('hex') || '0'}`);
const toBytes = (n: bigint) => Buffer.from(n.toString(16).padStart(64, '0'), 'hex');
