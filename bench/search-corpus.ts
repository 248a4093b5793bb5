/**
 * The bench:search corpus: ~20 simulated partner libraries and a lazily generated stream of
 * their catalogue documents, built the way the harvester builds them (generator → OAI-PMH
 * XML → normalizeRecord → toCatalogueDocument), so the index holds what production would.
 * Works are not matched (1M records through the works store would be a bench of its own):
 * each document is put in the work the generator made it a copy of (`benchWorkOf`).
 */
import { createHash } from 'node:crypto';
import { normalizeRecord } from '@hop-luu/records';
import {
  CatalogueDocument,
  LibraryInfo,
  toCatalogueDocument,
  WorkFacts,
} from '@hop-luu/search-index';
import { BibRecord, generateRecord, renderMarc21, renderOaiDc } from '@hop-luu/oai-test-provider';

export interface BenchLibrary {
  readonly code: string;
  readonly info: LibraryInfo;
  /** Koha-style libraries expose MARC 21; repositories (DSpace, EPrints) simple Dublin Core. */
  readonly prefix: 'marc21' | 'oai_dc';
  /** Relative catalogue size: the national and big university libraries hold the most. */
  readonly weight: number;
  readonly seed: number;
}

type LibrarySpec = [code: string, name: string, kind: string, province: string, weight: number];

const SPECS: LibrarySpec[] = [
  ['nlv', 'Thư viện Quốc gia Việt Nam', 'national', 'Hà Nội', 12],
  ['vnu', 'Trung tâm Thư viện và Tri thức số, ĐHQG Hà Nội', 'university', 'Hà Nội', 8],
  ['hust', 'Thư viện Tạ Quang Bửu, ĐH Bách khoa Hà Nội', 'university', 'Hà Nội', 6],
  ['vnuhcm', 'Thư viện Trung tâm ĐHQG TP. Hồ Chí Minh', 'university', 'TP. Hồ Chí Minh', 8],
  ['hcmlib', 'Thư viện Khoa học Tổng hợp TP. Hồ Chí Minh', 'provincial', 'TP. Hồ Chí Minh', 9],
  ['hnlib', 'Thư viện Hà Nội', 'provincial', 'Hà Nội', 6],
  ['dnlib', 'Thư viện Khoa học Tổng hợp Đà Nẵng', 'provincial', 'Đà Nẵng', 5],
  ['udn', 'Trung tâm Học liệu, Đại học Đà Nẵng', 'university', 'Đà Nẵng', 4],
  ['nalib', 'Thư viện tỉnh Nghệ An', 'provincial', 'Nghệ An', 4],
  ['vinhuni', 'Thư viện Nguyễn Thúc Hào, ĐH Vinh', 'university', 'Nghệ An', 3],
  ['hue', 'Thư viện Tổng hợp Thừa Thiên Huế', 'provincial', 'Huế', 4],
  ['hueuni', 'Trung tâm Thông tin Thư viện, Đại học Huế', 'university', 'Huế', 3],
  ['ctu', 'Trung tâm Học liệu, Đại học Cần Thơ', 'university', 'Cần Thơ', 5],
  ['hplib', 'Thư viện Khoa học Tổng hợp Hải Phòng', 'provincial', 'Hải Phòng', 3],
  ['qnlib', 'Thư viện tỉnh Quảng Ninh', 'provincial', 'Quảng Ninh', 2],
  ['lib-lnd', 'Thư viện tỉnh Lâm Đồng', 'provincial', 'Lâm Đồng', 2],
  ['vass', 'Thư viện Khoa học Xã hội', 'special', 'Hà Nội', 5],
  ['nlm', 'Thư viện Y học Trung ương', 'special', 'Hà Nội', 3],
  ['army', 'Thư viện Quân đội', 'special', 'Hà Nội', 2],
  ['vfu', 'Thư viện Văn hóa Phật giáo Huệ Quang', 'other', 'TP. Hồ Chí Minh', 1],
];

