/**
 * A record's id across the union catalogue: the source's slug and the record's OAI identifier
 * (unique within one repository). The raw record's primary key and the index document's id.
 */
export function catalogueRecordId(sourceId: string, oaiIdentifier: string): string {
  return `${sourceId}:${oaiIdentifier}`;
}
