import type { ResponseModes } from './faults';
import type { BibRecord } from './generator';
import {
  DC_NS,
  escapeXml,
  MARC_NS,
  OAI_DC_NS,
  renderMarc21,
  renderOaiDc,
  renderXoai,
  XOAI_NS,
} from './render';
import type { Entry, Repository } from './repository';
import { decodeToken, encodeToken, type TokenState } from './tokens';
import { legacyTextFor, type LegacyTextMode } from './legacy-text';
import { NON_BMP_SAMPLES } from './vocabulary';

export const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';
/** Replaced by invalid UTF-8 bytes when the body is encoded (see server.ts). */
export const INVALID_UTF8_MARKER = '\u0000BAD-UTF8\u0000';

const FORMATS = [
  { prefix: 'oai_dc', schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd', ns: OAI_DC_NS },
  {
    prefix: 'marc21',
    schema: 'http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd',
    ns: MARC_NS,
  },
];

/** DSpace's internal format, which libs/records does not map (`unmappedFormat` mode). */
const XOAI = {
  prefix: 'xoai',
  schema: 'http://www.lyncode.com/schemas/xoai.xsd',
  ns: XOAI_NS,
};

function formatsOf(repo: Repository) {
  return repo.modes.unmappedFormat ? [...FORMATS, XOAI] : FORMATS;
}

const VERB_ARGS: Record<string, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
  ListRecords: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
};

class OaiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface OaiRequest {
  params: Record<string, string>;
  /** Set when an argument was repeated (a badArgument). */
  repeated?: string;
  baseUrl: string;
}

/** Builds the complete OAI-PMH response document for a request. */
export function respond(repo: Repository, request: OaiRequest): string {
  const { params } = request;
  try {
    const verb = checkArguments(request);
    return envelope(repo, request, requestAttributes(params), VERB_HANDLERS[verb](repo, params));
  } catch (error) {
    if (!(error instanceof OaiError)) throw error;
    const attrs =
      error.code === 'badVerb' || error.code === 'badArgument' ? '' : requestAttributes(params);
    return envelope(
      repo,
      request,
      attrs,
      `<error code="${error.code}">${escapeXml(error.message)}</error>`,
    );
  }
}

/** An OAI error response with the given code, in a full envelope (for faults). */
export function errorResponse(
  repo: Repository,
  request: OaiRequest,
  code: string,
  message: string,
): string {
  const body = `<error code="${escapeXml(code)}">${escapeXml(message)}</error>`;
  return envelope(repo, request, requestAttributes(request.params), body);
}

/** Whether a rendered response is an OAI-PMH error (records are escaped, so `<error` is markup). */
export function isErrorResponse(xml: string): boolean {
  return xml.includes('\n<error code="');
}

function checkArguments({ params, repeated }: OaiRequest): string {
  const verb = params.verb;
  const spec = verb ? VERB_ARGS[verb] : undefined;
  if (!spec) throw new OaiError('badVerb', `Illegal or missing verb "${verb ?? ''}".`);
  if (repeated) throw new OaiError('badArgument', `Argument ${repeated} is repeated.`);
  const given = Object.keys(params).filter((k) => k !== 'verb');
  if (spec.exclusive && params[spec.exclusive] !== undefined) {
    if (given.length > 1)
      throw new OaiError('badArgument', `${spec.exclusive} is an exclusive argument.`);
    return verb;
  }
  const allowed = new Set([...spec.required, ...spec.optional]);
  const illegal = given.find((k) => !allowed.has(k));
  if (illegal) throw new OaiError('badArgument', `Illegal argument "${illegal}".`);
  const missing = spec.required.find((k) => !params[k]);
  if (missing) throw new OaiError('badArgument', `Missing required argument "${missing}".`);
  return verb;
}

function requestAttributes(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
}

function envelope(repo: Repository, request: OaiRequest, attrs: string, body: string): string {
  const hoisted = repo.modes.hoistNamespaces
    ? ` xmlns:oai_dc="${OAI_DC_NS}" xmlns:dc="${DC_NS}"`
    : '';
  return (
    `${repo.modes.leadingWhitespace ? '\n\n  ' : ''}<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<OAI-PMH${rootXmlns(repo.modes)} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"${hoisted} ` +
    `xsi:schemaLocation="${OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">\n` +
    `<responseDate>${new Date().toISOString().slice(0, 19)}Z</responseDate>\n` +
    `<request${attrs}>${escapeXml(request.baseUrl)}</request>\n${body}\n</OAI-PMH>\n`
  );
}

