import { cleanText, trimIsbd } from '../text';
import { cleanValue } from './clean-value';
import { RecordDraft } from './record-draft';

describe('cleanValue', () => {
  it.each(['  Nguyễn\u00a0 Du\n', 'Truyện Kiều /', 'Hà Nội :'.normalize('NFD'), 'Smith, J.', ''])(
    'gives the text rules of %j, plain and without ISBD punctuation',
    (raw) => {
      const clean = cleanValue(raw);
      expect(clean.plain).toBe(cleanText(raw));
      expect(clean.isbd).toBe(trimIsbd(cleanText(raw)));
    },
  );

  it('repairs legacy encodings and says which one', () => {
    expect(cleanValue('LÞch sö ViÖt Nam')).toMatchObject({
      plain: 'Lịch sử Việt Nam',
      converted: 'tcvn3',
    });
    expect(cleanValue('Lịch sử').converted).toBeUndefined();
  });
});

describe('RecordDraft.text with remembered values', () => {
  it('warns about a converted value in every record, not only the first', () => {
    const first = new RecordDraft();
    const second = new RecordDraft();
    expect(first.text('245', 'LÞch sö ViÖt Nam /')).toBe('Lịch sử Việt Nam');
    expect(second.text('245', 'LÞch sö ViÖt Nam /')).toBe('Lịch sử Việt Nam');
    expect(first.warnings).toEqual(['245: converted from TCVN3 encoding']);
    expect(second.warnings).toEqual(['245: converted from TCVN3 encoding']);
  });
});
