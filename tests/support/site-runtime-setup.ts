// Vitest globalSetup of every project: the site runtime the CLI copies and the app embeds
// (packages/present-runtime/dist/site-runtime.js, build output) is rewritten from the package's
// sources when it is missing or stale, so the tests always run what the sources say.
import { writeSiteRuntime } from '../../scripts/site-runtime-source.mjs';

export default async function setup(): Promise<void> {
  await writeSiteRuntime();
}
