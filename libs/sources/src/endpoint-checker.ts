import { lookup } from 'node:dns/promises';
import { AppConfig } from '@hop-luu/config';
import {
  DAY_GRANULARITY,
  isOaiPmhError,
  isPrivateAddress,
  OaiErrorCode,
  OaiIdentify,
  OaiMetadataFormat,
  OaiPmhClient,
} from '@hop-luu/oai-pmh';
import { CheckStep, EndpointCheck, EndpointCheckRequest, StepResult } from './endpoint-check';
import { PreviewRecord, previewOf } from './endpoint-preview';
import { createOaiClient, xmlLimitsOf } from './oai-client.factory';
import { formatWarnings, RegistrationWarning } from './registration-warnings';
import { SourceError, SourceErrorCode } from './source.errors';
import { validateSourceInput } from './source-input';
import { identifyFacts } from './identify-facts';

/** Most records a preview shows. */
export const MAX_PREVIEW_RECORDS = 5;
/** A check is interactive: each request gives up after this, and is tried twice at most. */
const CHECK_TIMEOUT_MS = 10_000;
/** A preview reads part of one page; no check downloads more than this. */
const CHECK_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** A check in progress: what it found so far. */
interface Found {
  steps: StepResult[];
  identify: OaiIdentify | null;
  formats: OaiMetadataFormat[];
  warnings: RegistrationWarning[];
  preview: PreviewRecord[];
}

/**
 * The live endpoint check, step by step; registration runs it without the preview, so what a
 * partner is shown and what registration accepts are one code path. A step that refuses the
 * endpoint ends the check.
 */
export async function runEndpointCheck(
  config: AppConfig,
  request: EndpointCheckRequest,
): Promise<EndpointCheck & { warnings: RegistrationWarning[] }> {
  const found: Found = { steps: [], identify: null, formats: [], warnings: [], preview: [] };
  if (await addressStep(config, request, found)) {
    const client = createOaiClient(config, request.baseUrl, {
      retry: { ...config.harvester.retry, maxAttempts: 2 },
      timeoutMs: CHECK_TIMEOUT_MS,
      maxResponseBytes: Math.min(config.harvester.maxResponseBytes, CHECK_MAX_RESPONSE_BYTES),
    });
    try {
      const reached =
        (await oaiStep('IDENTIFY', request, found, () => identifyStep(client, found))) &&
        (await oaiStep('FORMAT', request, found, () => formatStep(client, request, found)));
      if (reached && request.previewRecords > 0)
        await oaiStep('PREVIEW', request, found, () => previewStep(config, client, request, found));
    } finally {
      client.close();
    }
  }
  return {
    steps: found.steps,
    identify: found.identify ? identifyFacts(found.identify) : null,
    formats: found.formats.map((format) => format.metadataPrefix),
    suggestedMetadataPrefix: found.warnings[0]?.suggestedMetadataPrefix ?? null,
    preview: found.preview,
    warnings: found.warnings,
  };
}

function refused(step: CheckStep, refusal: SourceError, code: string = refusal.code): StepResult {
  return { step, ok: false, code, message: refusal.message, details: null, refusal };
}

async function addressStep(
  config: AppConfig,
  request: EndpointCheckRequest,
  found: Found,
): Promise<boolean> {
  try {
    validateSourceInput({
      baseUrl: request.baseUrl,
      metadataPrefix: request.metadataPrefix,
      sets: request.sets ? [...request.sets] : undefined,
    });
    found.steps.push(await allowedAddress(config, request.baseUrl));
    return true;
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    found.steps.push(refused('ADDRESS', error));
    return false;
  }
}

/**
 * Refuses endpoints whose name resolves to loopback, private, link-local or cloud-metadata
 * addresses before any request is sent. The OAI client applies the same rule again at every
 * connection, since a name can resolve elsewhere later.
 */
async function allowedAddress(config: AppConfig, baseUrl: string): Promise<StepResult> {
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
  if (config.harvester.allowPrivateAddresses)
    return {
      step: 'ADDRESS',
      ok: true,
      code: null,
      message: `${host} is allowed: HARVEST_ALLOW_PRIVATE_ADDRESSES lets sources use any address.`,
      details: null,
    };
  const addresses = await lookup(host, { all: true }).catch(() => {
    throw new SourceError(
      SourceErrorCode.EndpointUnusable,
      `The host of ${baseUrl} does not resolve; check the spelling of the endpoint.`,
    );
  });
  const internal = addresses.find((entry) => isPrivateAddress(entry.address));
  if (internal) {
    throw new SourceError(
      SourceErrorCode.AddressNotAllowed,
      `${baseUrl} resolves to ${internal.address}, a loopback, private, link-local or metadata address; register the library's public OAI-PMH endpoint.`,
    );
  }
  const listed = addresses.map((entry) => entry.address).join(', ');
  return {
    step: 'ADDRESS',
    ok: true,
    code: null,
    message: `${host} resolves to public addresses only (${listed}): allowed.`,
    details: listed,
  };
}

