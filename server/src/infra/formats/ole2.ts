import type { FileHandle } from 'node:fs/promises';

/*
 * Lists the names directly under the root storage of an OLE2 compound file
 * (the container of .doc/.xls/.ppt/.msg). Only the header, the FAT sectors on
 * the directory's chain and the directory itself are read: `cfb.parse` would
 * need the whole file in memory, and legacy Office files can be large.
 */

const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;
/** Ids from here up are chain markers, never sector numbers. */
const FIRST_MARKER = 0xfffffffa;
/** Real documents need a handful; the cap bounds work on hostile files. */
const MAX_DIRECTORY_SECTORS = 256;
const HEADER_DIFAT_SLOTS = 109;
const ENTRY_SIZE = 128;

export async function ole2RootNames(file: FileHandle, fileSize: number): Promise<string[]> {
  const header = await readAt(file, 0, 512);
  if (header.length < 512) throw new Error('OLE2: truncated header');
  const shift = header.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) throw new Error('OLE2: bad sector size');
  const sectorSize = 1 << shift;
  const idsPerSector = sectorSize / 4;
  const fatSectorCount = header.readUInt32LE(0x2c);
  if (fatSectorCount > fileSize / sectorSize) throw new Error('OLE2: FAT larger than file');

  const cache = new Map<number, Buffer>();
  const sector = async (id: number): Promise<Buffer> => {
    const pos = (id + 1) * sectorSize;
    if (id >= FIRST_MARKER || pos >= fileSize) throw new Error(`OLE2: sector ${id} outside file`);
    let buf = cache.get(id);
    if (!buf) {
      // A short final sector is tolerated: the unread tail stays zero.
      buf = Buffer.alloc(sectorSize);
      await file.read(buf, 0, sectorSize, pos);
      cache.set(id, buf);
    }
    return buf;
  };

  // Beyond the 109 slots in the header, FAT sector ids continue in a chain of DIFAT sectors.
  const difat: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_SLOTS; i++) difat.push(header.readUInt32LE(0x4c + i * 4));
  let nextDifatSector = header.readUInt32LE(0x44);
  const fatSector = async (index: number): Promise<number> => {
    if (index >= fatSectorCount) throw new Error('OLE2: FAT index out of range');
    while (index >= difat.length) {
      const buf = await sector(nextDifatSector);
      for (let i = 0; i < idsPerSector - 1; i++) difat.push(buf.readUInt32LE(i * 4));
      nextDifatSector = buf.readUInt32LE(sectorSize - 4);
    }
    return difat[index];
  };
  const nextInChain = async (id: number): Promise<number> => {
    const fat = await sector(await fatSector(Math.floor(id / idsPerSector)));
    return fat.readUInt32LE((id % idsPerSector) * 4);
  };

  const parts: Buffer[] = [];
  const visitedSectors = new Set<number>();
  for (let id = header.readUInt32LE(0x30); id !== END_OF_CHAIN; id = await nextInChain(id)) {
    if (visitedSectors.has(id) || visitedSectors.size >= MAX_DIRECTORY_SECTORS) break;
    visitedSectors.add(id);
    parts.push(await sector(id));
  }
  const dir = Buffer.concat(parts);
  const entryCount = Math.floor(dir.length / ENTRY_SIZE);
  if (entryCount === 0 || dir[0x42] !== 5) throw new Error('OLE2: no root entry');

  // The root's children form a red-black tree linked through left/right siblings;
  // nested storages (e.g. attachments inside a .msg) are deliberately not entered.
  const names: string[] = [];
  const seen = new Set<number>();
  const pending = [dir.readUInt32LE(0x4c)];
  while (pending.length > 0) {
    const i = pending.pop()!;
    if (i === NO_STREAM || i >= entryCount || seen.has(i)) continue;
    seen.add(i);
    const at = i * ENTRY_SIZE;
    const nameBytes = Math.min(dir.readUInt16LE(at + 0x40), 64);
    names.push(dir.toString('utf16le', at, at + Math.max(0, nameBytes - 2)));
    pending.push(dir.readUInt32LE(at + 0x44), dir.readUInt32LE(at + 0x48));
  }
  return names;
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await file.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}
