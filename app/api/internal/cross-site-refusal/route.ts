import { refusalFromProxy } from '@/server/http/refusal-from-proxy';

// proxy.ts rewrites a cross-site request to a page (a server action) here, so that its
// refusal is recorded like any other; reached directly, without proxy.ts's mark, it is 404.
export { refusalFromProxy as POST, refusalFromProxy as PUT, refusalFromProxy as PATCH, refusalFromProxy as DELETE };
