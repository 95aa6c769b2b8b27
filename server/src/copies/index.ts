/**
 * Bản sao văn bản (copies of documents, NĐ 30 Điều 25–27, Phụ lục I Phần II), issues 3–4:
 *   sao y / sao lục / trích sao   CopyForm: 'SAO Y' | 'SAO LỤC' | 'TRÍCH SAO'
 *   số, ký hiệu bản sao           one yearly series per agency for all forms ("05/SY-SNV"), register kind 'copy'
 *   bản sao điện tử (số hóa)      direction 'digitised': a paper document's scan signed by the agency (Q-11.2b, Q-8.2b)
 *   bản sao giấy                  direction 'printed': the pages plus the copy block, to print and sign by hand (Q-11.2c)
 * Sources are incoming documents for now; the copy keeps only their type and id.
 */
import type { AppModule } from '../infra/module.js';
import { copyMigrations } from './migrations.js';
import { copyRoutes } from './routes.js';
import { copyFileHolders } from './file-holders.js';

export const copiesModule: AppModule = { name: 'copies', prefix: 'copies', migrations: copyMigrations, routes: copyRoutes, fileHolders: copyFileHolders };
export { COPY_SYMBOLS, copyNotation } from './numbering.js';
