import type { LibraryInfo } from '@hop-luu/search-index';
import type { Source } from './source.entity';

/** The library facts a source's records carry in the indexes (for facets and display). */
export function libraryOf(source: Source): LibraryInfo {
  return { name: source.libraryName, kind: source.libraryKind, province: source.province };
}
