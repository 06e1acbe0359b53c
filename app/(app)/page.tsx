import { redirect } from 'next/navigation';
import { navigationFor } from '@/server/auth/navigation';
import { requireCaller } from '@/server/auth/session';

// Home is the first section the role may use.
export default async function HomePage() {
  const caller = await requireCaller();
  const first = navigationFor(caller.role)[0];
  redirect(first?.href ?? '/login');
}
