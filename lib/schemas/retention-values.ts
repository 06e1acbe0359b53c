// Why the access log's retention is fixed, without zod: what the browser's forms and lists need at
// first load. retention.ts re-exports it all; the forms load retention.ts (and zod with it) when
// submitted.

export const ACCESS_EVENT_FIXED_REASON =
  'The access log is kept for exactly 5 years by law (Law Enforcement Directive art. 25, PNR Directive art. 13(6)): it is how the privacy officer and the supervisory authority verify that every use of personal data was lawful, so no policy may shorten it.';
