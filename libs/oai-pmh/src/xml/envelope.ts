import { SaxesParser, type SaxesTagNS } from 'saxes';
import { OaiErrorCode, OaiPmhError } from '../errors';
import type { OaiWarning } from '../types';
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
  /** Oddities the response was accepted despite (e.g. a root outside the OAI-PMH namespace). */
  readonly warnings: OaiWarning[] = [];
  private readonly parser = new SaxesParser({ xmlns: true, position: false });
  private depth = 0;
  private scopes: Record<string, string>[] = [{}];
  private capture?: string;
  private captured = '';
  private errorCode = '';
  private sawText = false;
  /** Namespace of an <OAI-PMH> root outside the OAI namespace, until its first child decides. */
  private strayRootNamespace?: string;

  constructor(
    private readonly source: string,
    private readonly verb: string,
    private readonly maxDepth = Infinity,
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
    if (++this.depth > this.maxDepth) throw this.tooDeep();
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

  /** Deep nesting makes namespace-aware parsing quadratic; no real envelope nests past 4. */
  private tooDeep(): OaiPmhError {
    return new OaiPmhError(
      OaiErrorCode.XmlTooDeep,
      `Source ${this.source} sent elements nested more than ${this.maxDepth} deep outside the records (limit maxXmlDepth); the response is malformed or hostile, report it to the repository.`,
    );
  }

  private checkRoot(tag: SaxesTagNS): void {
    this.rootSeen = true;
    if (tag.local === 'OAI-PMH' && tag.uri === OAI_NAMESPACE) return;
    // <OAI-PMH> in no or another namespace: its first child shows whether it is OAI-PMH.
    if (tag.local === 'OAI-PMH') this.strayRootNamespace = tag.uri;
    else throw this.notOaiPmh(tag, this.rootAdvice(tag));
  }

  private rootAdvice(tag: SaxesTagNS): string {
    return tag.local.toLowerCase() === 'html'
      ? 'an HTML page: check the base URL is the OAI-PMH endpoint, not a web page'
      : 'check the base URL is the OAI-PMH endpoint, not another XML service or feed';
  }

  private notOaiPmh(root: { name: string; uri: string }, advice: string): OaiPmhError {
    return new OaiPmhError(
      OaiErrorCode.NotOaiPmh,
      `Source ${this.source} answered with XML whose root is <${root.name}> in ${namespaceOf(root.uri)}; ` +
        `an OAI-PMH response has <OAI-PMH> in namespace "${OAI_NAMESPACE}" (${advice}).`,
    );
  }

  /** Accepts a stray-namespace root whose first child is responseDate or request, as OAI-PMH requires. */
  private judgeStrayRoot(first: SaxesTagNS): void {
    const uri = this.strayRootNamespace ?? '';
    this.strayRootNamespace = undefined;
    const root = { name: 'OAI-PMH', uri };
    if (first.local !== 'responseDate' && first.local !== 'request') {
      throw this.notOaiPmh(
        root,
        `its first child is <${first.name}>, not <responseDate>, so it was not read as OAI-PMH; report it to the repository`,
      );
    }
    this.warnings.push({
      code: 'ROOT_NAMESPACE',
      message:
        `Source ${this.source} sends <OAI-PMH> in ${namespaceOf(uri)} instead of "${OAI_NAMESPACE}"; ` +
        'read as OAI-PMH since its structure is (responseDate, request, verb); ask the repository to fix the namespace.',
    });
  }

  private openTopLevel(tag: SaxesTagNS): void {
    if (this.strayRootNamespace !== undefined) this.judgeStrayRoot(tag);
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

function namespaceOf(uri: string): string {
  return uri ? `namespace "${uri}"` : 'no namespace';
}
