import Module from 'node:module';
import path from 'node:path';

// The matrix is generated from the server's own permission table, imported as it is.
// server/auth/permissions.ts starts with `import 'server-only'`, whose default export throws
// outside React's server bundle; in this Node process we register its empty variant first
// (what the `react-server` condition would pick), so the pure table loads unchanged.
const requireFromRoot = Module.createRequire(path.join(process.cwd(), 'package.json'));
const marker = requireFromRoot.resolve('server-only');
if (!requireFromRoot.cache[marker]) {
  const empty = new Module(marker);
  empty.filename = marker;
  empty.loaded = true;
  requireFromRoot.cache[marker] = empty;
}

type Table = typeof import('../../server/auth/permissions');
const table = requireFromRoot('./server/auth/permissions.ts') as Table;

export const { PERMISSIONS, ROLE_PERMISSIONS, TOKEN_SCOPES } = table;
export type Permission = import('../../server/auth/permissions').Permission;
export type TokenScope = import('../../server/auth/permissions').TokenScope;
