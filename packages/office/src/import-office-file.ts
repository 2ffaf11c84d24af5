// Entry points: the package's main part says what a file is, whatever it is called.
import type { ByteSource } from '@lectern/bundle';
import { OfficeImportError } from './errors.ts';
import type { ImportOptions, OfficeImport } from './import-types.ts';
import { officeDocumentPart, openPackage } from './opc.ts';
import { importPresentation } from './pptx.ts';
import { importDocument } from './docx.ts';

/** Any Office file this package reads: PowerPoint .pptx or Word .docx, told apart by the main part. */
export async function importOfficeFile(source: ByteSource, options: ImportOptions = {}): Promise<OfficeImport> {
  const fileName = options.fileName ?? 'file';
  const checkCancel = () => {
    if (options.signal?.aborted) throw new OfficeImportError('cancelled', 'the import was cancelled', { part: fileName });
  };
  checkCancel();
  options.onProgress?.({ stage: 'package', done: 0, total: 1 });
  const pkg = await openPackage(source, fileName, {
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.crc32 ? { crc32: options.crc32 } : {}),
  });
  const mainPart = await officeDocumentPart(pkg, fileName);
  checkCancel();
  const root = await pkg.xml(mainPart);
  if (root.localName === 'presentation') return importPresentation(pkg, mainPart, fileName, options, checkCancel);
  if (root.localName === 'document') return importDocument(pkg, source, mainPart, fileName, options, checkCancel);
  throw new OfficeImportError('not-office', 'is an Office file this importer does not read (it reads PowerPoint .pptx and Word .docx)', { part: mainPart });
}

/** Named for callers that expect one kind; both read whatever the file is. */
export const importPptx = importOfficeFile;
export const importDocx = importOfficeFile;
