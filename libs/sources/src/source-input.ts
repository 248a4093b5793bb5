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

function invalid(message: string): never {
  throw new SourceError(SourceErrorCode.Invalid, message);
}

/** Checks the fields that need no network; throws SourceError(SOURCE_INVALID) naming the field. */
export function validateSourceInput(input: Partial<SourceInput>): void {
  if (input.id !== undefined && !SOURCE_ID.test(input.id)) {
    invalid(
      `Source id "${input.id}" must be 2–64 lowercase letters, digits or dashes, e.g. "hcmus-dspace".`,
    );
  }
  if (input.libraryName !== undefined && input.libraryName.trim() === '')
    invalid('libraryName must not be empty.');
  if (input.libraryKind !== undefined && !LIBRARY_KINDS.includes(input.libraryKind)) {
    invalid(`libraryKind "${input.libraryKind}" must be one of ${LIBRARY_KINDS.join(', ')}.`);
  }
  if (input.baseUrl !== undefined) validateBaseUrl(input.baseUrl);
  if (input.metadataPrefix !== undefined && !/^[A-Za-z0-9_.!~*'()-]+$/.test(input.metadataPrefix)) {
    invalid(
      `metadataPrefix "${input.metadataPrefix}" is not a valid OAI-PMH metadataPrefix, e.g. "oai_dc".`,
    );
  }
  if (input.schedule && !isValidCron(input.schedule)) {
    invalid(
      `schedule "${input.schedule}" is not a cron expression; e.g. "0 2 * * *" harvests daily at 02:00.`,
    );
  }
}

function validateBaseUrl(baseUrl: string): void {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return invalid(
      `baseUrl "${baseUrl}" is not a URL; give the OAI-PMH endpoint, e.g. https://lib.example.vn/oai.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    invalid(`baseUrl "${baseUrl}" must use http or https.`);
  if (url.username || url.password) invalid('baseUrl must not carry a user name or password.');
  if (url.search)
    invalid(`baseUrl "${baseUrl}" must not have a query string; the harvester adds the verbs.`);
  if (url.hash)
    invalid(`baseUrl "${baseUrl}" must not have a #fragment; a server never sees it, so drop it.`);
}
