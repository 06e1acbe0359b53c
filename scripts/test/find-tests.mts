// Node 20 has no fs.glob: a small walk that finds test files by suffix.
import { readdirSync } from 'node:fs';
import path from 'node:path';

const SKIP = new Set(['node_modules', '.next', '.data', 'generated', '.git', 'test-results', 'playwright-report']);

export function findFiles(root: string, dirs: string[], accept: (file: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (accept(child)) found.push(child);
    }
  };
  for (const dir of dirs) walk(dir);
  return found.sort();
}
