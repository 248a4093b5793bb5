import { generateRecords } from './generator';

function distinct(vocabulary: 'compact' | 'broad'): { titles: number; authors: number } {
  const titles = new Set<string>();
  const authors = new Set<string>();
  for (const record of generateRecords(20_000, { vocabulary })) {
    titles.add(record.title);
    authors.add(record.author);
  }
  return { titles: titles.size, authors: authors.size };
}

describe('generated records', () => {
  it('repeat a few hundred titles and authors by default, and thousands with the broad vocabulary', () => {
    const compact = distinct('compact');
    expect(compact.titles).toBeLessThan(300);
    expect(compact.authors).toBeLessThan(40);
    const broad = distinct('broad');
    expect(broad.titles).toBeGreaterThan(3_000);
    expect(broad.authors).toBeGreaterThan(3_000);
  });

  it('write a broad Vietnamese author family name first, and others inverted', () => {
    const authors = [...generateRecords(200, { vocabulary: 'broad' })]
      .filter((r) => r.workKey.startsWith('work-'))
      .map((r) => ({ author: r.author, language: r.language }));
    for (const { author, language } of authors)
      if (language === 'vie')
        expect(author).toMatch(/^\p{Lu}\p{Ll}* \p{Lu}\p{Ll}* \p{Lu}\p{Ll}*$/u);
      else expect(author).toMatch(/^[A-Z][a-z]+, [A-Z][a-z]+$/);
  });
});
