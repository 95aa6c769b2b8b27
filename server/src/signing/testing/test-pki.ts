/**
 * A throw-away PKI made with the openssl CLI for the tests: an independent tool, so the
 * verifier is not only checked against certificates its own libraries produced.
 *
 *   root (EC P-256) ─ intermediate (RSA-2048) ─┬ rsa      Nguyễn Văn Ánh, RSA-2048
 *                                              ├ ecdsa    Nguyễn Văn Ánh, EC P-256
 *                                              ├ expired  valid only in 2020
 *                                              ├ revoked  listed on the intermediate's CRL
 *                                              └ noSigningUsage  keyAgreement only
 *                                              └ tsa      a time-stamping authority (id-kp-timeStamping), 2019–2039
 *   untrusted root (EC) ─ untrusted
 *
 * `issueSigner` makes more signers with chosen dates, `intermediateCrl` CRLs with chosen dates
 * (and the ExpiredCertsOnCRL extension), for tests about time: expiry, proof of existence.
 * With `revocationUrls`, the signer certificates name an OCSP responder and a CRL address, and
 * the intermediate delegates OCSP signing to `ocspResponder`; run the responder over
 * `intermediate.indexFile` (openssl-ocsp.ts), where `revoked` is listed as revoked.
 */
import { execFile } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, sign, X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { KeySigner } from '../signer.js';

const run = promisify(execFile);

export const SIGNER_SUBJECT = '/C=VN/O=Sở Nội vụ tỉnh Thái Nguyên/CN=Nguyễn Văn Ánh';
export const P12_PASSWORD = 'mat-khau-thu';

export interface TestIdentity {
  certificate: Buffer;
  /** Upper-case hex, as the verifier reports it. */
  serialNumber: string;
  /** Signer first, then the intermediate: what a signer sends along. */
  chain: Buffer[];
  keyPem: string;
  keyFile: string;
  certFile: string;
  chainFile: string;
}

export interface TestPki {
  dir: string;
  root: Buffer;
  rootFile: string;
  untrustedRoot: Buffer;
  rsa: TestIdentity;
  ecdsa: TestIdentity;
  expired: TestIdentity;
  revoked: TestIdentity;
  noSigningUsage: TestIdentity;
  untrusted: TestIdentity;
  /** Current CRLs of the root and the intermediate (DER); only `revoked` is listed. */
  crls: Buffer[];
  /** The issuing CA's files, for an OCSP responder. */
  intermediate: { certFile: string; keyFile: string; indexFile: string };
  /** Set with `revocationUrls`: a responder certificate (id-kp-OCSPSigning) issued by the intermediate. */
  ocspResponder?: TestIdentity;
  /** An RFC 3161 time-stamping authority issued by the intermediate; see openssl-tsa.ts. */
  tsa: TestIdentity;
  /** A signer certificate of the intermediate valid exactly from `notBefore` to `notAfter`. */
  issueSigner(name: string, commonName: string, notBefore: Date, notAfter: Date): Promise<TestIdentity>;
  /** A CRL of the intermediate with chosen dates; `expiredCertsOnCrl` adds that extension (OID 2.5.29.60). */
  intermediateCrl(dates: { thisUpdate: Date; nextUpdate: Date; expiredCertsOnCrl?: Date }): Promise<Buffer>;
  /** PKCS#12 files of `rsa` and `ecdsa`, OpenSSL 3 default (AES-256/PBKDF2) and -legacy (3DES). */
  p12: { rsa: Buffer; rsaLegacy: Buffer; ecdsa: Buffer; ecdsaLegacy: Buffer };
  cleanup(): Promise<void>;
}

