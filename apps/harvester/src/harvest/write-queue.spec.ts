import { WriteQueue } from './write-queue';

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WriteQueue', () => {
  it('runs jobs one at a time in the order they were pushed', async () => {
    const queue = new WriteQueue(10);
    const log: string[] = [];
    let running = 0;
    for (const name of ['a', 'b', 'c']) {
      await queue.push(async () => {
        running++;
        expect(running).toBe(1);
        await tick(name === 'a' ? 20 : 1);
        log.push(name);
        running--;
      });
    }
    await queue.drain();
    expect(log).toEqual(['a', 'b', 'c']);
  });

  it('makes the producer wait once `depth` jobs are pending', async () => {
    const queue = new WriteQueue(2);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await queue.push(() => gate);
    await queue.push(async () => undefined);
    let thirdAccepted = false;
    const third = queue.push(async () => undefined).then(() => (thirdAccepted = true));
    await tick();
    expect(thirdAccepted).toBe(false);
    release();
    await third;
    expect(thirdAccepted).toBe(true);
    await queue.drain();
  });

  it('runs writes of a page side by side, but never across a barrier', async () => {
    const queue = new WriteQueue(10, 2);
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const write = (name: string) => async () => {
      running++;
      most = Math.max(most, running);
      await tick(10);
      log.push(name);
      running--;
    };
    await queue.push(write('page1-a'));
    await queue.push(write('page1-b'));
    await queue.pushBarrier(async () => {
      log.push(`checkpoint with ${running} running`);
    });
    await queue.push(write('page2-a'));
    await queue.drain();
    expect(most).toBe(2);
    expect(log.slice(2)).toEqual(['checkpoint with 0 running', 'page2-a']);
  });

  it('runs nothing after a failed job and reports the failure to the producer', async () => {
    const queue = new WriteQueue(5);
    const ran: string[] = [];
    await queue.push(async () => {
      throw new Error('Elasticsearch refused the bulk request');
    });
    await queue
      .push(async () => {
        ran.push('after');
      })
      .catch(() => undefined);
    await expect(queue.drain()).rejects.toThrow('Elasticsearch refused the bulk request');
    expect(ran).toEqual([]);
    await expect(queue.push(async () => undefined)).rejects.toThrow('refused');
  });

  it('lets a running job finish but starts none once its stop signal aborts', async () => {
    const stop = new AbortController();
    const queue = new WriteQueue(5, 1, stop.signal);
    const ran: string[] = [];
    await queue.push(async () => {
      await tick(20);
      ran.push('in flight');
    });
    await queue.push(async () => {
      ran.push('queued');
    });
    stop.abort(new Error('lock lost'));
    await expect(queue.drain()).rejects.toThrow('lock lost');
    expect(ran).toEqual(['in flight']);
  });
});
