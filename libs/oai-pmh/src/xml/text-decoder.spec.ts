import { XmlTextDecoder } from './text-decoder';

function decodeInPieces(bytes: Buffer, size: number, charset?: string) {
  const decoder = new XmlTextDecoder(charset);
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += decoder.decode(bytes.subarray(i, i + size));
  return { text: text + decoder.flush(), decoder };
}

describe('XmlTextDecoder', () => {
  it('keeps multi-byte and non-BMP characters intact at every chunk size', () => {
    const source = '<t>Chữ Nôm 𡨸喃 𠊛 — Nguyễn Du</t>';
    for (let size = 1; size < 8; size++)
      expect(decodeInPieces(Buffer.from(source), size).text).toBe(source);
  });

  it('strips a BOM, removes and counts illegal characters', () => {
    const { text, decoder } = decodeInPieces(Buffer.from('\uFEFF<t>a\u0001b\u000Bc\td</t>'), 3);
    expect(text).toBe('<t>abc\td</t>');
    expect(decoder.illegalCharsRemoved).toBe(2);
  });

  it('counts invalid UTF-8 bytes but not genuine U+FFFD', () => {
    const bytes = Buffer.concat([
      Buffer.from('<t>\uFFFD '),
      Buffer.from([0xff, 0xc3, 0x28]),
      Buffer.from('</t>'),
    ]);
    const { text, decoder } = decodeInPieces(bytes, 64);
    expect(text).toBe('<t>\uFFFD \uFFFD\uFFFD(</t>');
    expect(decoder.invalidBytesReplaced).toBe(2);
  });

  it('uses a declared single-byte charset only when the body is not UTF-8', () => {
    expect(decodeInPieces(Buffer.from('<t>Đà Nẵng</t>'), 64, 'ISO-8859-1').text).toBe(
      '<t>Đà Nẵng</t>',
    );
    expect(
      decodeInPieces(
        Buffer.from([0x3c, 0x74, 0x3e, 0xe9, 0x3c, 0x2f, 0x74, 0x3e]),
        64,
        'ISO-8859-1',
      ).text,
    ).toBe('<t>é</t>');
  });
});
