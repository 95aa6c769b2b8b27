/**
 * Remote signing requests in flight: sent to the provider for a signing session, then
 * polled by the server (not by each browser request, so the provider sees one steady rate) until
 * the person confirms, refuses, or time runs out. Returned values are checked against the
 * prepared documents and the registered certificate before anyone may see them; the browser
 * then completes the session through the object's own route, as with the signing agent.
 *
 * Kept in memory: a request lives minutes and dies with its signing session; after a restart
 * the person simply asks again. Nothing here runs inside a database transaction, since the
 * provider is slow and PGlite has one connection; audit entries get short transactions of their own.
 */
import type { Ctx } from '../../infra/context.js';
import { requireActor } from '../../infra/context.js';
import { inTransaction } from '../../infra/db/database.js';
import { recordAudit, type AuditDetails, type AuditEntry } from '../../infra/audit/audit.js';
import { AppError, notFound } from '../../shared/errors.js';
import { rememberRemoteAccount, remoteAccountOf } from '../devices/service.js';
import { sha256 } from '../signer.js';
import { checkReturned } from './check.js';
import { RemoteSigningError, remoteMessages } from './errors.js';
import type { RemoteSigningService, RemoteStatus } from './remote-signer.js';
import { remoteBatch, type RemoteBatch } from './session-read.js';

export type RemoteState = 'pending' | 'signed' | 'rejected' | 'expired';

export interface RemoteView {
  state: RemoteState;
  transactionId: string;
  expiresAt: string;
  /** One file: what the agent answers as `signature`; several: `signatures`, in the request's order. */
  signature?: string;
  signatures?: string[];
  certificateChain?: string[];
  message?: string;
}

interface Entry {
  ctx: Ctx;
  userId: string;
  batch: RemoteBatch;
  account: string;
  view: RemoteView;
  /** Date.now() after which the server stops waiting. */
  deadline: number;
  mismatch?: boolean;
  timer?: NodeJS.Timeout;
}

/** Finished requests stay readable this long, so a browser that was away still learns the outcome. */
const KEEP_MS = 15 * 60_000;

export class RemoteTransactions {
  private readonly entries = new Map<string, Entry>();
  /** Sessions whose request is on its way to the provider: a double click must not send two. */
  private readonly sending = new Set<string>();
  private closed = false;

  constructor(
    private readonly service: RemoteSigningService,
    private readonly onError: (message: string, err: unknown) => void = () => undefined,
  ) {}

  async submit(ctx: Ctx, sessionId: string, input: { account?: string; description?: string; request?: Buffer[] }): Promise<{ transactionId: string; expiresAt: string }> {
    const batch = await remoteBatch(ctx, sessionId, input.request);
    // Without an account typed, the one last used with this certificate.
    const account = input.account || (await remoteAccountOf(ctx.db, batch.certificate.id));
    if (!account) throw new AppError('VALIDATION_FAILED', 'Nhập tài khoản của bạn tại dịch vụ ký số từ xa.', [{ field: 'account' }]);
    const running = this.entries.get(sessionId);
    if (running?.view.state === 'pending' || this.sending.has(sessionId)) throw new RemoteSigningError('REMOTE_PENDING', 'Yêu cầu ký đã được gửi và đang chờ xác nhận trên điện thoại.');
    const items = batch.toBeSigned.map((toBeSigned) => ({ toBeSigned, digest: sha256(toBeSigned), algorithm: batch.certificate.algorithm }));
    // The person compares this with what the signing page shows (the prepared session's digest).
    const description = `VănThư: ${input.description?.trim() || (batch.purpose === 'personal' ? 'ký số văn bản' : 'ký số của cơ quan')} (${items.length} tệp; mã ${items[0].digest.toString('hex').slice(0, 8)})`;
    const facts = { sessionIds: batch.sessionIds, account, certificateId: batch.certificate.id, items: items.length };
    let tx;
    this.sending.add(sessionId);
    try {
      tx = await this.service.signer.submit({ account, certificate: batch.certificate.der, items, description });
    } catch (err) {
      await this.audit(ctx, batch, 'signing.remote_submit_failed', { ...facts, reason: err instanceof RemoteSigningError ? err.reason : 'UNKNOWN' });
      throw err;
    } finally {
      this.sending.delete(sessionId);
    }
    await this.audit(ctx, batch, 'signing.remote_submit', { ...facts, transactionId: tx.transactionId });
    const deadline = Math.min(tx.expiresAt.getTime(), Date.now() + this.service.timeoutMs);
    const entry: Entry = { ctx, userId: requireActor(ctx).userId, batch, account, deadline, view: { state: 'pending', transactionId: tx.transactionId, expiresAt: tx.expiresAt.toISOString() } };
    clearTimeout(running?.timer);
    this.entries.set(sessionId, entry);
    this.schedule(entry, this.service.pollIntervalMs, () => this.poll(entry));
    return { transactionId: tx.transactionId, expiresAt: entry.view.expiresAt };
  }

