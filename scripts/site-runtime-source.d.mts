/** Absolute path of packages/present-runtime/dist/site-runtime.js. */
export const SITE_RUNTIME_FILE: string;
/** The site runtime bundled now from packages/present-runtime/src/site.ts. */
export function siteRuntimeSource(): Promise<string>;
/** Writes the bundle to SITE_RUNTIME_FILE unless it is already current; true when it wrote. */
export function writeSiteRuntime(): Promise<boolean>;
