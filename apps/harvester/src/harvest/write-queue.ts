/**
 * Write jobs of a run, in page order. Jobs of one page may run `concurrency` at a time;
 * a barrier job (the page's checkpoint) waits for every job pushed before it, and no later
 * job starts until it is done, so a crash leaves at most one page half-written. At most
 * `depth` jobs wait at once (memory stays bounded). After a failure no further job runs,
 * and the failure is thrown to the producer at its next `push` or `drain`. An aborted `stop`
 * signal counts as a failure (its reason): jobs already running finish, no other starts.
 */
export class WriteQueue {
  private barrier: Promise<void> = Promise.resolve();
  private sinceBarrier: Promise<void>[] = [];
  private readonly pending = new Set<Promise<void>>();
  private running = 0;
  private readonly slotWaiters: (() => void)[] = [];
  private failure?: { error: unknown };

  constructor(
    private readonly depth: number,
    private readonly concurrency = 1,
    private readonly stop?: AbortSignal,
  ) {}

  /** Queues a write that may run alongside the other writes of the same page. */
  async push(job: () => Promise<void>): Promise<void> {
    await this.makeRoom();
    const done = this.barrier.then(() => this.inSlot(job));
    this.sinceBarrier.push(this.track(done));
  }

  /** Queues a job that runs after every earlier job and before every later one. */
  async pushBarrier(job: () => Promise<void>): Promise<void> {
    await this.makeRoom();
    const done = Promise.all([this.barrier, ...this.sinceBarrier]).then(() => this.guarded(job));
    this.barrier = this.track(done);
    this.sinceBarrier = [];
  }

  /** Waits for every queued job; throws the first failure. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    this.throwIfFailed();
  }

  private async makeRoom(): Promise<void> {
    this.throwIfFailed();
    while (this.pending.size >= this.depth) await Promise.race([...this.pending]);
    this.throwIfFailed();
  }

  private async inSlot(job: () => Promise<void>): Promise<void> {
    while (this.running >= this.concurrency)
      await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    this.running++;
    try {
      await this.guarded(job);
    } finally {
      this.running--;
      this.slotWaiters.shift()?.();
    }
  }

  /** Runs a job unless an earlier one failed; a failure is recorded before any waiting job can start. */
  private async guarded(job: () => Promise<void>): Promise<void> {
    if (this.stop?.aborted) this.failure ??= { error: this.stop.reason };
    if (this.failure) return;
    try {
      await job();
    } catch (error) {
      this.failure ??= { error };
    }
  }

  /** Keeps a job in `pending` until it settles (jobs never reject: `guarded` records failures). */
  private track(done: Promise<void>): Promise<void> {
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
    return done;
  }

  private throwIfFailed(): void {
    if (this.stop?.aborted) this.failure ??= { error: this.stop.reason };
    if (this.failure) throw this.failure.error;
  }
}
