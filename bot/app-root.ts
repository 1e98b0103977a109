import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder (the one holding package.json and prisma/): found by walking up from this module, so it is
 * the same whether the bot runs from its TypeScript sources (bot/) or from the compiled bundle (dist/).
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'prisma'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No project root (package.json with prisma/) above ${from}`);
  }
}

export const APP_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, e.g. appPath('prisma', 'migrations'). */
export const appPath = (...parts: string[]): string => path.join(APP_ROOT, ...parts);
