import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The checkout's root (the nearest folder above this file with a package.json): the same whether the code runs
 * from source under tsx or compiled under dist/, so assets (public/, the NLU model) are found in both.
 */
export const PROJECT_ROOT = findRoot(__dirname);

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..');
  }
}
