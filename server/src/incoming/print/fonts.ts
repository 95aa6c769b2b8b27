/** The printed forms use the shared font settings. */
export { FONT_FILES, fontPaths, resolveFontDir, type FontStyle } from '../../infra/fonts.js';
