import { titleForms } from './title';

const titleOf = (title: string, languages: string[]) =>
  titleForms(title, undefined, languages).title;

describe('titleForms', () => {
  it('drops a leading English article, punctuation and diacritics', () => {
    expect(titleOf('The history of Vietnam: a reader!', ['eng'])).toBe(
      'history of vietnam a reader',
    );
    expect(titleOf('The history of Vietnam', [])).toBe('history of vietnam'); // language unknown
  });

  it('keeps Vietnamese words that look like articles', () => {
    expect(titleOf('La Hán và chùa Việt', ['vie'])).toBe('la han chua viet');
    expect(titleOf('A Phủ', ['vie'])).toBe('a phu');
  });

  it('drops French articles only for French records, including elision', () => {
    expect(titleOf("L'amant", ['fra'])).toBe('amant');
    expect(titleOf('La peste', ['fra'])).toBe('peste');
    expect(titleOf('La peste', ['eng'])).toBe('la peste');
  });

  it('keeps a title that is only an article', () => {
    expect(titleOf('The', ['eng'])).toBe('the');
  });

  it("folds 'Đ' to 'd', keeping the word's first letter", () => {
    expect(titleOf('Đất rừng phương Nam', ['vie'])).toBe('dat rung phuong nam');
  });

  it('takes the volume out of the title', () => {
    expect(titleForms('Lịch sử Việt Nam. Tập 2', undefined, ['vie'])).toMatchObject({
      title: 'lich su viet nam',
      volume: '2',
    });
  });
});