/** The root's default namespace: OAI-PMH's, another URI, or none (`rootNamespace` mode). */
function rootXmlns(modes: ResponseModes): string {
  const uri = modes.rootNamespace === undefined ? OAI_NS : modes.rootNamespace;
  return uri === null ? '' : ` xmlns="${escapeXml(uri)}"`;
}

function formatDate(repo: Repository, ms: number): string {
  const iso = new Date(ms).toISOString();
  return repo.granularity === 'day' ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`;
}

/** Parses from/until in the repository's granularity; until covers its whole granule. */
function parseDate(repo: Repository, value: string, isUntil: boolean): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const seconds = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value);
  if (!day && !(seconds && repo.granularity === 'seconds')) {
    throw new OaiError('badArgument', `Bad date "${value}" for granularity ${repo.granularity}.`);
  }
  const ms = Date.parse(day ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) throw new OaiError('badArgument', `Bad date "${value}".`);
  return isUntil ? ms + (day ? 86_400_000 : 1000) - 1 : ms;
}

function checkPrefix(repo: Repository, prefix: string): void {
  if (!formatsOf(repo).some((f) => f.prefix === prefix)) {
    throw new OaiError('cannotDisseminateFormat', `Metadata format "${prefix}" is not supported.`);
  }
}

function findEntry(repo: Repository, identifier: string): Entry {
  const entry = repo.get(identifier);
  if (!entry || (entry.deleted && repo.deletedRecord === 'no')) {
    throw new OaiError('idDoesNotExist', `No item with identifier "${identifier}".`);
  }
  return entry;
}

/**
 * A record's datestamp as sent. `compactDatestamps` mode: ISO 8601 basic form (20210311,
 * 20210311T101500Z), and every record whose index % 10 === 9 a zone-less 20210311T1015.
 */
function recordDatestamp(repo: Repository, entry: Entry): string {
  const standard = formatDate(repo, entry.datestamp);
  if (!repo.modes.compactDatestamps) return standard;
  const compact = standard.replace(/[-:]/g, '');
  return entry.index !== undefined && entry.index % 10 === 9 ? compact.slice(0, 13) : compact;
}

function header(repo: Repository, entry: Entry, record: BibRecord): string {
  const status = entry.deleted ? ' status="deleted"' : '';
  return (
    `<header${status}><identifier>${escapeXml(entry.identifier)}</identifier>` +
    `<datestamp>${recordDatestamp(repo, entry)}</datestamp>` +
    record.setSpecs.map((s) => `<setSpec>${escapeXml(s)}</setSpec>`).join('') +
    `</header>`
  );
}

/** Applies the data-corrupting modes to a record before rendering. */
function withDataFaults(record: BibRecord, modes: ResponseModes): BibRecord {
  let { title, summary } = record;
  if (modes.controlChars) title = `${title}\u0001\u000B\u001F`;
  if (modes.nonBmp) title = `${title} ${NON_BMP_SAMPLES.join(' ')}`;
  if (modes.invalidUtf8) summary = `${summary} ${INVALID_UTF8_MARKER}`;
  return title === record.title && summary === record.summary
    ? record
    : { ...record, title, summary };
}

/** The `legacyText` mode: a one-line title and a creator from legacy-text.ts. */
function withLegacyText(record: BibRecord, mode: LegacyTextMode, index: number): BibRecord {
  const { title, creator } = legacyTextFor(mode, index);
  return { ...record, title: title[0], subtitle: undefined, author: creator[0] };
}

function breakPayload(payload: string, kind: 'amp' | 'xmlDecl' | 'charRef'): string {
  if (kind === 'xmlDecl') return `<?xml version="1.0" encoding="UTF-8"?>${payload}`;
  const at = payload.indexOf('</');
  return `${payload.slice(0, at)}${kind === 'amp' ? ' Nhà sách Hà & Co' : ' &#x1;'}${payload.slice(at)}`;
}

function renderRecord(repo: Repository, entry: Entry, prefix: string, position: number): string {
  const source = repo.recordOf(entry);
  const head = header(repo, entry, source);
  if (entry.deleted) return `<record>${head}</record>`;
  const legacy = repo.modes.legacyText;
  const text = legacy ? withLegacyText(source, legacy, entry.index ?? 0) : source;
  const record = withDataFaults(text, repo.modes);
  let payload =
    prefix === 'marc21'
      ? renderMarc21(record)
      : prefix === 'xoai'
        ? renderXoai(record)
        : renderOaiDc(record, !repo.modes.hoistNamespaces);
  const broken = repo.modes.brokenRecords;
  if (broken && position % broken.every === (broken.at ?? 0))
    payload = breakPayload(payload, broken.kind);
  const about =
    entry.index !== undefined && entry.index % 25 === 3
      ? `<about><provenance xmlns="http://www.openarchives.org/OAI/2.0/provenance"><originDescription harvestDate="2025-01-01" altered="false"><baseURL>https://thuvien.example.vn/oai</baseURL><identifier>${escapeXml(entry.identifier)}</identifier></originDescription></provenance></about>`
      : '';
  return `<record>${head}<metadata>${payload}</metadata>${about}</record>`;
}

