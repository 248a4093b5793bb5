import { SaxesParser, type SaxesTagNS } from 'saxes';
import { OaiErrorCode, OaiPmhError } from '../errors';
import { detach } from './node';

export const OAI_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/';

export interface EnvelopeToken {
  value: string;
  cursor?: string;
  completeListSize?: string;
  expirationDate?: string;
}

/**
 * Parses everything of a response except the list items: checks it is an
 * OAI-PMH document, and collects responseDate, `<error>` and the
 * resumptionToken. It also knows which namespaces are in scope where an item
 * starts, so items can be parsed separately.
 */
export class EnvelopeParser {
  rootSeen = false;
  verbSeen = false;
  closed = false;
  responseDate?: string;
  error?: { code: string; text: string };
  token?: EnvelopeToken;
  private readonly parser = new SaxesParser({ xmlns: true, position: false });
  private depth = 0;
  private scopes: Record<string, string>[] = [{}];
  private capture?: string;
  private captured = '';
  private errorCode = '';
  private sawText = false;

  constructor(
    private readonly source: string,
    private readonly verb: string,
  ) {
    this.parser.on('opentag', (tag) => this.open(tag));
    this.parser.on('closetag', (tag) => this.close(tag));
    this.parser.on('text', (text) => this.text(text));
    this.parser.on('doctype', () => {
      throw new OaiPmhError(
        OaiErrorCode.DtdNotAllowed,
        `Source ${this.source} sent a DOCTYPE; DTDs are refused.`,
      );
    });
  }

  /** Namespaces in scope at the current position (where the next item starts). */
  get scope(): Record<string, string> {
    return this.scopes[this.scopes.length - 1];
  }

  write(text: string): void {
    if (!this.sawText) {
      // Some servers put blank lines before <?xml …?>, which XML forbids; forgive that.
      text = text.trimStart();
      if (!text) return;
      this.sawText = true;
    }
    try {
      this.parser.write(text);
    } catch (error) {
      throw this.wrap(error);
    }
  }

  end(): void {
    if (!this.sawText) {
      throw new OaiPmhError(
        OaiErrorCode.EmptyResponse,
        `Source ${this.source} answered with an empty body (often a restarting server); retried automatically, else try again later.`,
        { retryable: true },
      );
    }
    try {
      this.parser.close();
    } catch (error) {
      throw this.wrap(error);
    }
  }

  private wrap(error: unknown): OaiPmhError {
    if (error instanceof OaiPmhError) return error;
    const reason = error instanceof Error ? error.message : String(error);
    if (!this.rootSeen) {
      return new OaiPmhError(
        OaiErrorCode.NotOaiPmh,
        `Source ${this.source} did not answer with XML (${reason}); check that the base URL is an OAI-PMH endpoint.`,
      );
    }
    if (this.rootSeen && !this.closed && /unclosed tag|unexpected end/.test(reason)) {
      return new OaiPmhError(
        OaiErrorCode.TruncatedResponse,
        `Source ${this.source} sent a response that ended before </OAI-PMH> (${reason}); retried automatically, else try again later or ask for smaller pages.`,
        { retryable: true },
      );
    }
    return new OaiPmhError(
      OaiErrorCode.MalformedXml,
      `Source ${this.source} sent malformed XML outside the records (${reason}); report it to the repository.`,
    );
  }

  private open(tag: SaxesTagNS): void {
    this.depth++;
    const parent = this.scope;
    this.scopes.push(Object.keys(tag.ns).length ? { ...parent, ...tag.ns } : parent);
    if (this.depth === 1) this.checkRoot(tag);
    else if (this.depth === 2) this.openTopLevel(tag);
    else if (this.depth === 3 && this.verbSeen && tag.local === 'resumptionToken') {
      const attr = (name: string) => {
        const value = tag.attributes[name]?.value;
        return value === undefined ? undefined : detach(value);
      };
      this.token = {
        value: '',
        cursor: attr('cursor'),
        completeListSize: attr('completeListSize'),
        expirationDate: attr('expirationDate'),
      };
      this.startCapture('resumptionToken');
    }
  }

  private checkRoot(tag: SaxesTagNS): void {
    this.rootSeen = true;
    if (tag.local !== 'OAI-PMH' || tag.uri !== OAI_NAMESPACE) {
      const what =
        tag.local.toLowerCase() === 'html'
          ? 'an HTML page'
          : `XML with root <${tag.name}> (${tag.uri || 'no namespace'})`;
      throw new OaiPmhError(
        OaiErrorCode.NotOaiPmh,
        `Source ${this.source} answered with ${what} instead of OAI-PMH; check the base URL.`,
      );
    }
  }

  private openTopLevel(tag: SaxesTagNS): void {
    if (tag.local === 'responseDate') this.startCapture('responseDate');
    else if (tag.local === 'error' && !this.error) {
      this.errorCode = tag.attributes.code?.value ?? '';
      this.startCapture('error');
    } else if (tag.local === this.verb) this.verbSeen = true;
  }

  private startCapture(name: string): void {
    this.capture = name;
    this.captured = '';
  }

  private text(text: string): void {
    if (this.capture) this.captured += text;
  }

  private close(tag: SaxesTagNS): void {
    if (this.capture === tag.local) {
      const value = detach(this.captured.trim());
      if (this.capture === 'responseDate') this.responseDate = value;
      else if (this.capture === 'error') this.error = { code: this.errorCode, text: value };
      else if (this.token) this.token.value = value;
      this.capture = undefined;
    }
    this.scopes.pop();
    if (--this.depth === 0) this.closed = true;
  }
}
