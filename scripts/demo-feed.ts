import type { RepositoryConfig, ResponseModes } from '@hop-luu/oai-test-provider';
import type { LibraryKind } from '@hop-luu/sources';

/** A partner library of the demo: its sample repository and how it registers. */
export interface DemoLibrary {
  readonly repository: RepositoryConfig;
  readonly kind: LibraryKind;
  readonly province: string;
  readonly metadataPrefix: 'oai_dc' | 'marc21';
}

/**
 * The bundled sample feed: generated, realistic Vietnamese and English records from four
 * kinds of library, in oai_dc and MARC 21. Each holds the same dozen well-known works (one
 * or two editions each), so the union view has works held by several libraries; the rest
 * of each catalogue is its own.
 */
export const DEMO_LIBRARIES: DemoLibrary[] = [
  {
    repository: {
      name: 'tvqg',
      records: 400,
      pageSize: 100,
      generator: {
        seed: 101,
        libraryName: 'Thư viện Quốc gia Việt Nam',
        libraryCode: 'nlv',
        famousWorksOnce: true,
      },
    },
    kind: 'national',
    province: 'Hà Nội',
    metadataPrefix: 'marc21',
  },
  {
    repository: {
      name: 'dhqg-hcm',
      records: 300,
      pageSize: 100,
      generator: {
        seed: 202,
        libraryName: 'Thư viện Trung tâm ĐHQG-HCM',
        libraryCode: 'vnuhcm',
        famousWorksOnce: true,
      },
    },
    kind: 'university',
    province: 'TP. Hồ Chí Minh',
    metadataPrefix: 'oai_dc',
  },
  {
    repository: {
      name: 'tv-nghe-an',
      records: 200,
      pageSize: 50,
      granularity: 'day',
      generator: {
        seed: 303,
        libraryName: 'Thư viện tỉnh Nghệ An',
        libraryCode: 'tvna',
        famousWorksOnce: true,
      },
    },
    kind: 'provincial',
    province: 'Nghệ An',
    metadataPrefix: 'marc21',
  },
  {
    repository: {
      name: 'vien-han-lam',
      records: 150,
      pageSize: 50,
      generator: {
        seed: 404,
        libraryName: 'Thư viện Viện Hàn lâm KHXH Việt Nam',
        libraryCode: 'vass',
        famousWorksOnce: true,
      },
    },
    kind: 'special',
    province: 'Hà Nội',
    metadataPrefix: 'oai_dc',
  },
];

/**
 * The library whose feed fails on purpose, so the console's overview shows a failing source,
 * its run page the error and what to do, and an alert e-mail arrives: its server hands back
 * the resumption token it was asked with, a loop the harvester stops as TOKEN_LOOP after the
 * first page. Not part of DEMO_LIBRARIES, whose works every library holds.
 */
export const DEMO_FAILING_LIBRARY: DemoLibrary & { readonly modes: ResponseModes } = {
  repository: {
    name: 'tv-thai-binh',
    records: 120,
    pageSize: 40,
    generator: { seed: 505, libraryName: 'Thư viện tỉnh Thái Bình', libraryCode: 'tvtb' },
  },
  kind: 'provincial',
  province: 'Thái Bình',
  metadataPrefix: 'oai_dc',
  modes: { tokenLoop: true },
};

export const DEMO_PROVIDER_PORT = 8089;
