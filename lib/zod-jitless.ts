// zod probes for eval (new Function) to compile faster parsers; the CSP forbids eval, so the
// probe would only report a violation. Interpreted parsing is fast enough for forms.
//
// This is z.config({ jitless: true }) without importing zod: zod keeps its configuration in
// one object on globalThis (zod/v4/core/core.js: `globalThis.__zod_globalConfig`), shared by
// every copy of it, so setting the flag there works whether zod loads before or after. Importing
// zod here, in the root layout's providers, made every page load all of it (30 KB gzipped) —
// pages whose forms validate with zod load it with their own code. zod-jitless.test.ts checks
// that zod reads the flag.
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig ??= {};
holder.__zod_globalConfig.jitless = true;

export {};
