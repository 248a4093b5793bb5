import { generateRecord } from '@hop-luu/oai-test-provider';
import { DEMO_LIBRARIES } from './demo-feed';

describe('the demo feed', () => {
  it.each(DEMO_LIBRARIES.map((library) => [library.repository.name, library]))(
    '%s holds each edition of a work once, as a real library does',
    (_name, library) => {
      const { records, generator } = library.repository;
      const editions = Array.from(
        { length: records ?? 0 },
        (_, i) => generateRecord(i, generator).editionKey,
      );
      expect(new Set(editions).size).toBe(editions.length);
    },
  );

  it('has well-known works held by every library, for the union view', () => {
    const editionsOf = (library: (typeof DEMO_LIBRARIES)[number]) =>
      new Set(
        Array.from(
          { length: library.repository.records ?? 0 },
          (_, i) => generateRecord(i, library.repository.generator).editionKey,
        ),
      );
    const [first, ...others] = DEMO_LIBRARIES.map(editionsOf);
    const everywhere = [...first].filter((key) => others.every((set) => set.has(key)));
    expect(everywhere.length).toBeGreaterThanOrEqual(12);
  });
});
