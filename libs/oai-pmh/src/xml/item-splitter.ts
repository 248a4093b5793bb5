import { OaiErrorCode, OaiPmhError } from '../errors';

export interface SplitterSink {
  /** Text outside the repeated items, in document order. */
  envelope(text: string): void;
  /** One complete item element (`<record>…</record>`), raw. */
  item(xml: string): void;
  /**
   * An item longer than the limit: it is skipped, its remaining text discarded unread.
   * `head` is its first characters (where its identifier is).
   */
  oversized(head: string): void;
}

/** A partial construct shorter than this at the end of a chunk is carried to the next one. */
const MAX_CARRY = 256;
/** How much of an oversized item is kept to find its identifier in. */
const HEAD_CHARS = 16 * 1024;

// What the text at the scanning position belongs to.
const MARKUP = 0;
const COMMENT = 1;
const CDATA = 2;
/** Inside an item start or end tag, looking for its `>`. */
const TAG = 3;

/**
 * Cuts the decoded text stream at item boundaries (e.g. `<record>` … `</record>`)
 * without parsing the items, so each one can be parsed on its own and a
 * malformed record cannot take the rest of the page down with it. Nested
 * elements with the same local name (MARCXML's `<marc:record>`) are balanced
 * by depth; comments and CDATA are skipped so text in them cannot confuse it.
 *
 * Every character is looked at once, plus at most MAX_CARRY again per chunk (a
 * construct cut by the chunk boundary): an item's text is kept as the pieces
 * it arrived in and joined once, so the work is linear in the input however
 * large one record is. An item longer than `maxItemChars` is reported and its
 * remaining text dropped as it streams by.
 */
export class ItemSplitter {
  /** Characters examined by the searches so far (tests and metrics: stays near the input size). */
  scannedChars = 0;
  private mode = MARKUP;
  private depth = 0;
  /** Unprocessed end of the last chunk (a construct cut by the boundary). */
  private carry = '';
  /** Pieces of the open item, and its length so far. */
  private parts: string[] = [];
  private itemChars = 0;
  private skipping = false;
  /** In a tag: whether it is an end tag, the open quote, and the last character before the chunk ended. */
  private closingTag = false;
  private quote = 0;
  private tagLast = 0;
  // Per write: the text, the scanning position, where unhanded text starts, where to stop.
  private work = '';
  private pos = 0;
  private mark = 0;
  private stop = -1;
  private readonly pattern: RegExp;

  constructor(
    itemName: string,
    private readonly sink: SplitterSink,
    private readonly source: string,
    private readonly maxItemChars = Infinity,
  ) {
    this.pattern = new RegExp(
      `<(?:!--|!\\[CDATA\\[|![Dd][Oo][Cc][Tt][Yy][Pp][Ee]|(/?)(?:[A-Za-z_][\\w.-]*:)?${itemName}(?=[\\s/>]))`,
      'g',
    );
  }

  write(text: string): void {
    this.work = this.carry ? this.carry + text : text;
    this.carry = '';
    this.pos = this.mark = 0;
    this.stop = -1;
    while (this.stop < 0) this.step();
    const { work, stop } = this;
    if (stop > this.mark) this.handOut(work.slice(this.mark, stop));
    if (stop < work.length) this.carry = work.slice(stop);
    this.work = '';
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
    if (this.carry) this.sink.envelope(this.carry);
    this.carry = '';
  }

  private step(): void {
    if (this.mode === MARKUP) this.markup();
    else if (this.mode === TAG) this.tagEnd();
    else this.sectionEnd(this.mode === COMMENT ? '-->' : ']]>');
  }

  private markup(): void {
    const { work, pattern } = this;
    pattern.lastIndex = this.pos;
    const m = pattern.exec(work);
    if (!m) {
      this.scannedChars += work.length - this.pos;
      this.stop = this.partialTail();
      return;
    }
    const at = m.index;
    const token = m[0];
    this.scannedChars += at + token.length - this.pos;
    this.pos = at + token.length;
    if (token === '<!--') this.mode = COMMENT;
    else if (token === '<![CDATA[') this.mode = CDATA;
    else if (token.length === 9 && token.charCodeAt(1) === 33 /* '!' */) {
      if (this.depth === 0) this.rejectDoctype(at);
    } else {
      this.closingTag = m[1] === '/';
      if (!this.closingTag && this.depth++ === 0) this.openItem(at);
      this.mode = TAG;
      this.quote = 0;
      this.tagLast = 0;
    }
  }

