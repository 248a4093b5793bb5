import type { OaiIdentify } from '@hop-luu/oai-pmh';
import type { IdentifyFacts } from './sources.service';

/** What a source keeps of its Identify answer. */
export function identifyFacts(identify: OaiIdentify): IdentifyFacts {
  return {
    repositoryName: identify.repositoryName,
    granularity: identify.granularity,
    earliestDatestamp: identify.earliestDatestamp,
    deletedRecord: identify.deletedRecord,
    adminEmail: identify.adminEmails[0] ?? null,
  };
}
