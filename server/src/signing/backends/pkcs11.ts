/**
 * PKCS#11 back end: the key stays on a token or HSM and signs there, through OpenSC's
 * pkcs11-tool (see pkcs11-tool.ts for why a child process and how the PIN is passed).
 */
import { X509Certificate } from 'node:crypto';
import { SigningError } from '../errors.js';
import { ecdsaToDer, sha256, type KeyAlgorithm, type KeySigner } from '../signer.js';
import { runPkcs11Tool, type TokenAddress } from './pkcs11-tool.js';

export interface Pkcs11Config extends TokenAddress {
  /** CKA_ID of the private key and of its certificate on the token, in hex (e.g. "01"). */
  keyId: string;
  pin: string;
  /** Issuer certificates (DER) that are not on the token, signer's issuer first. */
  extraChain?: Buffer[];
  /**
   * The mechanism, when the default is not offered. RSA: `SHA256-RSA-PKCS` (default, the token
   * hashes) or `RSA-PKCS` (we send the DigestInfo). ECDSA: `ECDSA` (default, we send the hash;
   * SoftHSM2 and many tokens have no ECDSA-SHA256) or `ECDSA-SHA256`.
   */
  mechanism?: 'SHA256-RSA-PKCS' | 'RSA-PKCS' | 'ECDSA' | 'ECDSA-SHA256';
}

/** Reads the certificate from the token once, so a misconfigured token fails here, not mid-signing. */
export async function openPkcs11Signer(config: Pkcs11Config): Promise<KeySigner> {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(config.keyId)) {
    throw new SigningError('KEY_UNREADABLE', `Mã khoá (ID) "${config.keyId}" không hợp lệ: cần dạng hex, ví dụ 01.`);
  }
  // Logged in, because some tokens keep certificates private too.
  const own = await runPkcs11Tool(config, config.pin, ['--read-object', '--type', 'cert', '--id', config.keyId]);
  const algorithm = algorithmOf(own);
  const chain = [own, ...(config.extraChain ?? [])];
  const mechanism = config.mechanism ?? (algorithm === 'RSA' ? 'SHA256-RSA-PKCS' : 'ECDSA');
  if (mechanism.startsWith('ECDSA') !== (algorithm === 'ECDSA')) {
    throw new SigningError('KEY_UNSUPPORTED', `Cơ chế ${mechanism} không dùng được với khoá ${algorithm} trên thiết bị.`);
  }
  return {
    algorithm,
    certificateChain: async () => chain,
    sign: async (data) => {
      const signature = await runPkcs11Tool(config, config.pin, ['--sign', '--id', config.keyId, '--mechanism', mechanism], inputFor(mechanism, data));
      // pkcs11-tool returns ECDSA as raw r‖s (its default --signature-format rs).
      return algorithm === 'ECDSA' ? ecdsaToDer(signature) : signature;
    },
  };
}

/** DER prefix of a DigestInfo for SHA-256 (RFC 8017 §9.2 note 1); CKM_RSA_PKCS pads but does not wrap. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

function inputFor(mechanism: NonNullable<Pkcs11Config['mechanism']>, data: Buffer): Buffer {
  switch (mechanism) {
    case 'SHA256-RSA-PKCS':
    case 'ECDSA-SHA256':
      return data;
    case 'RSA-PKCS':
      return Buffer.concat([SHA256_DIGEST_INFO, sha256(data)]);
    case 'ECDSA':
      return sha256(data);
  }
}

function algorithmOf(der: Buffer): KeyAlgorithm {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(der);
  } catch {
    throw new SigningError('CHAIN_INVALID', 'Không đọc được chứng thư số lưu trên thiết bị ký số.');
  }
  const type = certificate.publicKey.asymmetricKeyType;
  if (type === 'rsa') return 'RSA';
  if (type === 'ec') return 'ECDSA';
  throw new SigningError('KEY_UNSUPPORTED', `Loại khoá ${type ?? 'không rõ'} chưa được hỗ trợ; chỉ hỗ trợ RSA và ECDSA.`);
}
