import { mayBeLatin1Reading } from '../../text-repair/latin1-reading';
import { isVietnameseSyllable } from '../syllable';
import { hasTcvn3Mark, hasVniMark } from './european-spelling';
import { decodeTcvn3 } from './tcvn3';
import { decodeVni } from './vni';
import { isNumber, splitWords } from './words';

/** Legacy Vietnamese encodings we can undo. */
export type LegacyEncoding = 'tcvn3' | 'vni';

/** Outcome of `repairLegacyEncoding`. */
export interface LegacyRepair {
  /** Converted text, or the input unchanged. */
  readonly text: string;
  /** Set when the text was converted. */
  readonly converted?: LegacyEncoding;
  /** Set when the text shows legacy-encoded words but not enough evidence to convert. */
  readonly suspected?: LegacyEncoding;
}

interface Decoder {
  readonly encoding: LegacyEncoding;
  readonly decode: (text: string) => string;
  readonly hasMark: (word: string) => boolean;
}

const DECODERS: readonly Decoder[] = [
  { encoding: 'tcvn3', decode: decodeTcvn3, hasMark: hasTcvn3Mark },
  { encoding: 'vni', decode: decodeVni, hasMark: hasVniMark },
];

/** What decoding did to the words of a text. */
interface Evidence {
  readonly encoding: LegacyEncoding;
  readonly decoded: string;
  /** Changed words that were no Vietnamese syllable and now are ('ViÖt' → 'Việt'). */
  readonly fixed: number;
  /** Fixed words whose written form no European spelling has (see european-spelling.ts). */
  readonly marked: number;
  /** Changed words that were a syllable already and are another one ('Tô' → 'Tụ'). */
  readonly ambiguous: number;
  /** Changed words that are no syllable after decoding and could be real ('Maß' → 'Maò'). */
  readonly foreign: number;
  /** True when the words left unchanged are all syllables or numbers ('Du' in 'NguyÔn Du'). */
  readonly restSyllables: boolean;
  /** ...or short ASCII abbreviations ('Nxb. TrÎ', 'TP. Hå ChÝ Minh'). */
  readonly restNeutral: boolean;
  readonly words: number;
}

const LEGACY_CODE = /[\u00a1-\u00ff]/;

/**
 * Detects TCVN3 / VNI text that arrived as Latin-1 mojibake and converts it only on strong
 * Vietnamese evidence. For each table, decode and compare word by word. Convert when no
 * changed word could be real text (every changed word is a Vietnamese syllable after
 * decoding, or shows a mojibake mark; so 'Maß' → 'Maò' stops it: 'Maò' is no syllable),
 * and either
 * (a) a changed word shows a mark no European spelling has ('ViÖt', 'x·', 'hoäi', see
 *     european-spelling.ts) and turned into a syllable, and at least one other changed
 *     word did too, or every other word is a syllable, number or short abbreviation
 *     ('NguyÔn Du', 'TËp 2', 'Nxb. TrÎ'); or
 * (b) the text has three words or more, every one a syllable after decoding, at least two
 *     changed and one of them no syllable before ('Vò Träng Phông').
 * A marked word that turned into a syllable, without the rest, leaves the text as sent,
 * reported as suspected. Without one nothing is said: plain European text ('Maß, Sandra',
 * 'Loïc', 'où') never gets a warning. Text with any character a Latin-1 reading cannot
 * produce (ơ, ř, ł...) is real Unicode and is left alone.
 */
export function repairLegacyEncoding(text: string): LegacyRepair {
  if (!mayBeLegacyEncoded(text)) return { text };
  const evidence = DECODERS.map((decoder) => weigh(text, decoder)).filter(
    (e): e is Evidence => e !== undefined,
  );
  const convertible = evidence.filter(convinces).sort((a, b) => b.fixed - a.fixed);
  if (convertible.length === 1 || (convertible[0] && convertible[0].fixed > convertible[1].fixed)) {
    return { text: convertible[0].decoded, converted: convertible[0].encoding };
  }
  const suspect = evidence.filter((e) => e.marked > 0).sort((a, b) => b.marked - a.marked)[0];
  return suspect ? { text, suspected: suspect.encoding } : { text };
}

/** Cheap pre-check: a legacy code, and only characters a Latin-1 reading can produce. */
export function mayBeLegacyEncoded(text: string): boolean {
  return LEGACY_CODE.test(text) && mayBeLatin1Reading(text);
}

function convinces(e: Evidence): boolean {
  if (e.foreign > 0) return false;
  const syllables = e.fixed + e.ambiguous;
  if (e.marked > 0 && (syllables >= 2 || (e.words > 1 && e.restNeutral))) return true;
  return e.fixed > 0 && syllables >= 2 && e.words >= 3 && e.restSyllables;
}

/** Numbers and short ASCII words (abbreviations, initials) say nothing about the encoding. */
function isNeutral(word: string): boolean {
  return isNumber(word) || /^[A-Za-z]{1,3}$/.test(word);
}

function weigh(text: string, { encoding, decode, hasMark }: Decoder): Evidence | undefined {
  const decoded = decode(text);
  if (decoded === text) return undefined;
  const before = splitWords(text);
  const after = splitWords(decoded);
  let fixed = 0;
  let marked = 0;
  let ambiguous = 0;
  let foreign = 0;
  let restSyllables = true;
  let restNeutral = true;
  for (let i = 0; i < before.length; i++) {
    const word = before[i];
    const now = after[i] ?? '';
    if (word === now) {
      const syllable = isNumber(word) || isVietnameseSyllable(word);
      restSyllables &&= syllable;
      restNeutral &&= syllable || isNeutral(word);
      continue;
    }
    const mark = hasMark(word);
    if (!isVietnameseSyllable(now)) {
      if (!mark) foreign++;
      continue;
    }
    if (isVietnameseSyllable(word)) {
      ambiguous++; // 'Hoài' is VNI for 'Hồi' but also right as it is: proves nothing
    } else {
      fixed++;
      if (mark) marked++;
    }
  }
  const words = before.length;
  return {
    encoding,
    decoded,
    fixed,
    marked,
    ambiguous,
    foreign,
    restSyllables,
    restNeutral,
    words,
  };
}
