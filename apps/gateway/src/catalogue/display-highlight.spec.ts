import { markPassages, markText, matchedWords } from './display-highlight';

describe('display highlights', () => {
  it('takes the marked words from search-form fragments, ignoring case and diacritics', () => {
    const words = matchedWords(['truyện <em>kiều</em>', '<em>doan</em> <em>truong</em> tân thanh']);
    expect([...words].sort()).toEqual(['doan', 'kieu', 'truong']);
  });

  it('marks the words in the text as the library wrote it', () => {
    const words = matchedWords(['truyện <em>kiều</em>']);
    expect(markText('Truyện Kiều / Nguyễn Du', words)).toBe('Truyện <em>Kiều</em> / Nguyễn Du');
  });

  it('marks a word typed without diacritics where the text has them, đ included', () => {
    const words = matchedWords(['<em>dang</em> <em>thai</em> mai']);
    expect(markText('Đặng Thai Mai', words)).toBe('<em>Đặng</em> <em>Thai</em> Mai');
  });

  it('matches either tone-mark placement (hoà / hòa)', () => {
    expect(markText('Văn hoà Huế', matchedWords(['văn <em>hòa</em>']))).toBe(
      'Văn <em>hoà</em> Huế',
    );
  });

  it('leaves a text with none of the words unmarked', () => {
    expect(markText('Số đỏ', matchedWords(['<em>kiều</em>']))).toBeUndefined();
  });

  it('escapes the partner-supplied text so the only markup is <em>', () => {
    const words = matchedWords(['<em>kiều</em>']);
    expect(markText('<script>x</script> Kiều & "Vân"', words)).toBe(
      '&lt;script&gt;x&lt;/script&gt; <em>Kiều</em> &amp; &quot;Vân&quot;',
    );
  });

  it('cuts at most two passages of a long text around its matches, at word boundaries', () => {
    const filler = 'một hai ba bốn năm sáu bảy tám chín mười '.repeat(8);
    const text = `${filler}gốm Chu Đậu ${filler}làng gốm Bát Tràng ${filler}gốm Phù Lãng`;
    const passages = markPassages(text, matchedWords(['<em>gom</em>']));
    expect(passages).toHaveLength(2);
    expect(passages[0]).toMatch(/^… .*<em>gốm<\/em> Chu Đậu.* …$/);
    expect(passages[1]).toContain('<em>gốm</em> Bát Tràng');
    for (const passage of passages) {
      expect(passage.length).toBeLessThan(260);
      expect(passage).not.toMatch(/^… \S*[^\s…]\S* $/); // never starts mid-word
    }
  });
});
