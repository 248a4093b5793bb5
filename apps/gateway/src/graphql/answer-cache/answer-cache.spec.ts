import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadConfig } from '@hop-luu/config';
import { AnswerCache } from './answer-cache';

const cacheWith = (seconds: number) =>
  new AnswerCache(loadConfig({ GATEWAY_SEARCH_CACHE_SECONDS: String(seconds) }));

/** The parts of a Node response the cache touches, recording what was written. */
function responseStub() {
  const sent: unknown[] = [];
  const res = {
    statusCode: 200,
    write: (chunk: unknown) => sent.push(chunk),
    end: (chunk: unknown) => sent.push(chunk),
    getHeader: () => 'application/json; charset=utf-8',
  };
  return { res: res as unknown as ServerResponse, sent };
}

/** One request answered with `body`; `storable` as AnswerCachePlugin would decide. */
function answer(cache: AnswerCache, key: string, body: string, storable = true) {
  const req = {} as IncomingMessage;
  const { res, sent } = responseStub();
  cache.captureInto(key, req, res);
  if (storable) cache.markStorable(req);
  return {
    send: () => res.end(body),
    sendInParts: () => {
      res.write(body.slice(0, 4));
      res.end(body.slice(4));
    },
    sent,
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('AnswerCache', () => {
  it('keeps an answer the plugin marked, and still sends it', () => {
    const cache = cacheWith(10);
    const request = answer(cache, 'k', '{"data":1}');
    request.send();
    expect(request.sent).toEqual(['{"data":1}']);
    expect(cache.replayable('k')?.body.toString()).toBe('{"data":1}');
  });

  it('does not keep an answer the plugin did not mark', () => {
    const cache = cacheWith(10);
    answer(cache, 'k', '{"errors":[]}', false).send();
    expect(cache.replayable('k')).toBeUndefined();
  });

  it('does not keep an answer written in parts, and still sends all of it', () => {
    const cache = cacheWith(10);
    const request = answer(cache, 'k', '{"data":1}');
    request.sendInParts();
    expect(request.sent.join('')).toBe('{"data":1}');
    expect(cache.replayable('k')).toBeUndefined();
  });

  it('does not keep an answer begun before the cache was cleared', () => {
    const cache = cacheWith(10);
    const request = answer(cache, 'k', '{"data":"before"}');
    cache.clear('a source was deleted');
    request.send();
    expect(cache.replayable('k')).toBeUndefined();
  });

  // With 2 s, answers live 500 ms and are renewed from 333 ms on (cache-ages.ts).
  it('lets one request renew an answer in use while the others are still answered', async () => {
    const cache = cacheWith(2);
    answer(cache, 'k', '{"data":"old"}').send();
    await pause(380);
    expect(cache.replayable('k')).toBeUndefined(); // this caller renews it
    expect(cache.replayable('k')?.body.toString()).toBe('{"data":"old"}');
    answer(cache, 'k', '{"data":"new"}').send();
    expect(cache.replayable('k')?.body.toString()).toBe('{"data":"new"}');
  });

  it('forgets an answer past its age', async () => {
    const cache = cacheWith(2);
    answer(cache, 'k', '{"data":1}').send();
    await pause(550);
    expect(cache.replayable('k')).toBeUndefined();
  });
});
