import { OaiErrorCode, OaiPmhError } from '../errors';

export interface SplitterSink {
  /** Text outside the repeated items, in document order. */
  envelope(text: string): void;
  /** One complete item element (`<record>…</record>`), raw. */
  item(xml: string): void;
}

/** A partial construct shorter than this at the end of a chunk is carried to the next one. */
const MAX_CARRY = 256;

/**
 * Cuts the decoded text stream at item boundaries (e.g. `<record>` … `</record>`)
 * without parsing the items, so each one can be parsed on its own and a
 * malformed record cannot take the rest of the page down with it. Nested
 * elements with the same local name (MARCXML's `<marc:record>`) are balanced
 * by depth; comments and CDATA are skipped so text in them cannot confuse it.
 */
export class ItemSplitter {
  private buf = '';
  private scanFrom = 0;
  /** Start of the not-yet-emitted envelope text, or of the open item. */
  private markFrom = 0;
  private depth = 0;
  private readonly pattern: RegExp;

  constructor(
    itemName: string,
    private readonly sink: SplitterSink,
    private readonly source: string,
  ) {
    this.pattern = new RegExp(
      `<(?:!--|!\\[CDATA\\[|![Dd][Oo][Cc][Tt][Yy][Pp][Ee]|(/?)(?:[A-Za-z_][\\w.-]*:)?${itemName}(?=[\\s/>]))`,
      'g',
    );
  }

  get insideItem(): boolean {
    return this.depth > 0;
  }

  write(text: string): void {
    this.buf += text;
    const stop = this.scan();
    const keep = stop ?? this.partialTail();
    if (this.depth === 0) {
      if (keep > this.markFrom) this.sink.envelope(this.buf.slice(this.markFrom, keep));
      this.markFrom = keep;
    }
    this.compact();
  }

  /** Flushes the remaining envelope text; throws if the stream ended inside an item. */
  end(): void {
    if (this.depth > 0) {
      throw new OaiPmhError(
        OaiErrorCode.TruncatedResponse,
        `Source ${this.source} sent a response that ended inside a list item (truncated); retried automatically, else try again later.`,
        { retryable: true },
      );
    }
    if (this.buf.length > this.markFrom) this.sink.envelope(this.buf.slice(this.markFrom));
    this.buf = '';
    this.markFrom = this.scanFrom = 0;
  }

  /** Returns the index where scanning must wait for more text, or undefined. */
  private scan(): number | undefined {
    const { buf, pattern } = this;
    for (;;) {
      pattern.lastIndex = this.scanFrom;
      const m = pattern.exec(buf);
      if (!m) return undefined;
      const at = m.index;
      const token = m[0];
      if (token === '<!--' || token === '<![CDATA[') {
        const end = buf.indexOf(token === '<!--' ? '-->' : ']]>', at + token.length);
        if (end < 0) return this.waitAt(at);
        this.scanFrom = end + 3;
      } else if (token.length === 9 && token.charCodeAt(1) === 33 /* '!' */) {
        if (this.depth === 0) return this.rejectDoctype(at);
        this.scanFrom = at + token.length;
      } else if (m[1] === '/') {
        const end = buf.indexOf('>', at);
        if (end < 0) return this.waitAt(at);
        this.scanFrom = end + 1;
        if (this.depth > 0 && --this.depth === 0) this.emitItem(end + 1);
      } else {
        const end = findTagEnd(buf, at);
        if (end < 0) return this.waitAt(at);
        this.scanFrom = end + 1;
        this.openItemTag(at, end, buf.charCodeAt(end - 1) === 47 /* '/' */);
      }
    }
  }

  private openItemTag(at: number, end: number, selfClosing: boolean): void {
    if (this.depth === 0) {
      if (at > this.markFrom) this.sink.envelope(this.buf.slice(this.markFrom, at));
      this.markFrom = at;
      if (selfClosing) this.emitItem(end + 1);
      else this.depth = 1;
    } else if (!selfClosing) {
      this.depth++;
    }
  }

  private emitItem(end: number): void {
    this.sink.item(this.buf.slice(this.markFrom, end));
    this.markFrom = end;
  }

  private waitAt(at: number): number {
    this.scanFrom = at;
    return at;
  }

  /**
   * DTDs are refused outright: OAI-PMH does not use them, and an internal
   * subset is how entity-expansion (billion laughs) and XXE attacks arrive.
   */
  private rejectDoctype(at: number): number {
    if (this.buf.length - at < 16) return this.waitAt(at);
    if (/^<!DOCTYPE\s+html/i.test(this.buf.slice(at, at + 16))) {
      throw new OaiPmhError(
        OaiErrorCode.NotOaiPmh,
        `Source ${this.source} answered with an HTML page instead of OAI-PMH XML; check the base URL (it may be a login or error page).`,
        { retryable: false },
      );
    }
    throw new OaiPmhError(
      OaiErrorCode.DtdNotAllowed,
      `Source ${this.source} sent a DOCTYPE declaration; DTDs are refused to prevent entity-expansion attacks. Ask the repository to remove it.`,
    );
  }

  /** Keeps a trailing `<…` that may be the start of an item tag cut by the chunk boundary. */
  private partialTail(): number {
    const lt = this.buf.lastIndexOf('<');
    const tailIsOpen =
      lt >= this.scanFrom && this.buf.indexOf('>', lt) < 0 && this.buf.length - lt < MAX_CARRY;
    if (tailIsOpen) {
      this.scanFrom = lt;
      return lt;
    }
    this.scanFrom = Math.max(this.scanFrom, this.buf.length);
    return this.buf.length;
  }

  private compact(): void {
    const drop = this.markFrom;
    if (drop === 0) return;
    this.buf = this.buf.slice(drop);
    this.scanFrom -= drop;
    this.markFrom = 0;
  }
}

/** Index of the `>` closing the tag that starts at `from`, honouring quoted attribute values. */
function findTagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 62) {
      return i;
    }
  }
  return -1;
}
