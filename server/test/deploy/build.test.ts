/**
 * The production build (scripts/build.mjs → server/dist) runs what the sources run: every file a
 * module names by URL (isolate tasks, the worker entry, the bundled fonts, the web UI) exists from
 * the compiled layout, no test code is shipped, and the heavy libraries stay out of the start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIST = join(ROOT, 'server', 'dist');
const WEB_DIST = resolve(ROOT, 'web', 'dist');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('the production build (server/dist)', () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), 'server', '--if-changed'], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
  }, 120_000);

  it('every file named by new URL(…, import.meta.url) exists next to the compiled module', () => {
    const named: string[] = [];
    for (const file of walk(DIST).filter((f) => f.endsWith('.js'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/new URL\(\s*["'](\.{1,2}\/[^"']*)["'],\s*import\.meta\.url\s*\)/g)) {
        const target = resolve(dirname(file), m[1]!);
        named.push(`${relative(DIST, file)} → ${m[1]}`);
        // The web UI is its own build step (it may not have run yet): only where the server looks matters.
        const found = target.startsWith(WEB_DIST) ? target === WEB_DIST : existsSync(target);
        expect(found, `${relative(DIST, file)} names ${m[1]}`).toBe(true);
      }
    }
    // The isolate's tasks and worker, the fonts and the web UI's folder at least.
    expect(named.length).toBeGreaterThanOrEqual(5);
    expect(named.some((n) => n.includes('worker.mjs'))).toBe(true);
  });

  it('ships no tests or test kits, and has a source map for each module', () => {
    const files = walk(DIST).map((f) => relative(DIST, f));
    expect(files.filter((f) => /\.test\.js$|(^|\/)testkit\.js$|(^|\/)testing\//.test(f))).toEqual([]);
    const modules = files.filter((f) => f.endsWith('.js'));
    expect(modules.length).toBeGreaterThan(100);
    for (const f of modules) expect(files, f).toContain(`${f}.map`);
  });

  it('starting the server does not load exceljs, pdfmake or their dependencies (loaded on first use)', () => {
    const probe = `
      import { createRequire } from 'node:module';
      await import(${JSON.stringify(join(DIST, 'app.js'))});
      await import(${JSON.stringify(join(DIST, 'runtime.js'))});
      await import(${JSON.stringify(join(DIST, 'demo', 'seed.js'))});
      const cache = createRequire(import.meta.url)('node:module')._cache;
      console.log(JSON.stringify(Object.keys(cache)));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8', cwd: join(ROOT, 'server') });
    expect(run.status, run.stderr).toBe(0);
    const loaded = JSON.parse(run.stdout.trim().split('\n').pop()!) as string[];
    expect(loaded.length).toBeGreaterThan(50);
    for (const heavy of ['/node_modules/exceljs/', '/node_modules/pdfmake/', '/node_modules/jszip/']) {
      expect(loaded.filter((f) => f.includes(heavy)), heavy).toEqual([]);
    }
  });
});
