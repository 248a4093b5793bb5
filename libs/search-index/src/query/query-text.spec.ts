import { isbnForms, parseQuery, queryForms } from './query-text';

describe('parseQuery', () => {
  it('separates field:value parts from free words, keeping signs and phrases', () => {
    expect(parseQuery('truyện kiều author:"Nguyễn Du" -subject:thơ')).toEqual({
      free: 'truyện kiều',
      fielded: [
        { field: 'author', value: '"Nguyễn Du"' },
        { field: 'subject', value: '-thơ' },
      ],
    });
  });

  it('leaves unknown prefixes (a URL, a time) in the free text', () => {
    expect(parseQuery('http://x.vn 10:30').fielded).toEqual([]);
  });
});

describe('queryForms', () => {
  it('gives the exact form with one tone placement and the folded form with đ → d', () => {
    const forms = queryForms('Đặng Thai Mai hoà bình');
    expect(forms.folded).toBe('dang thai mai hoa binh');
    expect(forms.exact).toBe(queryForms('đặng thai mai hòa bình').exact);
  });

  it('normalises decomposed input to the same forms', () => {
    expect(queryForms('Lịch sử'.normalize('NFD'))).toEqual(queryForms('Lịch sử'));
  });
});

describe('isbnForms', () => {
  it('reads an ISBN-10 or ISBN-13, hyphenated or not, into both forms', () => {
    expect(isbnForms('0-306-40615-2')).toEqual(['9780306406157', '0306406152']);
    expect(isbnForms('978-0-306-40615-7')).toEqual(['9780306406157', '0306406152']);
  });

  it('is undefined for words and for a wrong check digit', () => {
    expect(isbnForms('lich su')).toBeUndefined();
    expect(isbnForms('9780306406158')).toBeUndefined();
  });
});
