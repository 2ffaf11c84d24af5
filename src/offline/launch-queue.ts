// Files opened with an installed Lectern (double-click on a `.lectern` bundle in the file
// manager: manifest `file_handlers`, see vite.pwa.ts) arrive through `window.launchQueue`.
// This module turns them into File objects and hands them to whoever imports bundles:
//
//   onOpenFiles((files) => showImportPreview(files))   // replays files that arrived earlier
//
// The launch can happen before the library screen (a lazily loaded chunk) exists, so files are
// held until a handler subscribes. Each launch is also announced as a cancelable window event
// `lectern-open-files` ({ files }); a listener that calls preventDefault() takes the files and
// they are not replayed. The files are not trusted: the importer validates them like any bundle.

export interface OpenFilesDetail {
  files: File[];
}

declare global {
  interface WindowEventMap {
    'lectern-open-files': CustomEvent<OpenFilesDetail>;
  }
}

// The File Handling API's shapes (Chromium only; not in TypeScript's DOM library).
interface LaunchFileHandle {
  kind: string;
  getFile(): Promise<File>;
}
interface LaunchParams {
  files?: readonly LaunchFileHandle[];
}
interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

type Handler = (files: File[]) => void;

const held: File[][] = [];
const handlers = new Set<Handler>();
let started = false;

/** Subscribes to opened files; files that arrived before are delivered at once. */
export function onOpenFiles(handler: Handler): () => void {
  handlers.add(handler);
  for (const files of held.splice(0)) handler(files);
  return () => handlers.delete(handler);
}

/** Delivers opened files (from the launch queue, or a test). */
export function deliverOpenedFiles(files: File[]): void {
  if (files.length === 0) return;
  const event = new CustomEvent<OpenFilesDetail>('lectern-open-files', { detail: { files }, cancelable: true });
  const taken = !window.dispatchEvent(event);
  if (taken) return;
  if (handlers.size === 0) held.push(files);
  else for (const handler of handlers) handler(files);
}

/** Installs the launch-queue consumer once. A no-op where the API does not exist. */
export function startLaunchQueue(): void {
  if (started) return;
  started = true;
  const queue = (window as Window & { launchQueue?: LaunchQueue }).launchQueue;
  queue?.setConsumer((params) => {
    const handles = (params.files ?? []).filter((handle) => handle.kind === 'file');
    void Promise.all(handles.map((handle) => handle.getFile())).then(deliverOpenedFiles, (error: unknown) => {
      console.error('Lectern: could not read the opened files', error);
    });
  });
}
