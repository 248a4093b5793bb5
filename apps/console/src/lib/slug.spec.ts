import { SOURCE_ID_PATTERN, suggestSourceId } from './slug';

describe('suggested source ids', () => {
  it('drop Vietnamese diacritics, including đ, and join words with dashes', () => {
    expect(suggestSourceId('Thư viện Đà Nẵng')).toBe('thu-vien-da-nang');
    expect(suggestSourceId('  ĐH Bách khoa – Kho số (DSpace) ')).toBe('dh-bach-khoa-kho-so-dspace');
  });

  it('are ids registerSource accepts, however long the name', () => {
    const id = suggestSourceId('Thư viện '.repeat(20));
    expect(id.length).toBeLessThanOrEqual(64);
    expect(id).toMatch(SOURCE_ID_PATTERN);
  });
});
