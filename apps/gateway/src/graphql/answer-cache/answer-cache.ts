import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { cacheLayerMs } from '../../catalogue/search-cache';

/** A finished HTTP answer, replayed byte for byte. */
export interface StoredAnswer {
  readonly body: Buffer;
  readonly contentType: string;
}

/** Memory all stored answers may take together; a search page is typically 5-20 KB. */
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
/** Bodies bigger than this are not looked up (real searches are well under 1 KB). */
export const MAX_CACHEABLE_BODY_BYTES = 16 * 1024;

/**
 * Whole HTTP answers to anonymous catalogue searches, keyed by the bytes the client sent. Most
 * of a gateway's CPU goes to HTTP middleware, GraphQL execution and JSON for answers whose
 * data SearchCache already holds; replaying the finished bytes skips all of that. Answers are
 * kept for cacheLayerMs, and only those AnswerCachePlugin marked as a public catalogue query answered without errors to a caller
 * with no API key.
 */
@Injectable()
export class AnswerCache {
  private readonly logger = new Logger(AnswerCache.name);
  private readonly answers: LRUCache<string, StoredAnswer> | undefined;
  private readonly storable = new WeakSet<Request>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.answers =
      config.gateway.searchCacheSeconds > 0
        ? new LRUCache<string, StoredAnswer>({
            max: config.gateway.searchCacheEntries,
            ttl: cacheLayerMs(config),
            maxSize: MAX_TOTAL_BYTES,
            sizeCalculation: (answer) => answer.body.length + 64,
          })
        : undefined;
  }

  /**
   * Whether `req` may share answers with other callers: the cache is on, it is a small JSON
   * POST to /graphql, and it carries no API key (partners' answers can depend on who they are).
   */
  mayAnswer(req: Request): boolean {
    if (!this.answers || req.method !== 'POST' || req.url !== '/graphql') return false;
    if (req.headers['x-api-key'] !== undefined || req.headers.authorization !== undefined)
      return false;
    if (!req.headers['content-type']?.startsWith('application/json')) return false;
    const length = Number(req.headers['content-length']);
    return length > 0 && length <= MAX_CACHEABLE_BODY_BYTES;
  }

  /** Apollo picks the response's media type from Accept, so it is part of the key. */
  keyOf(req: Request, body: string): string {
    return `${req.headers.accept ?? ''}\n${body}`;
  }

  find(key: string): StoredAnswer | undefined {
    return this.answers?.get(key);
  }

  /** Called by AnswerCachePlugin once it knows the answer to `req` may be shared. */
  markStorable(req: Request): void {
    this.storable.add(req);
  }

  /** Keeps what is sent in answer to `req` under `key`, if the plugin marked it storable by then. */
  captureInto(key: string, req: Request, res: Response): void {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body === 'string' && res.statusCode === 200 && this.storable.has(req)) {
        const contentType = res.getHeader('content-type');
        if (typeof contentType === 'string')
          this.answers?.set(key, { body: Buffer.from(body), contentType });
      }
      return send(body);
    };
  }

  /** Forgets every answer, for changes that must show at once (a source deleted). */
  clear(reason: string): void {
    if (!this.answers || this.answers.size === 0) return;
    this.logger.log(`answer cache cleared (${this.answers.size} answers): ${reason}`);
    this.answers.clear();
  }
}
