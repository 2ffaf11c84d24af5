// What happens to `.lectern` (and `.pptx`/`.docx`) files opened with an installed Lectern (launch-queue.ts): each goes
// through the same preview-and-import flow as the library's Import button
// (src/sharing importBundleFile: checks the whole file, shows what it holds, asks import / keep
// both / replace / cancel). The library lists the new deck by itself (it follows store events).
// Both modules load only when a file arrives, so the first load stays small.
import { errorText } from '../app/error-text.ts';
import { showToast } from '../app/toast.ts';
import { onOpenFiles } from './launch-queue.ts';
import { offlineMessages as msg } from './messages.ts';

export function importOpenedFiles(): () => void {
  return onOpenFiles((files) => void importAll(files));
}

async function importAll(files: File[]): Promise<void> {
  if (!location.hash.startsWith('#/library')) location.hash = '#/library';
  try {
    const [{ getStore }, sharing, { isOfficeFile }] = await Promise.all([import('../app/store.ts'), import('../sharing/index.ts'), import('../office-import/office-files.ts')]);
    const store = await getStore();
    // PowerPoint and Word files: the Office import (Worker, preview, then the editor).
    const office = files.filter(isOfficeFile);
    if (office.length) {
      const { importOfficeFiles } = await import('../office-import/index.ts');
      for (const outcome of await importOfficeFiles(store, office)) {
        if (outcome.error) showToast({ message: msg().openFilesFailed(outcome.error.message), kind: 'error' });
      }
    }
    // One at a time: each file gets its own preview and decision.
    for (const file of files.filter((f) => !isOfficeFile(f))) {
      try {
        const deckId = await sharing.importBundleFile(store, file);
        if (deckId) showToast({ message: msg().opened(file.name) });
      } catch (error) {
        // A hostile or broken file: its reason, nothing stored (the importer guarantees that).
        showToast({ message: msg().openFilesFailed(`${file.name}: ${sharing.sharingErrorText(error)}`), kind: 'error' });
      }
    }
  } catch (error) {
    showToast({ message: msg().openFilesFailed(errorText(error)), kind: 'error' });
  }
}
