import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { PersonReportView } from '@/components/access-log/person-report-view';
import { accessLogFilterFields, type PersonReport } from '@/lib/schemas/access-log';
import { getPersonReport } from '@/server/access-log/get-person-report';
import { ForbiddenError } from '@/server/auth/errors';
import { hasPermission } from '@/server/auth/permissions';
import { requirePagePermission } from '@/server/auth/session';
import { NotFoundError } from '@/server/errors';

export const metadata: Metadata = { title: 'Person report' };

// Reads the report once (getPersonReport records the consultation); the view never reads again.
export default async function PersonReportPage({ params }: { params: Promise<{ travellerId: string }> }) {
  const caller = await requirePagePermission('access-log.read', '/access-log/person/[travellerId]');
  const travellerId = accessLogFilterFields.travellerId.safeParse((await params).travellerId);
  if (!travellerId.success) notFound();
  let report: PersonReport;
  try {
    report = await getPersonReport(caller, travellerId.data);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
  return <PersonReportView report={report} canExport={hasPermission(caller.role, 'access-log.export')} />;
}