/** Every third library runs a DSpace/EPrints-style repository (Dublin Core), the rest Koha (MARC 21). */
export const LIBRARIES: readonly BenchLibrary[] = SPECS.map(
  ([code, name, kind, province, weight], i) => ({
    code,
    info: { name, kind, province },
    prefix: i % 3 === 2 ? 'oai_dc' : 'marc21',
    weight,
    seed: 101 + i,
  }),
);

/** How many of `total` records each library holds, proportional to its weight, summing to `total`. */
export function librarySizes(total: number): number[] {
  const weights = LIBRARIES.reduce((sum, library) => sum + library.weight, 0);
  const sizes = LIBRARIES.map((library) => Math.floor((total * library.weight) / weights));
  sizes[0] += total - sizes.reduce((sum, size) => sum + size, 0);
  return sizes;
}

const FAMOUS_SLOTS = 120;
const UNIQUE_OFFSETS = [1, 2, 3, 4, 6, 7, 8, 9];

/**
 * The generator makes every index % 10 ∈ {0, 5} a copy of one of 12 famous works. Left as is,
 * 1M records would hold each famous work ~8,000 times; real libraries hold a title once or
 * twice. So a library's first 120 records cover the famous works once (all editions) and the
 * rest use only the generator's library-unique slots.
 */
export function generatorIndex(local: number): number {
  if (local < FAMOUS_SLOTS) return local;
  const j = local - FAMOUS_SLOTS;
  return FAMOUS_SLOTS + Math.floor(j / UNIQUE_OFFSETS.length) * 10 + UNIQUE_OFFSETS[j % 8];
}

/**
 * The work of a generated record: the generator's edition key (the same work in the same
 * edition, whichever library holds it; libs/oai-test-provider), as an id shaped like the
 * works store's ('w' + 16 hex), with the rule saying where the grouping came from.
 */
export function benchWorkOf(bib: Pick<BibRecord, 'editionKey'>): WorkFacts {
  const hash = createHash('sha1').update(bib.editionKey).digest('hex');
  return {
    id: `w${hash.slice(0, 16)}`,
    rule: 'generated-edition',
    facts: [`generator edition ${bib.editionKey}`],
  };
}

export interface CorpusDoc {
  readonly id: string;
  readonly document: CatalogueDocument;
}

/** Record `local` of `library`, as the harvester would index it; throws if normalising fails. */
export function buildDocument(library: BenchLibrary, local: number, now: Date): CorpusDoc {
  const bib = generateRecord(generatorIndex(local), {
    seed: library.seed,
    libraryName: library.info.name,
    libraryCode: library.code,
  });
  const xml = library.prefix === 'marc21' ? renderMarc21(bib) : renderOaiDc(bib);
  const result = normalizeRecord({
    sourceId: library.code,
    oaiIdentifier: bib.identifier,
    datestamp: bib.datestamp.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    deleted: false,
    setSpecs: bib.setSpecs,
    metadataPrefix: library.prefix,
    metadataXml: xml,
  });
  if (!result.ok) throw new Error(`${library.code} #${local}: ${result.error.message}`);
  return {
    id: result.record.id,
    document: toCatalogueDocument(result.record, library.info, benchWorkOf(bib), now),
  };
}

/**
 * The whole corpus in batches, generated on demand: libraries interleaved (round-robin, one
 * batch slice each) like concurrent harvests, and never more than one batch in memory here.
 */
export function* corpusBatches(total: number, batchSize: number): Generator<CorpusDoc[]> {
  const sizes = librarySizes(total);
  const next = sizes.map(() => 0);
  const now = new Date();
  const slice = Math.max(1, Math.floor(batchSize / 4));
  let batch: CorpusDoc[] = [];
  for (let remaining = total; remaining > 0;) {
    for (let l = 0; l < LIBRARIES.length; l++) {
      const end = Math.min(sizes[l], next[l] + slice);
      for (; next[l] < end; next[l]++, remaining--) {
        batch.push(buildDocument(LIBRARIES[l], next[l], now));
        if (batch.length === batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
  }
  if (batch.length > 0) yield batch;
}
