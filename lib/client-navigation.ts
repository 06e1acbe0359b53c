// Whether a page request is the app's own client-side navigation (the router fetching the next
// page's React Server Components payload) rather than a document the browser loads. Next.js
// hides its "RSC" header from pages and from proxy.ts, so the browser's Sec-Fetch-Dest says it:
// "document" for a page load, "empty" for a fetch. A client without it (curl, a test's request
// context, a browser over plain HTTP) counts as loading a document, whose answer is rendered whole.

export function isClientNavigation(requestHeaders: Headers): boolean {
  const destination = requestHeaders.get('sec-fetch-dest');
  return destination !== null && destination !== 'document';
}