/** Runs one OAI-PMH step; a protocol or transport failure refuses the endpoint at that step. */
async function oaiStep(
  step: CheckStep,
  request: EndpointCheckRequest,
  found: Found,
  run: () => Promise<StepResult>,
): Promise<boolean> {
  try {
    const result = await run();
    found.steps.push(result);
    return !result.refusal;
  } catch (error) {
    if (error instanceof SourceError) {
      found.steps.push(refused(step, error));
      return false;
    }
    if (!isOaiPmhError(error)) throw error;
    const refusal =
      error.code === OaiErrorCode.AddressNotAllowed
        ? new SourceError(SourceErrorCode.AddressNotAllowed, error.message)
        : new SourceError(
            SourceErrorCode.EndpointUnusable,
            `${request.baseUrl} is not a usable OAI-PMH endpoint: ${error.message}`,
          );
    found.steps.push(refused(step, refusal, error.code));
    return false;
  }
}

async function identifyStep(client: OaiPmhClient, found: Found): Promise<StepResult> {
  const identify = await client.identify();
  found.identify = identify;
  const precision = identify.granularity === DAY_GRANULARITY ? 'the day' : 'the second';
  return {
    step: 'IDENTIFY',
    ok: true,
    code: null,
    message:
      `Identify answered: "${identify.repositoryName}", dates to ${precision}, ` +
      `deleted records ${identify.deletedRecord === 'no' ? 'not kept (deletedRecord "no")' : `kept ("${identify.deletedRecord}")`}.`,
    details:
      `earliestDatestamp ${identify.earliestDatestamp}` +
      (identify.adminEmails[0] ? `; adminEmail ${identify.adminEmails[0]}` : ''),
  };
}

async function formatStep(
  client: OaiPmhClient,
  request: EndpointCheckRequest,
  found: Found,
): Promise<StepResult> {
  found.formats = await client.listMetadataFormats();
  const offered = found.formats.map((format) => format.metadataPrefix).join(', ') || 'none';
  const chosen = found.formats.find((format) => format.metadataPrefix === request.metadataPrefix);
  if (!chosen)
    throw new SourceError(
      SourceErrorCode.EndpointUnusable,
      `${request.baseUrl} does not offer metadataPrefix "${request.metadataPrefix}" (it offers: ${offered}); register one of those.`,
    );
  found.warnings = formatWarnings(request.baseUrl, chosen, found.formats);
  const [warning] = found.warnings;
  return warning
    ? { step: 'FORMAT', ok: false, code: warning.code, message: warning.message, details: offered }
    : {
        step: 'FORMAT',
        ok: true,
        code: null,
        message: `The endpoint offers "${request.metadataPrefix}", a format Hợp Lưu maps.`,
        details: offered,
      };
}

/** Reads the first records of the list (one page at most) and normalises them for the catalogue. */
async function previewStep(
  config: AppConfig,
  client: OaiPmhClient,
  request: EndpointCheckRequest,
  found: Found,
): Promise<StepResult> {
  const wanted = Math.min(request.previewRecords, MAX_PREVIEW_RECORDS);
  const context = {
    sourceId: 'preview',
    metadataPrefix: request.metadataPrefix,
    library: {
      name: found.identify?.repositoryName ?? request.baseUrl,
      kind: 'other',
      province: null,
    },
    limits: xmlLimitsOf(config),
  };
  const set = request.sets?.[0];
  for await (const page of client.listRecords({ metadataPrefix: request.metadataPrefix, set })) {
    for await (const item of page.items()) {
      if (item.kind === 'record' && item.record.header.deleted) continue;
      found.preview.push(previewOf(item, context));
      if (found.preview.length >= wanted) break;
    }
    break;
  }
  return previewResult(found.preview);
}

function previewResult(preview: PreviewRecord[]): StepResult {
  if (preview.length === 0)
    return {
      step: 'PREVIEW',
      ok: true,
      code: null,
      message: 'The list has no records yet (or only deleted ones): nothing to preview.',
      details: null,
    };
  const refused = preview.filter((record) => record.title === null).length;
  const warned = preview.filter((record) => record.warnings.length > 0).length;
  return {
    step: 'PREVIEW',
    ok: refused === 0,
    code: refused === 0 ? null : 'RECORDS_NOT_CATALOGUED',
    message:
      `${preview.length} records read: ${preview.length - refused} would be catalogued` +
      (refused ? `, ${refused} would not (see their warnings)` : '') +
      (warned ? `; ${warned} with warnings from normalisation.` : ', without warnings.'),
    details: null,
  };
}
