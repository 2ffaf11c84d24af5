// Importing PowerPoint (.pptx) and Word (.docx) files into the library (issue 15, app side).
// Each file: the Worker converts it while the dialog shows progress and Cancel; the preview
// comes before anything is stored; "Import" stores the deck and its media in one store call
// (all or nothing), opens it in the editor and offers the report from the toast.
import { showToast } from '../app/toast.ts';
import { routeHash } from '../app/routes.ts';
import type { Store } from '../store/index.ts';
import { convertInWorker, ConvertError, type Converted } from './convert.ts';
import { officeImportMsg as msg } from './messages.ts';
import { OfficeImportDialog } from './office-import-dialog.ts';
import type { ShownReport } from './protocol.ts';

export interface OfficeImportOutcome {
  file: string;
  deckId?: string;
  error?: Error;
}

/** The report of an imported deck, its entries linked to their lines in the editor. */
export function showImportReport(deckId: string, report: ShownReport): void {
  const dialog = document.createElement('lectern-office-import-dialog') as OfficeImportDialog;
  dialog.reportOnly = { deckId, report };
  document.body.append(dialog);
  void dialog.open('').then(() => dialog.remove());
}

async function importOne(store: Store, file: File): Promise<OfficeImportOutcome> {
  const dialog = document.createElement('lectern-office-import-dialog') as OfficeImportDialog;
  document.body.append(dialog);
  const conversion = convertInWorker(file, (progress) => {
    dialog.progress = progress;
  });
  const decision = dialog.open(file.name);
  // Cancel while converting stops the Worker at once.
  void decision.then((choice) => {
    if (choice === 'cancel') conversion.cancel();
  });
  try {
    let converted: Converted;
    try {
      converted = await conversion.result;
    } catch (error) {
      if (error instanceof ConvertError && error.code === 'cancelled') return { file: file.name };
      throw error;
    }
    dialog.converted = converted;
    if ((await decision) !== 'import') return { file: file.name };
    const deck = await store.importDeck({
      markdown: converted.deckText,
      assets: converted.media.map((m) => ({ path: m.path, blob: m.blob, name: m.path.split('/').pop() ?? m.path, type: m.type })),
    });
    location.hash = routeHash({ name: 'edit', deckId: deck.id });
    showToast({
      message: msg().imported(deck.title),
      action: { label: msg().showReport, run: () => showImportReport(deck.id, converted.report) },
      timeoutMs: 60_000,
    });
    return { file: file.name, deckId: deck.id };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { file: file.name, error: new Error(msg().failed(file.name, reason), { cause: error }) };
  } finally {
    dialog.remove();
  }
}

/** One file after another, each with its own preview; a refusal does not stop the others. */
export async function importOfficeFiles(store: Store, files: readonly File[]): Promise<OfficeImportOutcome[]> {
  const outcomes: OfficeImportOutcome[] = [];
  for (const file of files) outcomes.push(await importOne(store, file));
  return outcomes;
}
