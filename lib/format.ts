// Formatting shared by server-rendered pages and client components.
export function formatAge(from: Date, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d`;
}

export function formatScore(score: number): string {
  return score.toFixed(2);
}

export const ROLE_LABELS = {
  ANALYST: 'Analyst',
  SUPERVISOR: 'Supervisor',
  PRIVACY_OFFICER: 'Privacy officer',
  ADMINISTRATOR: 'Administrator',
} as const;

export const HIT_STATUS_LABELS = {
  NEW: 'New',
  IN_REVIEW: 'In review',
  CLEARED: 'Cleared',
  CONFIRMED: 'Confirmed',
  ESCALATION_PENDING: 'Escalation pending',
  ESCALATED: 'Escalated',
} as const;
