import { Inject, Injectable, Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LRUCache } from 'lru-cache';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { answerAges, CacheAges, Renewal } from '../../catalogue/cache-ages';
import { bodyOf } from './answer-encoding';

/** A finished HTTP answer, replayed byte for byte. */
export interface StoredAnswer {
  readonly body: Buffer;
  /** The body gzipped, made at the first replay to a client that takes gzip. */
  gzipped?: Buffer;
  readonly contentType: string;
  /** Which request goes on to Apollo to renew this answer once it is due. */
  readonly renewal: Renewal;
}

/** Memory all stored answers may take together; a search page is typically 5-20 KB. */
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
/** Bodies bigger than this are not looked up (real searches are well under 1 KB). */
export const MAX_CACHEABLE_BODY_BYTES = 16 * 1024;

/**
 * Whole HTTP answers to anonymous catalogue searches, keyed by the bytes the client sent. Most
 * of a gateway's CPU goes to HTTP middleware, GraphQL execution and JSON for answers whose
 * data SearchCache already holds; replaying the finished bytes skips all of that. Only answers
 * AnswerCachePlugin marked (a public catalogue query answered without errors to a caller with
 * no API key) are kept. An answer still in use is renewed before it is too old: one request
 * goes on to Apollo while the others are still answered from memory.
 */
@Injectable()
export class AnswerCache {
  private readonly logger = new Logger(AnswerCache.name);
  private readonly ages: CacheAges;
  private readonly answers: LRUCache<string, StoredAnswer> | undefined;
  private readonly storable = new WeakSet<IncomingMessage>();
  /** Counts clears, so an answer begun before one is not kept after it. */
  private generation = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.ages = answerAges(config);
    this.answers =
      this.ages.maxAgeMs > 0
        ? new LRUCache<string, StoredAnswer>({
            max: config.gateway.searchCacheEntries,
            ttl: this.ages.maxAgeMs,
            maxSize: MAX_TOTAL_BYTES,
            sizeCalculation: (answer) => answer.body.length + 64,
          })
        : undefined;
  }

  /**
   * Whether `req` may share answers with other callers: the cache is on, it is a small JSON
   * POST to /graphql, and it carries no API key (partners' answers can depend on who they are).
   */
  mayAnswer(req: IncomingMessage): boolean {
    if (!this.answers || req.method !== 'POST' || req.url !== '/graphql') return false;
    if (req.headers['x-api-key'] !== undefined || req.headers.authorization !== undefined)
      return false;
    if (!req.headers['content-type']?.startsWith('application/json')) return false;
    const length = Number(req.headers['content-length']);
    return length > 0 && length <= MAX_CACHEABLE_BODY_BYTES;
  }

  /** Apollo picks the response's media type from Accept, so it is part of the key. */
  keyOf(req: IncomingMessage, body: string): string {
    return `${req.headers.accept ?? ''}\n${body}`;
  }

  /**
   * The answer to replay for `key`: undefined when there is none, and also when it is due for
   * renewal and no other request is renewing it, so that this request goes on and renews it.
   */
  replayable(key: string): StoredAnswer | undefined {
    const answer = this.answers?.get(key);
    // A renewal that ends without a storable answer (an error, say) goes unheard: another
    // request may try again a second later.
    if (!answer || answer.renewal.claim()) return undefined;
    return answer;
  }

  /** Called by AnswerCachePlugin once it knows the answer to `req` may be shared. */
  markStorable(req: IncomingMessage): void {
    this.storable.add(req);
  }

  /**
   * Keeps the answer to `req` under `key` if the plugin marked it storable by the time it is
   * sent. Taken at `end`, below Express, so it sees the bytes whatever sent them; an answer
   * written in parts (incremental delivery) is not kept.
   */
  captureInto(key: string, req: IncomingMessage, res: ServerResponse): void {
    const generation = this.generation;
    const { write, end } = res;
    let inParts = false;
    res.write = function (this: ServerResponse, ...args: Parameters<ServerResponse['write']>) {
      inParts = true;
      return write.apply(this, args);
    } as ServerResponse['write'];
    res.end = ((...args: Parameters<ServerResponse['end']>) => {
      const contentType = res.getHeader('content-type');
      const keep =
        !inParts &&
        typeof contentType === 'string' &&
        res.statusCode === 200 &&
        this.storable.has(req) &&
        // Not after a clear: this answer may have been built before the change.
        generation === this.generation;
      const body = keep ? bodyOf(args[0], args[1]) : undefined;
      if (body) this.store(key, body, contentType as string);
      return end.apply(res, args);
    }) as ServerResponse['end'];
  }

  /** Forgets every answer, for changes that must show at once (a source deleted). */
  clear(reason: string): void {
    this.generation++;
    if (!this.answers || this.answers.size === 0) return;
    this.logger.log(`answer cache cleared (${this.answers.size} answers): ${reason}`);
    this.answers.clear();
  }

  private store(key: string, body: Buffer, contentType: string): void {
    const renewal = new Renewal(Date.now() + this.ages.renewAfterMs);
    this.answers?.set(key, { body, contentType, renewal });
  }
}
