import { isOaiPmhError, OaiErrorCode } from '../errors';
import type { OpenResponse } from '../http/transport';
import type { ResolvedOptions } from '../options';
import type { OaiItem } from '../types';
import { EnvelopeParser } from '../xml/envelope';
import { ItemParser } from '../xml/item-parser';
import { ItemSplitter } from '../xml/item-splitter';
import { detach } from '../xml/node';
import { charsetOf, XmlTextDecoder } from '../xml/text-decoder';
import { identifierInRaw, type ItemMapper } from './item-mapper';

const SHARED_PARSERS = new Map<string, ItemParser>();

/**
 * Parsers are synchronous and stateless between items, so responses with the
 * same namespace scope (every page of a list) can share one instead of
 * building a new saxes parser per page.
 */
function sharedParser(scope: Record<string, string>, maxDepth: number): ItemParser {
  const key = `${maxDepth} ${JSON.stringify(scope)}`;
  let parser = SHARED_PARSERS.get(key);
  if (!parser) {
    if (SHARED_PARSERS.size >= 32) SHARED_PARSERS.clear();
    parser = new ItemParser(scope, maxDepth);
    SHARED_PARSERS.set(key, parser);
  }
  return parser;
}

/**
 * Streams one HTTP response into list items: bytes → text → items split out
 * of the envelope → each item parsed on its own. Reads the network only when
 * the consumer asks for more, so memory stays at about one chunk plus one item.
 */
export class ResponseReader<T> {
  readonly envelope: EnvelopeParser;
  private readonly decoder: XmlTextDecoder;
  private readonly splitter: ItemSplitter;
  private readonly parsers = new Map<Record<string, string>, ItemParser>();
  private queue: OaiItem<T>[] = [];
  private head = 0;
  private itemsSeen = 0;
  private done = false;
  private closed = false;

  constructor(
    private readonly response: OpenResponse,
    verb: string,
    private readonly mapper: ItemMapper<T>,
    private readonly limits: Pick<ResolvedOptions, 'maxRecordChars' | 'maxXmlDepth'>,
    private readonly onClose: () => void,
  ) {
    const source = response.url;
    this.envelope = new EnvelopeParser(source, verb, limits.maxXmlDepth);
    this.decoder = new XmlTextDecoder(charsetOf(response.headers['content-type']));
    this.splitter = new ItemSplitter(
      mapper.itemName,
      {
        envelope: (text) => this.envelope.write(text),
        item: (xml) => this.addItem(xml),
        oversized: (head) => this.addOversized(head, limits.maxRecordChars),
      },
      source,
      limits.maxRecordChars,
    );
  }

  get bytes(): number {
    return this.response.bytes();
  }

  get illegalCharsRemoved(): number {
    return this.decoder.illegalCharsRemoved;
  }

  get invalidBytesReplaced(): number {
    return this.decoder.invalidBytesReplaced;
  }

  /** Reads until the response shows whether it is a list, an error, or an item. */
  async prime(): Promise<void> {
    const { envelope } = this;
    while (!this.done && !envelope.verbSeen && !envelope.error && this.itemsSeen === 0)
      await this.pump();
  }

  /** The next item, or undefined at the end of the response. */
  async next(): Promise<OaiItem<T> | undefined> {
    while (this.head >= this.queue.length && !this.done) await this.pump();
    if (this.head >= this.queue.length) return undefined;
    const item = this.queue[this.head];
    this.queue[this.head++] = undefined as unknown as OaiItem<T>; // release for GC early
    return item;
  }

  get finished(): boolean {
    return this.done;
  }

  get sawListElement(): boolean {
    return this.envelope.verbSeen || this.itemsSeen > 0;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.response.close();
    this.onClose();
  }

  private async pump(): Promise<void> {
    if (this.head >= this.queue.length) {
      this.queue = [];
      this.head = 0;
    }
    try {
      const next = await this.response.body.next();
      if (next.done) {
        this.finish();
      } else {
        this.splitter.write(this.decoder.decode(next.value));
      }
    } catch (error) {
      this.close();
      throw error;
    }
  }

  private finish(): void {
    this.splitter.write(this.decoder.flush());
    this.splitter.end();
    this.envelope.end();
    this.done = true;
    this.close();
  }

  private addItem(xml: string): void {
    this.itemsSeen++;
    const scope = this.envelope.scope;
    try {
      const node = this.parserFor(scope).parse(xml);
      this.queue.push(this.mapper.map(node, xml, scope));
    } catch (error) {
      const identifier = identifierInRaw(xml);
      if (isOaiPmhError(error, OaiErrorCode.XmlTooDeep)) {
        this.queue.push({
          kind: 'failure',
          code: error.code,
          identifier: identifier && detach(identifier),
          reason: error.message,
        });
        return;
      }
      const reason = error instanceof Error ? error.message : String(error);
      this.queue.push({
        kind: 'failure',
        identifier: identifier && detach(identifier),
        reason: `not well-formed: ${reason}`,
        rawXml: detach(xml),
      });
    }
  }

  /** An item over the size limit: reported, never parsed (the splitter dropped its text). */
  private addOversized(head: string, limit: number): void {
    this.itemsSeen++;
    const identifier = identifierInRaw(head);
    this.queue.push({
      kind: 'failure',
      code: OaiErrorCode.RecordTooLarge,
      identifier: identifier && detach(identifier),
      reason: `${this.mapper.itemName} is larger than the limit of ${limit} characters; skipped. Ask the repository to fix it, or raise the limit if such records are genuine.`,
    });
  }

  /** One parser per namespace scope (normally one per response), reused across responses. */
  private parserFor(scope: Record<string, string>): ItemParser {
    let parser = this.parsers.get(scope);
    if (!parser) {
      parser = sharedParser(scope, this.limits.maxXmlDepth);
      this.parsers.set(scope, parser);
    }
    return parser;
  }
}