function identify(repo: Repository): string {
  return (
    `<Identify><repositoryName>Thư viện ${escapeXml(repo.name)} (Hợp Lưu test provider)</repositoryName>` +
    `<baseURL>http://127.0.0.1/oai/${escapeXml(repo.name)}</baseURL><protocolVersion>2.0</protocolVersion>` +
    `<adminEmail>${escapeXml(repo.adminEmail)}</adminEmail>` +
    `<earliestDatestamp>${formatDate(repo, repo.earliestDatestamp)}</earliestDatestamp>` +
    `<deletedRecord>${repo.deletedRecord}</deletedRecord>` +
    `<granularity>${repo.granularity === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM-DDThh:mm:ssZ'}</granularity>` +
    `<compression>gzip</compression><compression>deflate</compression>` +
    `<description><oai-identifier xmlns="http://www.openarchives.org/OAI/2.0/oai-identifier">` +
    `<scheme>oai</scheme><repositoryIdentifier>${escapeXml(repo.generator.libraryCode ?? 'lib')}.vn</repositoryIdentifier>` +
    `<delimiter>:</delimiter><sampleIdentifier>oai:${escapeXml(repo.generator.libraryCode ?? 'lib')}.vn:0000001</sampleIdentifier>` +
    `</oai-identifier></description></Identify>`
  );
}

function listMetadataFormats(repo: Repository, params: Record<string, string>): string {
  if (params.identifier) {
    const entry = findEntry(repo, params.identifier);
    if (entry.deleted) throw new OaiError('noMetadataFormats', 'The item is deleted; no formats.');
  }
  const formats = formatsOf(repo).map(
    (f) =>
      `<metadataFormat><metadataPrefix>${f.prefix}</metadataPrefix><schema>${f.schema}</schema>` +
      `<metadataNamespace>${f.ns}</metadataNamespace></metadataFormat>`,
  );
  return `<ListMetadataFormats>${formats.join('')}</ListMetadataFormats>`;
}

function listSets(repo: Repository, params: Record<string, string>): string {
  if (!repo.setsEnabled)
    throw new OaiError('noSetHierarchy', 'This repository does not support sets.');
  if (params.resumptionToken)
    throw new OaiError('badResumptionToken', 'ListSets has a single page.');
  const sets = repo
    .setSpecs()
    .map(
      (spec) =>
        `<set><setSpec>${escapeXml(spec)}</setSpec><setName>${escapeXml(setName(spec))}</setName>` +
        `<setDescription><oai_dc:dc xmlns:oai_dc="${OAI_DC_NS}" xmlns:dc="${DC_NS}"><dc:description>${escapeXml(setName(spec))}</dc:description></oai_dc:dc></setDescription></set>`,
    );
  return `<ListSets>${sets.join('')}</ListSets>`;
}

function setName(spec: string): string {
  const names: Record<string, string> = {
    lib: 'Thư viện',
    type: 'Loại tài liệu',
    lang: 'Ngôn ngữ',
    'type:book': 'Sách',
    'type:thesis': 'Luận án',
    'type:map': 'Bản đồ',
    'lang:vie': 'Tiếng Việt',
    'lang:eng': 'Tiếng Anh',
  };
  return names[spec] ?? spec;
}

