import {
  namespaceScope,
  parseXml,
  XmlError,
  XmlErrorCode,
  type ParseOptions,
  type XmlLimits,
} from '@hop-luu/xml';
import { OaiErrorCode } from '../errors';
import type { OpenResponse } from '../http/transport';
import type { ResolvedOptions } from '../options';
import type { OaiItem } from '../types';
import { EnvelopeParser } from '../xml/envelope';
import { ItemSplitter } from '../xml/item-splitter';
import { detach } from '../xml/node';
import { charsetOf, XmlTextDecoder } from '../xml/text-decoder';
import { identifierInRaw, type ItemMapper } from './item-mapper';

/** Items are read with positions: the mappers slice raw XML by them. */
type ItemReadOptions = ParseOptions & { readonly positions: true };

/**
 * Streams one HTTP response into list items: bytes → text → items split out
 * of the envelope → each item parsed on its own. Reads the network only when
 * the consumer asks for more, so memory stays at about one chunk plus one item.
 */
export class ResponseReader<T> {
  readonly envelope: EnvelopeParser;
  private readonly decoder: XmlTextDecoder;
  private readonly splitter: ItemSplitter;
  /**
   * How items are read in each envelope scope, built once per scope object (normally once):
   * in that namespace scope, with positions (the mappers slice raw XML by them).
   */
  private readonly readOptions = new Map<Record<string, string>, ItemReadOptions>();
  private readonly itemLimits: XmlLimits;
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
    // The splitter already refused longer items; the reader only has to enforce depth.
    this.itemLimits = { maxChars: limits.maxRecordChars, maxDepth: limits.maxXmlDepth };
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
      const node = parseXml(xml, this.itemLimits, this.optionsFor(scope));
      this.queue.push(this.mapper.map(node, xml, scope));
    } catch (error) {
      this.queue.push(this.unreadable(xml, error));
    }
  }

  /** An item the reader refused: a limit (with its code) or not well-formed (with its raw XML). */
  private unreadable(xml: string, error: unknown): OaiItem<T> {
    const found = identifierInRaw(xml);
    const identifier = found && detach(found);
    if (error instanceof XmlError && error.code === XmlErrorCode.XmlTooDeep) {
      return {
        kind: 'failure',
        code: OaiErrorCode.XmlTooDeep,
        identifier,
        reason: `elements nested more than ${this.limits.maxXmlDepth} deep (limit maxXmlDepth); the record is skipped, report it to the repository`,
      };
    }
    const reason = error instanceof Error ? error.message : String(error);
    return {
      kind: 'failure',
      identifier,
      reason: `not well-formed: ${reason}`,
      rawXml: detach(xml),
    };
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

  /** The envelope hands out a new scope object only when its namespaces change. */
  private optionsFor(scope: Record<string, string>): ItemReadOptions {
    let options = this.readOptions.get(scope);
    if (!options) {
      options = { scope: namespaceScope(scope), positions: true };
      this.readOptions.set(scope, options);
    }
    return options;
  }
}
