/** The source list every overview and list page reads; the contract's fields first. */
export interface SourceRow {
  id: string;
  libraryName: string;
  libraryKind: string;
  province: string | null;
  enabled: boolean;
  health: string;
  recordCount: number | null;
  lastSuccessAt?: string | null;
  lastRun: {
    id: string;
    status: string;
    finishedAt: string | null;
    errorCode: string | null;
  } | null;
}

const FIELDS = `id libraryName libraryKind province enabled health recordCount
  lastRun { id status finishedAt errorCode }`;

export const SOURCES_QUERY = `query ConsoleSources { sources { ${FIELDS} lastSuccessAt } }`;
export const SOURCES_FALLBACK = `query ConsoleSourcesBasic { sources { ${FIELDS} } }`;

export interface SourcesData {
  sources: SourceRow[];
}

export const LIBRARY_KINDS = ['national', 'provincial', 'university', 'special', 'other'];

export function provincesOf(sources: SourceRow[]): string[] {
  const names = new Set(sources.map((s) => s.province).filter((p): p is string => !!p));
  return [...names].sort((a, b) => a.localeCompare(b, 'vi'));
}
