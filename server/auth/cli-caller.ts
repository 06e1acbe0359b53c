import 'server-only';
import os from 'node:os';
import { db } from '@/server/db';
import type { Caller } from './caller';

/**
 * The user a command-line tool acts for. A CLI has no session, so whoever runs it names
 * themselves (`--as <email>`); their role then decides, and the access log records them —
 * with the operating-system account — exactly as for the same action in the browser.
 * An unknown or deactivated user is refused before anything is read.
 */
export async function cliCallerFor(email: string): Promise<Caller> {
  const user = await db().user.findFirst({ where: { email: { equals: email.trim(), mode: 'insensitive' } }, select: { id: true, email: true, role: true, active: true } });
  if (!user || !user.active) throw new Error(`There is no active user ${email}; name yourself with --as <your email>.`);
  return {
    actorType: 'USER',
    actorId: user.id,
    actorLabel: user.email,
    role: user.role,
    requestId: crypto.randomUUID(),
    ip: null,
    userAgent: `proportio-cli (${os.userInfo().username}@${os.hostname()})`,
  };
}
