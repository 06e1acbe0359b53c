// What the browser and the server agree on about a session's deadlines (server/auth/user-session.ts).

/**
 * A request that carries this header with the value `background` is not user activity: it does
 * not move the session's idle deadline. The queue's and the escalation list's 30-second refreshes
 * send it, and so does the session status poll; GET /api/v1/session is background whatever it sends.
 */
export const ACTIVITY_HEADER = 'x-proportio-activity';
export const BACKGROUND_ACTIVITY = 'background';

export const SESSION_STATUS_PATH = '/api/v1/session';

/** GET and POST /api/v1/session: when the session ends unless the user does something (ISO times). */
export interface SessionStatus {
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  /** The server's clock when it answered, so a browser with a wrong clock still counts right. */
  serverNow: string;
  idleMinutes: number;
}

/** Why a session ended, as the login page's `ended` parameter and a 401's `sessionEnded`. */
export type SessionEndedReason = 'idle' | 'absolute' | 'logout';

/** The warning before the idle sign-out appears this long before it. */
export const SESSION_WARNING_MS = 2 * 60_000;
