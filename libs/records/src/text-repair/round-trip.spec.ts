import {
  AUTHORS_VI,
  FAMOUS_WORKS,
  PLACES_VI,
  PUBLISHERS_VI,
  QUALIFIERS_VI,
  TOPICS_VI,
} from '@hop-luu/oai-test-provider/vocabulary';
import { Prng } from '@hop-luu/oai-test-provider/prng';
import { EUROPEAN_NAMES, EUROPEAN_TITLES } from '@hop-luu/oai-test-provider/legacy-text';
import { encodeDoubleUtf8, encodeTcvn3, encodeVni } from '../testing/legacy-encode';
import { repairText } from './repair-text';

/** Vietnamese titles, names and sentences built from the test provider's vocabulary. */
function vietnameseTexts(count: number): string[] {
  const prng = new Prng(12);
  const pick = <T>(list: readonly T[]): T => prng.pick(list);
  const fixed = [
    ...FAMOUS_WORKS.filter((w) => w.language === 'vie').flatMap((w) => [w.title, w.summary]),
    ...AUTHORS_VI,
    ...PUBLISHERS_VI.map((p) => p.name),
  ];
  const built = Array.from({ length: count }, () => {
    const title = `${pick(TOPICS_VI)} ${pick(PLACES_VI)}`;
    return prng.chance(0.5) ? `${title}: ${pick(QUALIFIERS_VI)}` : `${title} / ${pick(AUTHORS_VI)}`;
  });
  return [...new Set([...fixed, ...built])];
}

const TEXTS = vietnameseTexts(1500);

describe('text repair round trip (generated Vietnamese text)', () => {
  it('gives back every title written in TCVN3 that TCVN3 can write', () => {
    const encodable = TEXTS.flatMap((text) => {
      const encoded = encodeTcvn3(text);
      return encoded === undefined ? [] : [[encoded, text] as const];
    });
    expect(encodable.length).toBeGreaterThan(TEXTS.length / 2);
    const wrong = encodable.filter(([encoded, text]) => repairText(encoded).text !== text);
    expect(wrong).toEqual([]);
  });

  it('gives back every title written in VNI', () => {
    const wrong = TEXTS.filter((text) => repairText(encodeVni(text)).text !== text);
    expect(wrong).toEqual([]);
  });

  it.each(['windows-1252', 'latin1'] as const)(
    'gives back every title double-encoded through %s',
    (reading) => {
      const wrong = TEXTS.filter(
        (text) => repairText(encodeDoubleUtf8(text, reading)).text !== text,
      );
      expect(wrong).toEqual([]);
    },
  );
});

describe('text repair identity (European text)', () => {
  const european = [...EUROPEAN_TITLES, ...EUROPEAN_NAMES];

  it('leaves every European title and name byte-identical, with nothing reported', () => {
    const touched = european.filter((text) => {
      const repaired = repairText(text);
      return repaired.text !== text || repaired.fixes.length + repaired.suspected.length > 0;
    });
    expect(touched).toEqual([]);
  });

  it('repairs every European title and name once double-encoded, and only that', () => {
    const wrong = european
      .filter((text) => /[^\x00-\x7f]/.test(text)) // eslint-disable-line no-control-regex
      .filter((text) => {
        const repaired = repairText(encodeDoubleUtf8(text, 'windows-1252'));
        return repaired.text !== text || repaired.fixes.join() !== 'double-utf8';
      });
    expect(wrong).toEqual([]);
  });
});
