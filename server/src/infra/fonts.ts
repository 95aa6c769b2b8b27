import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled Liberation Serif 2 (Times New Roman metrics), relative to this module so it works from any cwd. */
const BUNDLED_FONT_DIR = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));

/**
 * File names looked up in the font folder. An agency supplying Times New Roman uses these same
 * names, so switching fonts is a matter of pointing at another folder.
 */
export const FONT_FILES = {
  normal: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italics: 'LiberationSerif-Italic.ttf',
  bolditalics: 'LiberationSerif-BoldItalic.ttf',
} as const;

export type FontStyle = keyof typeof FONT_FILES;

/** The folder given, else the bundled one. */
export function resolveFontDir(dir?: string | null): string {
  return dir ? resolve(dir) : resolve(BUNDLED_FONT_DIR);
}

/** Absolute paths of the four styles; fails early, naming the missing files, rather than mid-document. */
export function fontPaths(dir?: string | null): Record<FontStyle, string> {
  const base = resolveFontDir(dir);
  const paths = Object.fromEntries(Object.entries(FONT_FILES).map(([style, file]) => [style, join(base, file)])) as Record<FontStyle, string>;
  const missing = Object.values(paths).filter((p) => !existsSync(p));
  if (missing.length) throw new Error(`Fonts missing: ${missing.join(', ')}`);
  return paths;
}
