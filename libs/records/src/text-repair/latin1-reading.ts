/**
 * Text that went through a Windows-1252 or Latin-1 reading of bytes: every character is one
 * that reading produces. Only such text can be turned back into the bytes that were read,
 * which is what legacy-Vietnamese and double-encoding repair both need.
 */
/**
 * Windows-1252 bytes 0x80–0x9F (the published code page; 0x81, 0x8D, 0x8F, 0x90, 0x9D are
 * undefined and read as U+0081...). Written out because Node's TextDecoder reads
 * 'windows-1252' as Latin-1.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
/** Character → byte, for both readings (Latin-1 gives U+0080–U+009F where 1252 gives '€'...). */
const BYTE_OF = buildByteTable();
/** Characters outside U+0000–U+00FF that a Windows-1252 reading produces. */
export const WINDOWS_1252_EXTRA = [...BYTE_OF.keys()].filter((ch) => ch > '\u00ff').join('');
const LATIN1_READING = new RegExp(`^[\\u0000-\\u00ff${WINDOWS_1252_EXTRA}]*$`);
const NON_ASCII = /[^\x00-\x7f]/; // eslint-disable-line no-control-regex -- the ASCII range

function buildByteTable(): Map<string, number> {
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) {
    table.set(String.fromCharCode(byte), byte);
  }
  for (let i = 0; i < WINDOWS_1252_HIGH.length; i++) table.set(WINDOWS_1252_HIGH[i], 0x80 + i);
  return table;
}

/** True when `text` has a non-ASCII character and could come from a Latin-1/1252 reading. */
export function mayBeLatin1Reading(text: string): boolean {
  return NON_ASCII.test(text) && LATIN1_READING.test(text);
}

/** The bytes a Latin-1/1252 reading turned into `text`, or undefined when it could not have. */
export function latin1ReadingBytes(text: string): Uint8Array | undefined {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = BYTE_OF.get(text[i]);
    if (byte === undefined) return undefined;
    bytes[i] = byte;
  }
  return bytes;
}
