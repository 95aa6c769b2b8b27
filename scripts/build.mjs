#!/usr/bin/env node
/**
 * Builds what production runs: the server's TypeScript to JavaScript in server/dist (esbuild, one
 * output file per source file, ESM, source maps; type checking is `npm run typecheck`'s job) and
 * the web UI to web/dist (Vite).
 *
 *   node scripts/build.mjs [server] [web] [--if-changed]
 *
 * With --if-changed a part is rebuilt only when its inputs changed: a SHA-256 of every input file
 * (path and content, so a fresh clone or a checkout with new timestamps is not "changed") is kept
 * in <dist>/.build-stamp and compared.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const LOCK = join(ROOT, 'package-lock.json');

/** Tests and test kits stay out of the build: they import vitest and the test harness. */
const isTestOnly = (rel) => /\.test\.ts$|(^|\/)testkit\.ts$|scenario\.ts$|(^|\/)testing\//.test(rel);

function walk(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), base) : [relative(base, join(dir, e.name))]))
    .sort();
}

function stampOf(files) {
  const hash = createHash('sha256');
  for (const file of files.filter(existsSync).sort()) {
    if (statSync(file).isDirectory()) continue;
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * A module named by URL rather than imported (a task the isolate's worker loads, `new URL('./x.ts',
 * import.meta.url)`) must name its compiled sibling in the build, as bundlers do for such URLs.
 */
const compiledModuleUrls = {
  name: 'compiled-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replace(/new URL\((['"])(\.{1,2}\/[^'"]+)\.ts\1,(\s*)import\.meta\.url\)/g, 'new URL($1$2.js$1,$3import.meta.url)');
      return { contents, loader: 'ts' };
    });
  },
};

const PARTS = {
  server: {
    dist: join(ROOT, 'server', 'dist'),
    inputs() {
      const src = join(ROOT, 'server', 'src');
      return [...walk(src).filter((f) => !isTestOnly(f)).map((f) => join(src, f)), join(ROOT, 'server', 'package.json'), join(ROOT, 'tsconfig.base.json'), LOCK, SELF];
    },
    async build(stamp) {
      const { build } = await import('esbuild');
      const src = join(ROOT, 'server', 'src');
      // Built beside and swapped in whole, so a server starting meanwhile never sees half a build.
      const dist = `${this.dist}.new-${process.pid}`;
      const files = walk(src).filter((f) => !isTestOnly(f));
      rmSync(dist, { recursive: true, force: true });
      await build({
        entryPoints: files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => join(src, f)),
        outdir: dist,
        outbase: src,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        sourcemap: true,
        tsconfig: join(ROOT, 'server', 'tsconfig.json'),
        logLevel: 'warning',
        plugins: [compiledModuleUrls],
      });
      // Plain JavaScript read at run time (the isolate's worker entry) is copied as it is.
      for (const f of files.filter((f) => f.endsWith('.mjs') || f.endsWith('.js') || f.endsWith('.json'))) {
        mkdirSync(dirname(join(dist, f)), { recursive: true });
        cpSync(join(src, f), join(dist, f));
      }
      writeFileSync(join(dist, '.build-stamp'), `${stamp}\n`);
      const old = `${this.dist}.old-${process.pid}`;
      if (existsSync(this.dist)) renameSync(this.dist, old);
      renameSync(dist, this.dist);
      rmSync(old, { recursive: true, force: true });
    },
  },
  web: {
    dist: join(ROOT, 'web', 'dist'),
    inputs() {
      const web = join(ROOT, 'web');
      const top = readdirSync(web).filter((f) => /^(index\.html|package\.json|tsconfig.*\.json|vite\.config\..*)$/.test(f));
      return [...top.map((f) => join(web, f)), ...['src', 'public'].flatMap((d) => walk(join(web, d)).map((f) => join(web, d, f))), LOCK];
    },
    async build(stamp) {
      const run = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: ROOT, stdio: 'inherit' });
      if (run.status !== 0) throw new Error(`web build failed (${run.status ?? run.signal})`);
      writeFileSync(join(this.dist, '.build-stamp'), `${stamp}\n`);
    },
  },
};

const args = process.argv.slice(2);
const ifChanged = args.includes('--if-changed');
const wanted = args.filter((a) => !a.startsWith('--'));
for (const name of wanted.length ? wanted : Object.keys(PARTS)) {
  const part = PARTS[name];
  if (!part) {
    console.error(`Cách dùng: node scripts/build.mjs [server] [web] [--if-changed] (không biết "${name}")`);
    process.exit(2);
  }
  const stampFile = join(part.dist, '.build-stamp');
  const stamp = stampOf(part.inputs());
  const current = () => existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === stamp;
  if (ifChanged && current()) continue;
  // Two builds at once (test files run in parallel, two terminals) take turns; the second usually
  // finds the first one's result current.
  const release = await lock(`${part.dist}.lock`);
  try {
    if (ifChanged && current()) continue;
    const began = Date.now();
    await part.build(stamp);
    console.log(`Đã dựng ${name} (${((Date.now() - began) / 1000).toFixed(1)} s) → ${relative(ROOT, part.dist)}`);
  } finally {
    release();
  }
}

/** A directory as a lock (mkdir is atomic); one left by a build that died is taken over after 5 minutes. */
async function lock(path) {
  for (;;) {
    try {
      mkdirSync(path);
      return () => rmSync(path, { recursive: true, force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (Date.now() - statSync(path, { throwIfNoEntry: false })?.mtimeMs > 5 * 60_000) rmSync(path, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 100));
    }
  }
}