const CONFIG = `
[ca]
default_ca = ca_default
[ca_default]
dir = $ENV::CA_DIR
database = $dir/index.txt
new_certs_dir = $dir
serial = $dir/serial
crlnumber = $dir/crlnumber
default_md = sha256
policy = policy_any
unique_subject = no
preserve = yes
string_mask = utf8only
default_crl_days = 30
[policy_any]
countryName = optional
organizationName = optional
commonName = supplied
[req]
distinguished_name = dn
string_mask = utf8only
utf8 = yes
[dn]
[ca_ext]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[signer_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ocsp_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = OCSPSigning
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[tsa_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[agreement_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, keyAgreement
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

/** CAs outlive the 2020 certificate that is expired now, so it was valid once. */
const CA_VALIDITY = ['-startdate', '20190101000000Z', '-enddate', '20390101000000Z'];

interface Ca {
  dir: string;
  keyFile: string;
  certFile: string;
}

export interface TestPkiOptions {
  /** How long the CRLs stay current (30 days by default; longer for tests that move the clock to the year's end). */
  crlDays?: number;
  /** http addresses written into the signer certificates (AIA OCSP, CRL distribution point); none by default. */
  revocationUrls?: { ocsp?: string; crl?: string };
}

export async function createTestPki(options: TestPkiOptions = {}): Promise<TestPki> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-pki-'));
  const config = join(dir, 'openssl.cnf');
  await writeFile(config, withRevocationUrls(CONFIG, options.revocationUrls));
  const openssl = async (args: string[], caDir = dir) => run('openssl', args, { env: { ...process.env, CA_DIR: caDir } });

  const newKey = async (name: string, type: 'rsa' | 'ec'): Promise<string> => {
    const { privateKey } = type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const file = join(dir, `${name}.key`);
    await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    return file;
  };

  const newRoot = async (name: string, subject: string): Promise<Ca> => {
    const caDir = join(dir, name);
    await mkdir(caDir);
    await Promise.all([writeFile(join(caDir, 'index.txt'), ''), writeFile(join(caDir, 'serial'), '1000\n'), writeFile(join(caDir, 'crlnumber'), '1000\n')]);
    const keyFile = await newKey(name, 'ec');
    const csr = join(dir, `${name}.csr`);
    const certFile = join(dir, `${name}.pem`);
    await openssl(['req', '-config', config, '-new', '-key', keyFile, '-subj', subject, '-utf8', '-out', csr]);
    await openssl(['ca', '-config', config, '-batch', '-notext', '-selfsign', '-keyfile', keyFile, '-in', csr, '-out', certFile, '-extensions', 'ca_ext', ...CA_VALIDITY], caDir);
    return { dir: caDir, keyFile, certFile };
  };

  const issue = async (ca: Ca, name: string, subject: string, type: 'rsa' | 'ec', extensions: string, dates?: string[]) => {
    const keyFile = await newKey(name, type);
    const csr = join(dir, `${name}.csr`);
    const certFile = join(dir, `${name}.pem`);
    await openssl(['req', '-config', config, '-new', '-key', keyFile, '-subj', subject, '-utf8', '-out', csr]);
    const validity = dates ?? ['-startdate', yesterday(), '-days', '365'];
    await openssl(['ca', '-config', config, '-batch', '-notext', '-keyfile', ca.keyFile, '-cert', ca.certFile, '-in', csr, '-out', certFile, '-extensions', extensions, ...validity], ca.dir);
    return { keyFile, certFile };
  };

  const root = await newRoot('root', '/C=VN/O=VănThư Thử nghiệm/CN=VănThư Test Root CA');
  const sub = await issue(root, 'intermediate', '/C=VN/O=VănThư Thử nghiệm/CN=VănThư Test Sub CA', 'rsa', 'ca_ext', CA_VALIDITY);
  const intermediate: Ca = { dir: join(dir, 'intermediate-db'), ...sub };
  await mkdir(intermediate.dir);
  await Promise.all([writeFile(join(intermediate.dir, 'index.txt'), ''), writeFile(join(intermediate.dir, 'serial'), '2000\n'), writeFile(join(intermediate.dir, 'crlnumber'), '1000\n')]);
  const untrustedRoot = await newRoot('untrusted-root', '/C=VN/O=Không rõ/CN=Untrusted Test CA');

  const identity = async (ca: Ca, issued: { keyFile: string; certFile: string }): Promise<TestIdentity> => {
    const certificate = pemToDer(await readFile(issued.certFile, 'utf8'));
    const issuer = pemToDer(await readFile(ca.certFile, 'utf8'));
    const chainFile = issued.certFile.replace(/\.pem$/, '-chain.pem');
    await writeFile(chainFile, await readFile(ca.certFile));
    const serialNumber = new X509Certificate(certificate).serialNumber.toUpperCase();
    return { certificate, serialNumber, chain: [certificate, issuer], keyPem: await readFile(issued.keyFile, 'utf8'), ...issued, chainFile };
  };

  const rsa = await identity(intermediate, await issue(intermediate, 'rsa', SIGNER_SUBJECT, 'rsa', 'signer_ext'));
  const ecdsa = await identity(intermediate, await issue(intermediate, 'ecdsa', SIGNER_SUBJECT, 'ec', 'signer_ext'));
  const expired = await identity(intermediate, await issue(intermediate, 'expired', '/C=VN/O=Sở Nội vụ tỉnh Thái Nguyên/CN=Trần Thị Hết Hạn', 'ec', 'signer_ext', ['-startdate', '20200101000000Z', '-enddate', '20210101000000Z']));
  const revoked = await identity(intermediate, await issue(intermediate, 'revoked', '/C=VN/O=Sở Nội vụ tỉnh Thái Nguyên/CN=Lê Văn Thu Hồi', 'ec', 'signer_ext'));
  const noSigningUsage = await identity(intermediate, await issue(intermediate, 'agreement', '/C=VN/O=Sở Nội vụ tỉnh Thái Nguyên/CN=Phạm Văn Thoả Thuận', 'ec', 'agreement_ext'));
  const ocspResponder = options.revocationUrls
    ? await identity(intermediate, await issue(intermediate, 'ocsp', '/C=VN/O=VănThư Thử nghiệm/CN=VănThư Test OCSP Responder', 'ec', 'ocsp_ext'))
    : undefined;
  const untrusted = await identity(untrustedRoot, await issue(untrustedRoot, 'untrusted', '/C=VN/O=Không rõ/CN=Hoàng Văn Lạ', 'ec', 'signer_ext'));
  const tsa = await identity(intermediate, await issue(intermediate, 'tsa', '/C=VN/O=VănThư Thử nghiệm/CN=VănThư Test TSA', 'ec', 'tsa_ext', CA_VALIDITY));

  await openssl(['ca', '-config', config, '-keyfile', intermediate.keyFile, '-cert', intermediate.certFile, '-revoke', revoked.certFile, '-crl_reason', 'keyCompromise'], intermediate.dir);
  const crl = async (ca: Ca, name: string) => {
    const file = join(dir, `${name}.crl`);
    await openssl(['ca', '-config', config, '-gencrl', '-crldays', String(options.crlDays ?? 30), '-keyfile', ca.keyFile, '-cert', ca.certFile, '-out', file], ca.dir);
    const { stdout } = await run('openssl', ['crl', '-in', file, '-outform', 'DER'], { encoding: 'buffer' });
    return stdout;
  };
  const crls = [await crl(root, 'root'), await crl(intermediate, 'intermediate')];

  const p12 = async (who: TestIdentity, legacy: boolean) => {
    const { stdout } = await run(
      'openssl',
      ['pkcs12', '-export', '-inkey', who.keyFile, '-in', who.certFile, '-certfile', who.chainFile, '-passout', `pass:${P12_PASSWORD}`, ...(legacy ? ['-legacy'] : [])],
      { encoding: 'buffer' },
    );
    return stdout;
  };

  return {
    dir,
    root: pemToDer(await readFile(root.certFile, 'utf8')),
    rootFile: root.certFile,
    untrustedRoot: pemToDer(await readFile(untrustedRoot.certFile, 'utf8')),
    rsa,
    ecdsa,
    expired,
    revoked,
    noSigningUsage,
    untrusted,
    crls,
    intermediate: { certFile: intermediate.certFile, keyFile: intermediate.keyFile, indexFile: join(intermediate.dir, 'index.txt') },
    ocspResponder,
    tsa,
    issueSigner: async (name, commonName, notBefore, notAfter) =>
      identity(intermediate, await issue(intermediate, name, `/C=VN/O=Sở Nội vụ tỉnh Thái Nguyên/CN=${commonName}`, 'ec', 'signer_ext', ['-startdate', opensslTime(notBefore), '-enddate', opensslTime(notAfter)])),
    intermediateCrl: async ({ thisUpdate, nextUpdate, expiredCertsOnCrl }) => {
      const name = `crl-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      let crlConfig = config;
      const extensions: string[] = [];
      if (expiredCertsOnCrl) {
        // No name for it in OpenSSL: the DER of a GeneralizedTime, written as an arbitrary extension.
        const time = Buffer.from(opensslTime(expiredCertsOnCrl), 'latin1');
        crlConfig = join(dir, `${name}.cnf`);
        await writeFile(crlConfig, `${await readFile(config, 'utf8')}\n[crl_ext]\n2.5.29.60 = DER:18${time.length.toString(16).padStart(2, '0')}${time.toString('hex')}\n`);
        extensions.push('-crlexts', 'crl_ext');
      }
      const file = join(dir, `${name}.crl`);
      await run('openssl', ['ca', '-config', crlConfig, '-gencrl', '-crl_lastupdate', opensslTime(thisUpdate), '-crl_nextupdate', opensslTime(nextUpdate), ...extensions, '-keyfile', intermediate.keyFile, '-cert', intermediate.certFile, '-out', file], {
        env: { ...process.env, CA_DIR: intermediate.dir },
      });
      return (await run('openssl', ['crl', '-in', file, '-outform', 'DER'], { encoding: 'buffer' })).stdout;
    },
    p12: { rsa: await p12(rsa, false), rsaLegacy: await p12(rsa, true), ecdsa: await p12(ecdsa, false), ecdsaLegacy: await p12(ecdsa, true) },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

function withRevocationUrls(config: string, urls: TestPkiOptions['revocationUrls']): string {
  const lines = [urls?.ocsp && `authorityInfoAccess = OCSP;URI:${urls.ocsp}`, urls?.crl && `crlDistributionPoints = URI:${urls.crl}`].filter(Boolean);
  return lines.length ? config.replace('[signer_ext]\n', `[signer_ext]\n${lines.join('\n')}\n`) : config;
}

export function pemToDer(pem: string): Buffer {
  return Buffer.from(new X509Certificate(pem).raw);
}

function yesterday(): string {
  return opensslTime(new Date(Date.now() - 86_400_000));
}

/** YYYYMMDDHHMMSSZ, as openssl ca takes dates. */
function opensslTime(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
}

/** A KeySigner straight from a test identity's PEM key, for tests about certificates rather than key storage. */
export function keySigner(identity: TestIdentity): KeySigner {
  const key = createPrivateKey(identity.keyPem);
  return {
    algorithm: key.asymmetricKeyType === 'rsa' ? 'RSA' : 'ECDSA',
    certificateChain: async () => identity.chain,
    sign: async (data) => sign('sha256', data, { key, dsaEncoding: 'der' }),
  };
}
