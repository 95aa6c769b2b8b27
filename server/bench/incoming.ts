/**
 * Registration throughput over real HTTP on loopback: the path a clerk's request takes
 * (session, CSRF, validation, numbering, audit), files excluded; 1, 8 and 32 concurrent clients
 * on one agency's register, then a gap check of the numbers given.
 */
import { sql } from 'kysely';
import type { DatabaseHandle } from '../src/infra/db/create-db.js';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { runLoad } from './http-load.js';

const BODY = JSON.stringify({
  source: 'paper',
  issuerName: 'Ủy ban nhân dân tỉnh Thái Nguyên',
  typeName: 'Công văn',
  codeNumber: '{i}',
  codeNotation: 'UBND-NC',
  subject: 'Về việc triển khai nhiệm vụ số {i}',
});

export async function benchIncoming(label: string, app: FastifyInstance, handle: DatabaseHandle): Promise<string[]> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'vanthu.snv', password: 'demo' }) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
  const lines: string[] = [];
  let sent = 0;
  for (const clients of [1, 8, 32]) {
    // What autovacuum does on a live server; without statistics the planner misses the duplicate check's index.
    await sql`analyze`.execute(handle.db);
    const count = clients === 1 ? 500 : 3000;
    const { ms, statuses } = await runLoad({ port, clients, count, path: '/api/incoming', headers, bodyTemplate: BODY, firstIndex: sent + 1 });
    sent += count;
    const failed = count - (statuses[201] ?? 0);
    const gaps = await sql<{ n: number; max: number; distinct: number }>`
      select count(*)::int as n, max(arrival_number) as max, count(distinct arrival_number)::int as distinct from incoming_document`.execute(handle.db);
    const g = gaps.rows[0];
    const gapFree = g.n === g.max && g.distinct === g.n;
    lines.push(
      `${label.padEnd(20)} ${`register incoming over HTTP, ${clients} client${clients > 1 ? 's' : ''}`.padEnd(44)} ${((count / ms) * 1000).toFixed(0).padStart(7)} /s   (${count} in ${ms.toFixed(0)} ms; ${failed} failed; numbers 1…${g.max} ${gapFree ? 'gap-free' : 'GAP OR DUPLICATE!'})`,
    );
    if (!gapFree) process.exitCode = 1;
  }
  return lines;
}
