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
      fixes: ['tcvn3'],
    });
    expect(cleanValue('Lịch sử').fixes).toEqual([]);
  });
});

describe('RecordDraft.text warnings', () => {
  it('names the field and the repair, and says when damage was left as sent', () => {
    const draft = new RecordDraft();
    expect(draft.text('dc:title', 'Há»“ ChÃ­ Minh')).toBe('Hồ Chí Minh');
    expect(draft.text('dc:creator', 'Café Ã©tÃ©')).toBe('Café Ã©tÃ©');
    expect(draft.text('dc:creator', 'Maß, Sandra')).toBe('Maß, Sandra');
    expect(draft.warnings).toEqual([
      'dc:title: repaired double-encoded UTF-8 (UTF-8 read as Windows-1252)',
      'dc:creator: looks like double-encoded UTF-8 but cannot be repaired as a whole; left unchanged',
    ]);
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
