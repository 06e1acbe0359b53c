import 'server-only';
import type { Tx } from '@/server/db';
import { NotFoundError } from '@/server/errors';

export interface SourceRef {
  id: string;
  code: string;
  defaultLegalBasis: string;
}

/** An active watchlist source by its code, or 404: entries only go into lists an administrator set up. */
export async function findActiveSource(tx: Tx, code: string): Promise<SourceRef> {
  const source = await tx.watchlistSource.findUnique({ where: { code }, select: { id: true, code: true, defaultLegalBasis: true, active: true } });
  if (!source || !source.active) throw new NotFoundError(`There is no active watchlist source "${code}".`);
  return source;
}
