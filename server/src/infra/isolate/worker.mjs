// Runs the jobs of one isolated worker thread (isolate.ts). Plain JavaScript so that it starts
// without a loader; the task modules are TypeScript, read through tsx like the rest of the server.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();

/** Structured cloning turns a Buffer into a plain Uint8Array; the tasks expect Buffers. */
function revive(value) {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

parentPort.on('message', async ({ id, module, fn, args }) => {
  try {
    const loaded = await import(module);
    if (typeof loaded[fn] !== 'function') throw new Error(`${module} has no function ${fn}`);
    // The job's time counts from here: loading the module (once per worker) is not the file's fault.
    parentPort.postMessage({ id, started: true });
    parentPort.postMessage({ id, ok: true, value: await loaded[fn](...revive(args)) });
  } catch (err) {
    // What the main thread needs to raise the same refusal: the AppError's code, message, details.
    const e = err ?? {};
    parentPort.postMessage({ id, ok: false, error: { name: e.name, message: String(e.message ?? e), code: typeof e.code === 'string' ? e.code : undefined, details: safeClone(e.details), stack: e.stack } });
  }
});

function safeClone(value) {
  try {
    return structuredClone(value);
  } catch {
    return undefined;
  }
}
