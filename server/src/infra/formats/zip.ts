import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

/** What a ZIP says about its own type: ODF stores a `mimetype` entry, OOXML a `[Content_Types].xml`. */
export interface ZipFacts {
  mimetype?: string;
  /** Lower-cased ContentType values (Default and Override). */
  contentTypes?: string[];
}

/** A zip with more entries than this without either marker is not an office document. */
const MAX_ENTRIES = 10_000;
const MAX_MIMETYPE_BYTES = 256;
/** Real [Content_Types].xml files are a few KiB; a prefix is enough even if one is bigger. */
const MAX_CONTENT_TYPES_BYTES = 256 * 1024;

/** Walks the central directory and decompresses at most one small entry. Throws on a damaged zip. */
export async function readZipFacts(path: string): Promise<ZipFacts> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  try {
    let count = 0;
    for await (const entry of zip.eachEntry()) {
      if (++count > MAX_ENTRIES) break;
      if (entry.fileName === 'mimetype') {
        const raw = await readPrefix(zip, entry, MAX_MIMETYPE_BYTES);
        return { mimetype: raw.toString('latin1').trim() };
      }
      // OPC part names are case-insensitive.
      if (entry.fileName.toLowerCase() === '[content_types].xml') {
        const xml = (await readPrefix(zip, entry, MAX_CONTENT_TYPES_BYTES)).toString('utf8');
        const types = [...xml.matchAll(/ContentType\s*=\s*["']([^"']*)["']/g)];
        return { contentTypes: types.map((m) => m[1].trim().toLowerCase()) };
      }
    }
    return {};
  } finally {
    zip.close();
  }
}

/** Stops inflating once `limit` bytes are in hand, so a zip bomb costs nothing. */
async function readPrefix(zip: ZipFile, entry: Entry, limit: number): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    if (total >= limit) break;
  }
  stream.destroy();
  return Buffer.concat(chunks).subarray(0, limit);
}
