import { createServer, connect, Socket } from 'node:net';

/**
 * A TCP proxy in front of a real server that holds every answer back for `delayMs`, and counts
 * the connections its clients closed while an answer was still held: requests given up on.
 */
export interface SlowProxy {
  readonly url: string;
  /** Client connections closed with a request sent and its answer not yet passed on. */
  readonly abandoned: () => number;
  close(): Promise<void>;
}

export async function startSlowProxy(target: string, delayMs: number): Promise<SlowProxy> {
  const { hostname, port } = new URL(target);
  let abandoned = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    sockets.add(client).add(upstream);
    let waiting = false;
    client.on('data', (chunk) => {
      waiting = true;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) =>
      setTimeout(() => {
        if (client.destroyed) return;
        waiting = false;
        client.write(chunk);
      }, delayMs),
    );
    client.on('close', () => {
      if (waiting) abandoned++;
      upstream.destroy();
    });
    upstream.on('close', () => client.destroy());
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    abandoned: () => abandoned,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
