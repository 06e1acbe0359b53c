import { z } from 'zod';

// The one place that reads process.env: parsed once, with messages a person can act on.
const postgresUrl = (name: string) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'postgresql:' || url.protocol === 'postgres:') && url.hostname !== '';
      } catch {
        return false;
      }
    }, `${name} must look like postgresql://user:password@host:5432/database`);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: postgresUrl('DATABASE_URL').optional(),
  // A streaming replica of DATABASE_URL for the reads that may be stale (docs/deployment.md: the
  // metrics), used while its lag is at most DATABASE_REPLICA_MAX_LAG_SECONDS, as checked at most every
  // DATABASE_REPLICA_CHECK_SECONDS (server/replica/read-router.ts). Unset: every read on the primary.
  DATABASE_REPLICA_URL: postgresUrl('DATABASE_REPLICA_URL').optional(),
  DATABASE_REPLICA_MAX_LAG_SECONDS: z.coerce.number().positive('DATABASE_REPLICA_MAX_LAG_SECONDS must be more than 0').max(3600).default(30),
  DATABASE_REPLICA_CHECK_SECONDS: z.coerce.number().positive('DATABASE_REPLICA_CHECK_SECONDS must be more than 0').max(3600).default(5),
  NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters').optional(),
  NEXTAUTH_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Port of the embedded PostgreSQL that `npm start` runs when DATABASE_URL is unset.
  PROPORTIO_DB_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  // Session lifetime in seconds (absolute), enforced on the server (server/auth/user-session.ts) and as the JWT's maxAge.
  SESSION_MAX_AGE: z.coerce.number().int().positive().default(12 * 60 * 60),
  // A session without user activity for this many minutes ends (background refreshes do not count).
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(3, 'SESSION_IDLE_MINUTES must be at least 3: the warning comes 2 minutes before').max(24 * 60).default(30),
  // Roles whose users must set up a TOTP second factor before anything else, e.g. ADMINISTRATOR,PRIVACY_OFFICER.
  TOTP_REQUIRED_ROLES: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((role) => role.trim()).filter((role) => role !== ''))
    .pipe(z.array(z.enum(['ANALYST', 'SUPERVISOR', 'PRIVACY_OFFICER', 'ADMINISTRATOR'], 'TOTP_REQUIRED_ROLES lists roles: ANALYST, SUPERVISOR, PRIVACY_OFFICER, ADMINISTRATOR'))),
  // Login throttling (server/auth/login-throttle.ts): an account is locked for LOGIN_LOCK_MINUTES after
  // LOGIN_LOCK_AFTER_FAILURES wrong passwords within an hour (an exponential back-off starts after 5), and
  // a client address with LOGIN_IP_MAX_FAILURES failed guesses in 10 minutes, across accounts, is held off.
  LOGIN_LOCK_AFTER_FAILURES: z.coerce.number().int().min(6, 'LOGIN_LOCK_AFTER_FAILURES must be at least 6: the back-off starts after 5 failures').max(100).default(10),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).default(20),
  // An escalation request pending longer than this is flagged on the supervisors' list.
  ESCALATION_PENDING_LIMIT_HOURS: z.coerce.number().positive().default(24),
  // An approved disclosure package can be opened for this many days, then no more.
  DISCLOSURE_VALID_DAYS: z.coerce.number().int().positive().default(30),
  // Where access-log checkpoints are also appended (one JSON line each), for shipping elsewhere.
  ACCESS_LOG_ANCHOR_FILE: z.string().min(1).default('.data/access-log-anchors.jsonl'),
  // How often the server links committed access events into the hash chain (milliseconds).
  ACCESS_LOG_CHAIN_INTERVAL_MS: z.coerce.number().int().min(20).max(60_000).default(200),
  // How often the server writes an access-log checkpoint (0: never; then run npm run access-log:verify).
  ACCESS_LOG_CHECKPOINT_MINUTES: z.coerce.number().int().min(0).default(60),
  // Anomaly rules (server/access-log/anomalies): working hours in UTC, and the thresholds.
  WORKING_HOURS_UTC: z
    .string()
    .regex(/^\d{1,2}-\d{1,2}$/, 'WORKING_HOURS_UTC looks like 6-20 (from hour to hour, UTC)')
    .default('6-20'),
  ANOMALY_REVEALS_PER_HOUR: z.coerce.number().int().positive().default(20),
  ANOMALY_DENIALS_PER_HOUR: z.coerce.number().int().positive().default(3),
  // The master key that wraps each masked traveller's data key (AES-256-GCM): 32 bytes, base64.
  // Required in production; elsewhere a local key is made once in .secrets/ (server/retention/master-key.ts).
  RETENTION_MASTER_KEY: z
    .string()
    .trim()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'RETENTION_MASTER_KEY must be 32 random bytes in base64, e.g. `openssl rand -base64 32`')
    .optional(),
  // How often the server runs the retention job (masking at 6 months, erasure at 5 years); 0: never (then run npm run retention).
  RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(60),
  // Travellers per retention transaction: small enough that the queue never waits long behind it.
  RETENTION_BATCH_SIZE: z.coerce.number().int().min(1).max(20_000).default(2000),
  // No retention policy may mask or erase sooner than this many days after collection: a national minimum, e.g. for appeals.
  RETENTION_MIN_DAYS: z.coerce.number().int().min(1).max(183, 'RETENTION_MIN_DAYS must be at most 183: masking must stay possible within the PNR Directive’s 6 months').default(30),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
