import { readFileSync } from 'fs';
import { join } from 'path';
import type { NormalizedRecord, NormalizeInput } from '../normalized-record';
import { normalizeRecord } from '../normalize';

/** Test helper: reads a fixture relative to libs/records/src. */
export function fixture(relativePath: string): string {
  return readFileSync(join(__dirname, '..', relativePath), 'utf8');
}

/** Test helper: a harvester input around some metadata XML. */
export function inputFor(
  metadataXml: string,
  metadataPrefix: string,
  overrides: Partial<NormalizeInput> = {},
): NormalizeInput {
  return {
    sourceId: 'tv-hanoi',
    oaiIdentifier: 'oai:opac.example.vn:1',
    datestamp: '2024-05-01T00:00:00Z',
    deleted: false,
    setSpecs: ['sach'],
    metadataPrefix,
    metadataXml,
    ...overrides,
  };
}

/** Test helper: normalises and fails the test with the error message when it did not succeed. */
export function normalizeOk(
  metadataXml: string,
  metadataPrefix: string,
  overrides: Partial<NormalizeInput> = {},
): NormalizedRecord {
  const result = normalizeRecord(inputFor(metadataXml, metadataPrefix, overrides));
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.record;
}
