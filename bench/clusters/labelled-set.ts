/** Reads the labelled set: the generated records (generated.jsonl) and the hand-written cases. */
import { readFileSync } from 'node:fs';
import type { NormalizeInput } from '@hop-luu/records';
import type { LabelledRecord } from './catalogues';
import { GENERATED_FILE } from './generate';
import { HAND_WRITTEN } from './hand-written';

export function loadLabelledSet(): LabelledRecord[] {
  const generated = readFileSync(GENERATED_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledRecord);
  return [...generated, ...HAND_WRITTEN];
}

/** What the harvester would pass to `normalizeRecord` for the record. */
export function normalizeInputOf(record: LabelledRecord): NormalizeInput {
  return {
    sourceId: record.sourceId,
    oaiIdentifier: record.oaiIdentifier,
    datestamp: '2026-01-01T00:00:00Z',
    deleted: false,
    setSpecs: [],
    metadataPrefix: record.metadataPrefix,
    metadataXml: record.xml,
  };
}
