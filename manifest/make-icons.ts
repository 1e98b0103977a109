import { writeFileSync } from 'node:fs';
import { drawColourIcon, drawOutlineIcon } from './icons.js';

/** Writes manifest/color.png and manifest/outline.png (run: npx tsx manifest/make-icons.ts). */
function main(): void {
  writeFileSync(new URL('./color.png', import.meta.url), drawColourIcon());
  writeFileSync(new URL('./outline.png', import.meta.url), drawOutlineIcon());
  process.stdout.write('Wrote manifest/color.png (192×192) and manifest/outline.png (32×32).\n');
}

main();
