// Screen registry of the app shell (`<lectern-app>`), by convention, so that features plug in
// without editing the shell:
//
//   src/screens/<route-name>.ts    e.g. src/screens/library.ts, src/screens/edit.ts
//
// defines the custom element `lectern-screen-<route-name>` (guarded by customElements.get). The
// shell lazy-imports that file the first time its route is shown (Vite `import.meta.glob`, so
// each screen is its own chunk and the first load stays small), creates the element and sets
//
//   element.route = route      // the parsed Route from src/app/routes.ts (e.g. { name: 'edit', deckId })
//
// on every hash change that keeps the same screen (so `#/edit/a` -> `#/edit/b` reuses the element).
// A route with no screen file shows a short "not built yet" placeholder instead of failing.
import type { Route } from './routes.ts';

export type RouteName = Route['name'];

/** Lazy loaders for every screen module, keyed by route name (`library`, `edit`, …). */
const loaders: Record<string, () => Promise<unknown>> = Object.fromEntries(
  Object.entries(import.meta.glob('../screens/*.ts')).map(([path, load]) => [
    path.replace(/^.*\/([^/]+)\.ts$/, '$1'),
    load,
  ]),
);

/** `edit` => `lectern-screen-edit` */
export function screenTag(name: RouteName): string {
  return `lectern-screen-${name}`;
}

export function hasScreen(name: RouteName): boolean {
  return name in loaders;
}

const loading = new Map<string, Promise<void>>();

/** Imports the screen's module once and waits until its element is defined. */
export function loadScreen(name: RouteName): Promise<void> {
  let pending = loading.get(name);
  if (!pending) {
    const load = loaders[name];
    pending = load
      ? load().then(() => customElements.whenDefined(screenTag(name))).then(() => undefined)
      : Promise.reject(new Error(`No screen module src/screens/${name}.ts`));
    // A failed import (e.g. a chunk missing after an update) may be retried on the next visit.
    pending.catch(() => loading.delete(name));
    loading.set(name, pending);
  }
  return pending;
}

/** What a screen element receives from the shell. */
export interface ScreenElement extends HTMLElement {
  route: Route;
}
