import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { publicAddressesOnly } from '@hop-luu/oai-pmh';
import { WebhookDeliveryError } from './alert.errors';
import { postWebhook, webhookAddressPolicy } from './webhook-sender';
import { verifySignature } from './webhook-signature';

describe('postWebhook', () => {
  let server: Server;
  let url: string;
  let answer: 'ok' | 'error' | 'silent' = 'ok';
  const received: { body: string; signature?: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({
          body: Buffer.concat(chunks).toString(),
          signature: req.headers['x-hopluu-signature'] as string,
        });
        if (answer === 'ok') res.writeHead(200).end('ok');
        if (answer === 'error') res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  beforeEach(() => (received.length = 0));

  const allowAll = webhookAddressPolicy(true);

  it('POSTs the JSON with an HMAC-SHA256 signature the receiver can verify', async () => {
    answer = 'ok';
    const payload = { event: 'incident.opened', source: 'Thư viện Huế' };
    await expect(postWebhook({ url, secret: 's3cret', payload }, allowAll, 2000)).resolves.toBe(
      200,
    );
    expect(JSON.parse(received[0].body)).toEqual(payload);
    expect(received[0].signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(received[0].body, 's3cret', received[0].signature)).toBe(true);
    expect(verifySignature(received[0].body, 'other', received[0].signature)).toBe(false);
  });

  it('fails with WEBHOOK_DELIVERY_FAILED on a 500 answer', async () => {
    answer = 'error';
    const error = await postWebhook({ url, secret: 's', payload: {} }, allowAll, 2000).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WebhookDeliveryError);
    expect((error as Error).message).toContain('HTTP 500');
  });

  it('gives up on a receiver that does not answer in time', async () => {
    answer = 'silent';
    const error = await postWebhook({ url, secret: 's', payload: {} }, allowAll, 300).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toContain('no answer within 300 ms');
  });

  it('refuses to connect to a loopback address under the public-only rule', async () => {
    const error = await postWebhook(
      { url, secret: 's', payload: {} },
      publicAddressesOnly,
      2000,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookDeliveryError);
    expect((error as Error).message).toMatch(/Refused to connect/);
    expect(received).toHaveLength(0);
  });
});
