const YEAR = /(?<!\d)(1\d{3}|20\d{2})(?!\d)/;

/** First plausible year (1000–2099) in a date as given: 'c2015.' → 2015, '[199-?]' → undefined. */
export function readYear(raw: string): number | undefined {
  const m = YEAR.exec(raw);
  return m ? Number(m[1]) : undefined;
}