function getRecord(repo: Repository, params: Record<string, string>): string {
  checkPrefix(repo, params.metadataPrefix);
  const entry = findEntry(repo, params.identifier);
  return `<GetRecord>${renderRecord(repo, entry, params.metadataPrefix, 0)}</GetRecord>`;
}

function listState(repo: Repository, params: Record<string, string>): TokenState {
  if (params.resumptionToken) {
    const state = decodeToken(params.resumptionToken);
    if (!state || state.verb !== params.verb)
      throw new OaiError('badResumptionToken', 'Unknown resumptionToken.');
    if (state.exp < Date.now())
      throw new OaiError('badResumptionToken', 'The resumptionToken has expired.');
    return state;
  }
  checkPrefix(repo, params.metadataPrefix);
  if (params.set && !repo.setsEnabled)
    throw new OaiError('noSetHierarchy', 'This repository does not support sets.');
  if (params.from && params.until && params.from.length !== params.until.length) {
    throw new OaiError('badArgument', 'from and until must have the same granularity.');
  }
  return {
    verb: params.verb,
    prefix: params.metadataPrefix,
    from: params.from,
    until: params.until,
    set: params.set,
    offset: 0,
    exp: 0,
  };
}

function nextToken(
  repo: Repository,
  state: TokenState,
  nextOffset: number,
  total: number,
  requestToken?: string,
): string | undefined {
  const modes = repo.modes;
  const fresh = (changes: Partial<TokenState>) =>
    encodeToken({ ...state, ...changes, exp: Date.now() + repo.tokenTtlMs });
  if (modes.tokenLoop && requestToken) return requestToken;
  if (nextOffset < total) return fresh({ offset: nextOffset });
  if (modes.endless) return fresh({ offset: 0, lap: (state.lap ?? 0) + 1 });
  const spurious = state.spurious ?? 0;
  if (modes.spuriousLastToken !== undefined && spurious < modes.spuriousLastToken) {
    return fresh({ offset: total, spurious: spurious + 1 });
  }
  return undefined;
}

function listItems(repo: Repository, params: Record<string, string>): string {
  const verb = params.verb;
  const state = listState(repo, params);
  const entries = repo.query({
    from: state.from ? parseDate(repo, state.from, false) : undefined,
    until: state.until ? parseDate(repo, state.until, true) : undefined,
    set: state.set,
  });
  if (entries.length === 0 && !params.resumptionToken)
    throw new OaiError('noRecordsMatch', 'No records match.');
  const page = entries.slice(state.offset, state.offset + repo.pageSize);
  const prefix = state.prefix ?? 'oai_dc';
  const items = page.map((entry, i) =>
    verb === 'ListRecords'
      ? renderRecord(repo, entry, prefix, i)
      : header(repo, entry, repo.recordOf(entry)),
  );
  const total = entries.length;
  const token = nextToken(repo, state, state.offset + page.length, total, params.resumptionToken);
  const multiPage =
    token !== undefined || params.resumptionToken !== undefined || repo.modes.shortBy;
  const size = total + (repo.modes.shortBy ?? 0);
  const expires = token
    ? ` expirationDate="${new Date(Date.now() + repo.tokenTtlMs).toISOString().slice(0, 19)}Z"`
    : '';
  const tokenXml = multiPage
    ? `<resumptionToken completeListSize="${size}" cursor="${cursorOf(repo, state.offset)}"${expires}>${token ?? ''}</resumptionToken>`
    : '';
  return `<${verb}>${items.join('\n')}${tokenXml}</${verb}>`;
}

/** The entries before the page, as OAI-PMH defines cursor; the page number in `pageCursor` mode (DSpace XOAI). */
function cursorOf(repo: Repository, offset: number): number {
  return repo.modes.pageCursor ? Math.floor(offset / repo.pageSize) : offset;
}

const VERB_HANDLERS: Record<string, (repo: Repository, params: Record<string, string>) => string> =
  {
    Identify: identify,
    ListMetadataFormats: listMetadataFormats,
    ListSets: listSets,
    GetRecord: getRecord,
    ListIdentifiers: listItems,
    ListRecords: listItems,
  };
