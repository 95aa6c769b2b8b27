import type { Readable } from 'node:stream';

/** A blob written to a temporary place and hashed, not yet visible under its content address. */
export interface StagedBlob {
  sha256: string;
  size: number;
  /** A local path to inspect the content (format checks) before it is committed. */
  localPath: string;
  /** Moves the blob to its content address, durably. Idempotent when the content already exists. */
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/** Where blob bytes live. The local filesystem now; an S3 driver implements the same interface. */
export interface BlobDriver {
  stage(source: Readable, maxBytes: number): Promise<StagedBlob>;
  /** A stream of the stored bytes; fails with code ENOENT when the blob is missing. */
  open(sha256: string): Readable;
  exists(sha256: string): Promise<boolean>;
  /** A path on local disk holding the blob, for tools that read files (pdfinfo, pdfimages). */
  localPath(sha256: string): Promise<string>;
  delete(sha256: string): Promise<void>;
  /** Every committed blob with its modification time, for reconciliation. */
  list(): AsyncIterable<{ sha256: string; mtime: Date }>;
  /** Removes temporary files left by interrupted writes; returns how many. */
  cleanTemp(): Promise<number>;
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`blob larger than ${maxBytes} bytes`);
  }
}
