// The load generator of bench/http-load.ts, in plain JavaScript: a worker thread cannot load TypeScript here.
import { connect } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

/** @param {import('./http-load.ts').LoadPlan} plan @param {number} i */
function request(plan, i) {
  const body = Buffer.from(plan.bodyTemplate.replaceAll('{i}', String(i + plan.firstIndex)));
  const head = Object.entries({ ...plan.headers, host: `127.0.0.1:${plan.port}`, 'content-length': String(body.length) })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return Buffer.concat([Buffer.from(`POST ${plan.path} HTTP/1.1\r\n${head}\r\n`), body]);
}

/** One keep-alive socket: a request, its whole response, the next request. */
function client(plan, state) {
  return new Promise((resolve, reject) => {
    const socket = connect(plan.port, '127.0.0.1');
    let pending = Buffer.alloc(0);
    const send = () => (state.next < plan.count ? socket.write(request(plan, state.next++)) : socket.end(resolve));
    socket.on('connect', send);
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      const headEnd = pending.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const head = pending.subarray(0, headEnd).toString('latin1');
      const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      if (pending.length < headEnd + 4 + length) return;
      const status = Number(head.slice(9, 12));
      state.statuses[status] = (state.statuses[status] ?? 0) + 1;
      pending = pending.subarray(headEnd + 4 + length);
      send();
    });
  });
}

const plan = workerData;
const state = { next: 0, statuses: {} };
const start = performance.now();
await Promise.all(Array.from({ length: plan.clients }, () => client(plan, state)));
parentPort.postMessage({ ms: performance.now() - start, statuses: state.statuses });
