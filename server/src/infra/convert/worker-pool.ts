/**
 * Numbered worker slots handed out in request order. A slot number names the resources that
 * must not be shared (a LibreOffice profile); the lowest free one is reused first, so under a
 * light load one profile stays warm.
 */
export class WorkerPool {
  private readonly free: number[];
  private readonly waiting: Waiter[] = [];

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`workers must be a positive integer, got ${size}`);
    this.free = Array.from({ length: size }, (_, i) => i);
  }

  /**
   * Takes a place in line now; `slot` resolves when it is this caller's turn. `cancel` leaves
   * the line, or gives the slot back if it was already handed over.
   */
  reserve(): { slot: Promise<number>; cancel(): void } {
    let waiter: Waiter | undefined;
    const free = this.free.shift();
    const slot =
      free !== undefined ? Promise.resolve(free) : new Promise<number>((take, refuse) => this.waiting.push((waiter = { take, refuse })));
    const cancel = () => {
      const at = waiter ? this.waiting.indexOf(waiter) : -1;
      if (at >= 0) this.waiting.splice(at, 1);
      else slot.then((s) => this.release(s), () => undefined);
    };
    return { slot, cancel };
  }

  release(slot: number): void {
    const next = this.waiting.shift();
    if (next) return next.take(slot);
    this.free.push(slot);
    this.free.sort((a, b) => a - b);
  }

  /** Refuses everyone still waiting; slots in use are returned as usual. */
  drain(err: Error): void {
    for (const w of this.waiting.splice(0)) w.refuse(err);
  }

  get queued(): number {
    return this.waiting.length;
  }
}

interface Waiter {
  take: (slot: number) => void;
  refuse: (err: Error) => void;
}
