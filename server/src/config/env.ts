import { resolve } from 'node:path';

/** Everything the server reads from the environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** When set, a PostgreSQL server; otherwise the embedded PGlite in `dataDir/pgdata`. */
  databaseUrl?: string;
  /** Load the demo province on first start. Never in production. */
  demo: boolean;
  production: boolean;
  /** Serve the built web UI from this folder when it exists. */
  webDist: string;
  maxUploadBytes: number;
  secureCookies: boolean;
  /** Reverse proxies whose X-Forwarded-For is believed, so the audit log records the real client address. */
  trustProxy: boolean | string[];
  /** Fonts for printed forms and stamps (four Liberation Serif file names); default: the bundled ones. */
  fontDir?: string;
  revocation: RevocationConfig;
  /** A remote signing service (VNPT SmartCA / Viettel MySign kind), Q-5.4; off when the URL is unset. */
  remoteSigning?: RemoteSigningConfig;
}

/** The provider's API (see signing/remote/http-signer.ts for the protocol) and how long to wait for the person. */
export interface RemoteSigningConfig {
  url: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the signing button, e.g. "VNPT SmartCA". */
  name: string;
  /** How often the server asks the provider whether the person has confirmed. */
  pollIntervalMs: number;
  /** How long to wait for the confirmation on the phone; a signing session lives 15 minutes. */
  timeoutMs: number;
}

/** Online revocation checks of signers' certificates (OCSP, CRL download), issue 4. */
export interface RevocationConfig {
  /** Off (VANTHU_REVOCATION_ONLINE=0) for air-gapped agencies: only imported CRLs count. */
  online: boolean;
  /** Per HTTP request to an OCSP responder or CRL address. */
  timeoutMs: number;
  /** For all requests of one verification; the caller usually holds a database transaction. */
  budgetMs: number;
}

function flag(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT không hợp lệ: ${env.PORT}`);
  const maxUploadMb = Number(env.VANTHU_MAX_UPLOAD_MB ?? 100);
  if (!(maxUploadMb > 0)) throw new Error(`VANTHU_MAX_UPLOAD_MB không hợp lệ: ${env.VANTHU_MAX_UPLOAD_MB}`);
  const demo = flag(env.VANTHU_DEMO);
  if (demo && production) throw new Error('VANTHU_DEMO không được bật ở chế độ production (NODE_ENV=production).');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    // Relative paths are from where the user ran npm (INIT_CWD), not the server workspace npm switches to.
    dataDir: resolve(env.INIT_CWD ?? process.cwd(), env.VANTHU_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demo,
    production,
    webDist: resolve(env.VANTHU_WEB_DIST ?? new URL('../../../web/dist', import.meta.url).pathname),
    maxUploadBytes: Math.round(maxUploadMb * 1024 * 1024),
    secureCookies: production || flag(env.VANTHU_SECURE_COOKIES),
    trustProxy: parseTrustProxy(env.VANTHU_TRUST_PROXY),
    fontDir: env.VANTHU_FONT_DIR ? resolve(env.INIT_CWD ?? process.cwd(), env.VANTHU_FONT_DIR) : undefined,
    revocation: loadRevocationConfig(env),
    remoteSigning: loadRemoteSigningConfig(env, production),
  };
}

export function loadRemoteSigningConfig(env: NodeJS.ProcessEnv = process.env, production = env.NODE_ENV === 'production'): RemoteSigningConfig | undefined {
  const url = env.VANTHU_REMOTE_SIGNING_URL?.trim();
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`VANTHU_REMOTE_SIGNING_URL không hợp lệ: ${url}`);
  }
  // The client secret and the persons' account ids cross this link.
  if (parsed.protocol !== 'https:' && (production || parsed.protocol !== 'http:')) throw new Error('VANTHU_REMOTE_SIGNING_URL phải dùng https:// (http:// chỉ dùng khi phát triển).');
  const clientId = env.VANTHU_REMOTE_SIGNING_CLIENT_ID;
  const clientSecret = env.VANTHU_REMOTE_SIGNING_CLIENT_SECRET;
  if (!clientId || !clientSecret) throw new Error('Cần đặt VANTHU_REMOTE_SIGNING_CLIENT_ID và VANTHU_REMOTE_SIGNING_CLIENT_SECRET khi bật dịch vụ ký số từ xa.');
  const whole = (name: string, fallback: number, min: number, max: number): number => {
    const value = Number(env[name] || fallback);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} không hợp lệ (${min}–${max}): ${env[name]}`);
    return value;
  };
  return {
    url: url.replace(/\/+$/, ''),
    clientId,
    clientSecret,
    name: env.VANTHU_REMOTE_SIGNING_NAME?.trim() || 'Dịch vụ ký số từ xa',
    pollIntervalMs: whole('VANTHU_REMOTE_SIGNING_POLL_MS', 2000, 100, 60_000),
    timeoutMs: whole('VANTHU_REMOTE_SIGNING_TIMEOUT_S', 300, 10, 900) * 1000,
  };
}

export function loadRevocationConfig(env: NodeJS.ProcessEnv = process.env): RevocationConfig {
  const ms = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value <= 0 || value > 60_000) throw new Error(`${name} không hợp lệ (số mili giây, 1–60000): ${env[name]}`);
    return value;
  };
  const online = env.VANTHU_REVOCATION_ONLINE;
  return {
    online: online === undefined || online === '' || flag(online),
    timeoutMs: ms('VANTHU_REVOCATION_TIMEOUT_MS', 3000),
    budgetMs: ms('VANTHU_REVOCATION_BUDGET_MS', 5000),
  };
}

function parseTrustProxy(value: string | undefined): boolean | string[] {
  if (!value || ['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  if (flag(value)) return true;
  return value.split(',').map((v) => v.trim()).filter(Boolean);
}
