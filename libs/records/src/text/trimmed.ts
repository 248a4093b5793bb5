/**
 * `text.trim()`, without the call when neither end is white space: values sliced from a
 * record rarely need trimming, and the call costs more than looking at two characters.
 */
export function trimmed(text: string): string {
  const n = text.length;
  if (n > 0 && !isWhiteSpace(text.charCodeAt(0)) && !isWhiteSpace(text.charCodeAt(n - 1)))
    return text;
  return text.trim();
}

/** What `trim` removes and regex `\s` matches: ECMAScript WhiteSpace and LineTerminator. */
export function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
