/** The text encodings a plan file may come in, as the importer names them in its report. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Text decoded from a file's bytes, with the encoding that was detected. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

function looksLikeUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenZeros++ : oddZeros++;
  const half = sample.length / 2;
  if (oddZeros > half * 0.3 && evenZeros < half * 0.05) return 'utf-16le';
  if (evenZeros > half * 0.3 && oddZeros < half * 0.05) return 'utf-16be';
  return null;
}

/**
 * Decodes a text file's bytes: a byte-order mark wins (UTF-8, UTF-16 LE/BE); then UTF-16 without a mark
 * (zero bytes in every other place); then UTF-8 if the bytes are valid UTF-8; otherwise Windows-1252,
 * which is Latin-1 with the printable characters Excel and Word save in 0x80-0x9F (£, é, ’ and – all survive).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const decode = (encoding: TextEncoding, from = 0): DecodedText => ({
    text: new TextDecoder(encoding).decode(bytes.subarray(from)),
    encoding,
  });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode('utf-8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', 2);
  const wide = looksLikeUtf16(bytes);
  if (wide !== null) return decode(wide);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return decode('windows-1252');
  }
}
