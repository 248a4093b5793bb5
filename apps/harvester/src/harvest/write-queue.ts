/**
 * Runs write jobs one after another, in the order they were queued, while the caller keeps
 * fetching and normalising the next records. At most `depth` jobs wait at once (so memory
 * stays bounded); after a job fails no later job runs, and the failure is thrown to the
 * caller at its next `push` or `drain`.
 */
export class WriteQueue {
  private readonly pending: Promise<void>[] = [];
  private tail: Promise<void> = Promise.resolve();
  private failure?: { error: unknown };

  constructor(private readonly depth: number) {}

  async push(job: () => Promise<void>): Promise<void> {
    this.throwIfFailed();
    while (this.pending.length >= this.depth) await this.pending[0];
    this.throwIfFailed();
    const done = this.tail.then(() => (this.failure ? undefined : job()));
    const settled = done.then(
      () => undefined,
      (error: unknown) => {
        this.failure ??= { error };
      },
    );
    this.tail = settled;
    this.pending.push(settled);
    void settled.finally(() => this.pending.splice(this.pending.indexOf(settled), 1));
  }

  /** Waits for every queued job; throws the first failure. */
  async drain(): Promise<void> {
    await this.tail;
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
