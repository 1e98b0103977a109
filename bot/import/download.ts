import { ImportError } from '../errors.js';
import { MAX_FILE_BYTES, tooLarge } from './limits.js';

/** Downloads a file Teams handed the bot, refusing more than the import limit without reading it all. */
export async function downloadFile(url: string, fileName: string, timeoutMs = 30_000): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch {
    throw new ImportError('IMPORT_UNREADABLE', fileName, null, null, 'the file could not be downloaded from Teams; please send it again.');
  }
  if (!response.ok || !response.body)
    throw new ImportError(
      'IMPORT_UNREADABLE',
      fileName,
      null,
      null,
      `the file could not be downloaded from Teams (HTTP ${response.status}); please send it again.`,
    );
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_FILE_BYTES) {
    await response.body.cancel();
    throw tooLarge(fileName, `the file is ${(declared / 1024 / 1024).toFixed(1)} MB`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > MAX_FILE_BYTES) throw tooLarge(fileName, 'the file is over the limit');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
