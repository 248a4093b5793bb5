import { en } from '../i18n/en';
import { interpolate } from '../i18n/interpolate';
import { vi } from '../i18n/vi';
import type { Translate } from '../i18n/i18n';
import { factText } from './match-facts';

const inVietnamese: Translate = (key, params) => interpolate(vi[key], params);
const inEnglish: Translate = (key, params) => interpolate(en[key], params);

describe('factText', () => {
  it('says the matcher’s evidence in Vietnamese, values kept as sent', () => {
    expect(factText('title similarity 0.94', inVietnamese)).toBe('độ giống nhan đề 0.94');
    expect(factText('same year 2012', inVietnamese)).toBe('cùng năm 2012');
    expect(factText('pages 412 ~ 415', inVietnamese)).toBe('số trang gần nhau: 412 và 415');
    expect(factText('authors Phan Huy Lê = Phan, Huy Lê', inVietnamese)).toBe(
      'tác giả Phan Huy Lê = Phan, Huy Lê',
    );
  });

  it('gives the English phrase back in English, and an unknown phrase as sent', () => {
    expect(factText('same edition 2', inEnglish)).toBe('same edition 2');
    expect(factText('ISBN 9786046344858', inVietnamese)).toBe('ISBN 9786046344858');
  });
});
