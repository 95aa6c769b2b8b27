import { loadConfig } from './config/env.js';
import { DataDirLockedError } from './infra/db/lock.js';
import { systemClock } from './infra/time/clock.js';
import { openRuntime } from './runtime.js';
import { buildApp } from './app.js';
import { seedDemoIfEmpty } from './demo/seed.js';
import { OfficeConverter } from './infra/convert/index.js';
import { join } from 'node:path';
import { createRevocationChecker } from './signing/revocation/checker.js';
import { useRevocationChecker } from './signing/trust-list.js';
import { HttpRemoteSigner } from './signing/remote/http-signer.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await openRuntime(config);
  if (config.demo) {
    const seeded = await seedDemoIfEmpty(runtime.db, systemClock, runtime.files);
    if (seeded) console.log('Đã nạp dữ liệu mẫu (tỉnh Thái Nguyên). Mật khẩu mọi tài khoản mẫu: demo');
  }
  // Drafts in office formats become PDF; the queue's scratch space lives in the data folder.
  const converter = new OfficeConverter({ workDir: join(config.dataDir, 'convert') });
  // One revocation checker for the process, so OCSP answers and downloaded CRLs serve every
  // verification. Routes get it through Services; incoming, outgoing and copies call
  // verifyWithTrustList without it, so it is also installed as the signing module's default.
  const revocation = createRevocationChecker(config.revocation);
  useRevocationChecker(revocation);
  const remote = config.remoteSigning;
  const remoteSigning = remote && { signer: new HttpRemoteSigner(remote), name: remote.name, pollIntervalMs: remote.pollIntervalMs, timeoutMs: remote.timeoutMs };
  const app = await buildApp({
    db: runtime.db,
    engine: runtime.engine,
    clock: systemClock,
    files: runtime.files,
    secureCookies: config.secureCookies,
    webDist: config.webDist,
    logger: true,
    trustProxy: config.trustProxy,
    fontDir: config.fontDir,
    converter,
    revocation,
    remoteSigning,
  });
  // Every server process runs a worker: jobs are claimed from the database, each by one node.
  runtime.startJobs({ clock: systemClock, converter, log: (msg) => app.log.error(msg) });
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'stopping');
    await app.close();
    // Jobs in hand finish (a conversion needs the converter), then the database closes.
    await runtime.shutdown();
    await converter.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(`VănThư đang chạy tại http://localhost:${config.port} (cơ sở dữ liệu: ${runtime.engine === 'pglite' ? `PGlite nhúng trong ${config.dataDir}` : 'PostgreSQL'})`);
}

main().catch((err) => {
  if (err instanceof DataDirLockedError) console.error(err.message);
  else console.error('Không khởi động được VănThư:', err instanceof Error ? err.message : err);
  process.exit(1);
});
