import { StringCache } from '../text/string-cache';
import { foldText } from '../vietnamese/fold';

/**
 * Language names and codes seen in Vietnamese library data → ISO 639-3.
 * Keys are folded (no diacritics, lower-case) so 'Tiếng Việt' and 'tieng viet' both match.
 */
// prettier-ignore
const BY_NAME_OR_CODE: Readonly<Record<string, string>> = {
  vi: 'vie', vie: 'vie', vietnamese: 'vie', 'tieng viet': 'vie', viet: 'vie', en: 'eng',
  eng: 'eng', english: 'eng', 'tieng anh': 'eng', anh: 'eng', fr: 'fra', fre: 'fra', fra: 'fra',
  french: 'fra', 'tieng phap': 'fra', phap: 'fra', de: 'deu', ger: 'deu', deu: 'deu',
  german: 'deu', 'tieng duc': 'deu', zh: 'zho', chi: 'zho', zho: 'zho', chinese: 'zho',
  'tieng trung': 'zho', 'tieng hoa': 'zho', 'han van': 'lzh', ja: 'jpn', jpn: 'jpn',
  japanese: 'jpn', 'tieng nhat': 'jpn', ko: 'kor', kor: 'kor', korean: 'kor', 'tieng han': 'kor',
  ru: 'rus', rus: 'rus', russian: 'rus', 'tieng nga': 'rus', es: 'spa', spa: 'spa', spanish: 'spa',
  'tieng tay ban nha': 'spa', lo: 'lao', lao: 'lao', 'tieng lao': 'lao', km: 'khm', khm: 'khm',
  cam: 'khm', khmer: 'khm', 'tieng khmer': 'khm', th: 'tha', tha: 'tha', thai: 'tha',
  'tieng thai': 'tha', it: 'ita', ita: 'ita', italian: 'ita', pt: 'por', por: 'por',
  portuguese: 'por', nl: 'nld', dut: 'nld', nld: 'nld', dutch: 'nld', la: 'lat', lat: 'lat',
  latin: 'lat', cs: 'ces', cze: 'ces', ces: 'ces', czech: 'ces', pl: 'pol', pol: 'pol',
  polish: 'pol', mul: 'mul', multiple: 'mul', 'nhieu ngon ngu': 'mul',
};
/** ISO 639-2/B codes that differ from 639-3 (MARC uses the B forms). */
// prettier-ignore
const BIBLIOGRAPHIC_TO_639_3: Readonly<Record<string, string>> = {
  alb: 'sqi', arm: 'hye', baq: 'eus', bur: 'mya', geo: 'kat', gre: 'ell', ice: 'isl', mac: 'mkd',
  mao: 'mri', may: 'msa', per: 'fas', rum: 'ron', slo: 'slk', tib: 'bod', wel: 'cym',
};
const NOT_A_LANGUAGE = new Set(['und', 'zxx', '|||', 'xxx']);

/**
 * ISO 639-3 code for a language code or name, or undefined when unknown. Region suffixes
 * are ignored ('en-US', 'vi_VN'). Other three-letter codes are taken as ISO 639-2/3, which
 * share almost all codes.
 */
export function toIso639_3(raw: string): string | undefined {
  // Records name their languages with a handful of strings, again and again.
  return codes.get(raw, codeOf);
}

const codes = new StringCache<string | undefined>(1024);

function codeOf(raw: string): string | undefined {
  const key = foldText(raw.trim())
    .replace(/[-_].*$/, '')
    .replace(/\.$/, '');
  if (NOT_A_LANGUAGE.has(key) || key === '') return undefined;
  const known = BY_NAME_OR_CODE[key] ?? BIBLIOGRAPHIC_TO_639_3[key];
  if (known) return known;
  return /^[a-z]{3}$/.test(key) ? key : undefined;
}