  /** Finds the `>` of the item tag being read, honouring quoted attribute values. */
  private tagEnd(): void {
    const { work } = this;
    let { quote } = this;
    let i = this.pos;
    for (; i < work.length; i++) {
      const c = work.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) {
        quote = this.closingTag ? 0 : c;
      } else if (c === 62 /* '>' */) {
        break;
      }
    }
    this.scannedChars += i - this.pos;
    this.quote = quote;
    if (i === work.length) {
      if (i > this.pos) this.tagLast = work.charCodeAt(i - 1);
      this.pos = i;
      this.stop = i;
      return;
    }
    const before = i > this.pos ? work.charCodeAt(i - 1) : this.tagLast;
    this.pos = i + 1;
    this.mode = MARKUP;
    const selfClosing = !this.closingTag && before === 47; /* '/' */
    if ((this.closingTag || selfClosing) && this.depth > 0 && --this.depth === 0)
      this.closeItem(i + 1);
  }

  private sectionEnd(terminator: string): void {
    const end = this.work.indexOf(terminator, this.pos);
    if (end < 0) {
      this.scannedChars += this.work.length - this.pos;
      // The terminator may be cut by the chunk boundary: keep its possible start.
      this.stop = Math.max(this.pos, this.work.length - (terminator.length - 1));
      return;
    }
    this.scannedChars += end + terminator.length - this.pos;
    this.pos = end + terminator.length;
    this.mode = MARKUP;
  }

  private openItem(at: number): void {
    if (at > this.mark) this.sink.envelope(this.work.slice(this.mark, at));
    this.mark = at;
    this.parts = [];
    this.itemChars = 0;
    this.skipping = false;
  }

  private closeItem(end: number): void {
    const last = this.work.slice(this.mark, end);
    this.mark = end;
    this.addPart(last);
    if (!this.skipping) {
      const { parts } = this;
      this.sink.item(parts.length === 1 ? parts[0] : parts.join(''));
    }
    this.parts = [];
    this.skipping = false;
  }

  /** Text between `mark` and the end of the chunk: envelope, or a piece of the open item. */
  private handOut(text: string): void {
    if (this.depth === 0) this.sink.envelope(text);
    else this.addPart(text);
  }

  private addPart(text: string): void {
    this.itemChars += text.length;
    if (this.skipping) return;
    this.parts.push(text);
    if (this.itemChars <= this.maxItemChars) return;
    this.skipping = true;
    const head = this.head();
    this.parts = [];
    this.sink.oversized(head);
  }

  /** The first HEAD_CHARS characters of the open item, joining only the pieces needed. */
  private head(): string {
    let length = 0;
    let count = 0;
    while (count < this.parts.length && length < HEAD_CHARS) length += this.parts[count++].length;
    return this.parts.slice(0, count).join('').slice(0, HEAD_CHARS);
  }

  /**
   * DTDs are refused outright: OAI-PMH does not use them, and an internal
   * subset is how entity-expansion (billion laughs) and XXE attacks arrive.
   */
  private rejectDoctype(at: number): void {
    if (this.work.length - at < 16) {
      // Not enough text yet to tell an HTML page from a DTD: wait for more.
      this.stop = at;
      this.mode = MARKUP;
      return;
    }
    if (/^<!DOCTYPE\s+html/i.test(this.work.slice(at, at + 16))) {
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

  /**
   * Where to stop when no token was found: at a trailing `<…` that may be the start of an
   * item tag cut by the chunk boundary, else at the end. Only the last MAX_CARRY
   * characters are looked at, so a long run of text is not searched again.
   */
  private partialTail(): number {
    const { work } = this;
    const from = Math.max(this.pos, work.length - MAX_CARRY);
    let lt = -1;
    for (let i = work.indexOf('<', from); i >= 0; i = work.indexOf('<', i + 1)) lt = i;
    this.scannedChars += work.length - from;
    if (lt >= 0 && work.indexOf('>', lt) < 0) return lt;
    return work.length;
  }
}
