import { validate as isValidCron } from 'node-cron';
import { LIBRARY_KINDS, LibraryKind } from './source.entity';
import { SourceError, SourceErrorCode } from './source.errors';

/** What a partner or operator gives to register a source. */
export interface SourceInput {
  readonly id: string;
  readonly libraryName: string;
  readonly libraryKind: LibraryKind;
  readonly province?: string | null;
  readonly baseUrl: string;
  readonly metadataPrefix: string;
  readonly sets?: string[];
  readonly schedule?: string | null;
  readonly enabled?: boolean;
  readonly ownerId?: string | null;
}

const SOURCE_ID = /^[a-z0-9][a-z0-9-]{1,63}$/;

/** Longest value stored for each text field; longer ones are refused, not cut. */
export const SOURCE_INPUT_LIMITS = {
  libraryName: 200,
  province: 100,
  baseUrl: 2000,
  metadataPrefix: 64,
  schedule: 100,
  sets: 50,
  setSpec: 200,
} as const;

/** Longest stretch of a refused value repeated in a message: enough to recognise it. */
const SHOWN_LENGTH = 80;

/** True for a well-formed source id (2–64 lowercase letters, digits or dashes). */
export function isSourceId(value: string): boolean {
  return SOURCE_ID.test(value);
}

/** A refused value as a message repeats it: quoted, and cut to its start if it is long. */
export function shown(value: string): string {
  const cut =
    value.length > SHOWN_LENGTH
      ? `${value.slice(0, SHOWN_LENGTH)}… (${value.length} characters)`
      : value;
  return `"${cut}"`;
}

function invalid(message: string): never {
  throw new SourceError(SourceErrorCode.Invalid, message);
}

function refuseLong(field: string, value: string | null | undefined, max: number): void {
  if (value && value.length > max)
    invalid(`${field} is ${value.length} characters long; the limit is ${max}.`);
}

function validateLengths(input: Partial<SourceInput>): void {
  refuseLong('libraryName', input.libraryName, SOURCE_INPUT_LIMITS.libraryName);
  refuseLong('province', input.province, SOURCE_INPUT_LIMITS.province);
  refuseLong('baseUrl', input.baseUrl, SOURCE_INPUT_LIMITS.baseUrl);
  refuseLong('metadataPrefix', input.metadataPrefix, SOURCE_INPUT_LIMITS.metadataPrefix);
  refuseLong('schedule', input.schedule, SOURCE_INPUT_LIMITS.schedule);
  if (input.sets && input.sets.length > SOURCE_INPUT_LIMITS.sets)
    invalid(`sets lists ${input.sets.length} setSpecs; the limit is ${SOURCE_INPUT_LIMITS.sets}.`);
  for (const set of input.sets ?? []) refuseLong('A setSpec', set, SOURCE_INPUT_LIMITS.setSpec);
}

/** Checks the fields that need no network; throws SourceError(SOURCE_INVALID) naming the field. */
export function validateSourceInput(input: Partial<SourceInput>): void {
  validateLengths(input);
  if (input.id !== undefined && !SOURCE_ID.test(input.id)) {
    invalid(
      `Source id ${shown(input.id)} must be 2–64 lowercase letters, digits or dashes, e.g. "hcmus-dspace".`,
    );
  }
  if (input.libraryName !== undefined && input.libraryName.trim() === '')
    invalid('libraryName must not be empty.');
  if (input.libraryKind !== undefined && !LIBRARY_KINDS.includes(input.libraryKind)) {
    invalid(`libraryKind ${shown(input.libraryKind)} must be one of ${LIBRARY_KINDS.join(', ')}.`);
  }
  if (input.baseUrl !== undefined) validateBaseUrl(input.baseUrl);
  if (input.metadataPrefix !== undefined && !/^[A-Za-z0-9_.!~*'()-]+$/.test(input.metadataPrefix)) {
    invalid(
      `metadataPrefix ${shown(input.metadataPrefix)} is not a valid OAI-PMH metadataPrefix, e.g. "oai_dc".`,
    );
  }
  if (input.schedule && !isValidCron(input.schedule)) {
    invalid(
      `schedule ${shown(input.schedule)} is not a cron expression; e.g. "0 2 * * *" harvests daily at 02:00.`,
    );
  }
}

function validateBaseUrl(baseUrl: string): void {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return invalid(
      `baseUrl ${shown(baseUrl)} is not a URL; give the OAI-PMH endpoint, e.g. https://lib.example.vn/oai.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    invalid(`baseUrl ${shown(baseUrl)} must use http or https.`);
  if (url.username || url.password) invalid('baseUrl must not carry a user name or password.');
  if (url.search)
    invalid(
      `baseUrl ${shown(baseUrl)} must not have a query string; the harvester adds the verbs.`,
    );
  if (url.hash)
    invalid(
      `baseUrl ${shown(baseUrl)} must not have a #fragment; a server never sees it, so drop it.`,
    );
}