  /** The request for the actor's own session; another person's answers like a missing one. */
  view(ctx: Ctx, sessionId: string): RemoteView {
    const entry = this.entries.get(sessionId);
    if (!entry || entry.userId !== requireActor(ctx).userId) throw notFound('Yêu cầu ký số từ xa của phiên này');
    if (entry.mismatch) throw new RemoteSigningError('REMOTE_SIGNATURE_MISMATCH', remoteMessages.mismatch, { transactionId: entry.view.transactionId });
    return entry.view;
  }

  close(): void {
    this.closed = true;
    for (const entry of this.entries.values()) clearTimeout(entry.timer);
    this.entries.clear();
  }

  private async poll(entry: Entry): Promise<void> {
    let status: RemoteStatus | undefined;
    try {
      status = await this.service.signer.status(entry.view.transactionId);
    } catch (err) {
      // A provider that does not answer for a moment is asked again until the deadline.
      this.onError('remote signing status failed', err);
    }
    if (this.closed) return;
    if (!status || status.state === 'pending') {
      if (Date.now() < entry.deadline) return this.schedule(entry, this.service.pollIntervalMs, () => this.poll(entry));
      status = { state: 'expired' };
    }
    await this.finish(entry, status);
  }

  private async finish(entry: Entry, status: Exclude<RemoteStatus, { state: 'pending' }>): Promise<void> {
    const { view, batch } = entry;
    let outcome: string = status.state;
    let mismatch = false;
    if (status.state === 'signed') {
      const checked = await checkReturned(entry.ctx.db, batch, status);
      if (checked) {
        Object.assign(view, batch.sessionIds.length === 1 ? { signature: checked.signatures[0] } : { signatures: checked.signatures }, { certificateChain: checked.certificateChain });
        // Only an account that really signed with this key is offered next time.
        await rememberRemoteAccount(entry.ctx.db, batch.certificate.id, entry.account);
      } else {
        mismatch = true;
        outcome = 'mismatch';
      }
    }
    if (status.state === 'rejected') view.message = status.message ? `${remoteMessages.rejected} (${status.message})` : remoteMessages.rejected;
    if (status.state === 'expired') view.message = remoteMessages.expired;
    try {
      await this.audit(entry.ctx, batch, `signing.remote_${outcome}`, { sessionIds: batch.sessionIds, transactionId: view.transactionId, account: entry.account });
    } finally {
      // Set after the audit entry, so whoever sees the outcome (a mismatch too) also finds it in the log.
      entry.mismatch = mismatch;
      view.state = status.state;
      const key = batch.sessionIds[0];
      this.schedule(entry, KEEP_MS, async () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      });
    }
  }

  private schedule(entry: Entry, ms: number, run: () => Promise<void>): void {
    if (this.closed) return;
    entry.timer = setTimeout(() => void run().catch((err) => this.onError('remote signing poll failed', err)), ms);
    entry.timer.unref();
  }

  private async audit(ctx: Ctx, batch: RemoteBatch, action: string, details: AuditDetails): Promise<void> {
    const entry: AuditEntry = { action, objectType: batch.objectType, objectId: batch.objectId, details };
    await inTransaction(ctx.db, (trx) => recordAudit({ ...ctx, db: trx }, entry));
  }
}
