import { CatalogueError } from './catalogue.errors';
import { checkQueryText, checkSearchArgs } from './argument-limits';
import { SearchSort } from './search.inputs';

describe('catalogue argument limits', () => {
  it('accepts what people type: phrases, fields, exclusions, a few prefixes', () => {
    expect(() =>
      checkQueryText('"lịch sử" author:"Trần Trọng Kim" -giáo viet* nam* | hue*'),
    ).not.toThrow();
  });

  it.each([
    ['a query over 500 characters', 'x'.repeat(501), /501 characters long; the limit is 500/],
    [
      '33 words',
      Array.from({ length: 33 }, (_, i) => `w${i}`).join(' '),
      /33 words; the limit is 32/,
    ],
    ['5 prefix terms', 'a* b* c* d* e*', /5 prefix terms \(word\*\); the limit is 4/],
  ])('refuses %s, naming the limit', (_what, query, message) => {
    expect(() => checkQueryText(query)).toThrow(CatalogueError);
    expect(() => checkQueryText(query)).toThrow(message);
  });

  it('refuses filters longer than any real search needs', () => {
    const args = { sort: SearchSort.RELEVANCE, first: 10 };
    expect(() =>
      checkSearchArgs({ ...args, filters: { subjects: Array(51).fill('Lịch sử') } }),
    ).toThrow(/filters.subjects lists 51 values; the limit is 50/);
    expect(() => checkSearchArgs({ ...args, filters: { provinces: ['x'.repeat(201)] } })).toThrow(
      /filters.provinces is over 200 characters/,
    );
    const names = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    const together = {
      sourceIds: names('tv-', 50),
      libraryKinds: names('k', 5),
      provinces: names('p', 5),
    };
    expect(() => checkSearchArgs({ ...args, filters: together })).toThrow(
      /together make 1250 combinations; the limit is 1000/,
    );
    expect(() =>
      checkSearchArgs({ ...args, filters: { ...together, provinces: names('p', 4) } }),
    ).not.toThrow();
  });
});
