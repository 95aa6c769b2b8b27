/**
 * A document timestamp (PAdES B-LTA's /DocTimeStamp, /SubFilter /ETSI.RFC3161) appended as an
 * incremental update, its token made by `openssl ts` over the bytes the byte range frames.
 */
import { lastSlot, signedParts } from '../pades/byte-range.js';
import { addPlaceholder } from '../pades/placeholder.js';
import { embedCms } from '../pades/sign.js';
import { opensslTimestamp } from './openssl-tsa.js';
import type { TestPki } from './test-pki.js';

export async function addDocumentTimestamp(pdf: Buffer, pki: TestPki): Promise<Buffer> {
  const { pdf: prepared } = await addPlaceholder(pdf, { signingTime: new Date(), contentsLength: 8192, fieldName: 'DocTimeStamp1' });
  // The placeholder is a signature's; the same bytes, re-spelt, make it a document timestamp
  // without moving any offset the byte range and cross-reference table point at.
  const from = '/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached';
  const to = '/Type/DocTimeStamp/Filter/Adobe.PPKLite/SubFilter/ETSI.RFC3161';
  const at = prepared.lastIndexOf(from);
  if (at < 0) throw new Error('signature dictionary not laid out as expected');
  prepared.write(to.padEnd(from.length, ' '), at, 'latin1');
  const token = await opensslTimestamp(pki, Buffer.concat(signedParts(prepared, lastSlot(prepared)!.byteRange)));
  return embedCms(prepared, token);
}
