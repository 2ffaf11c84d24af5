// A refused or failed import, export or restore: a code and the details needed to say it (file,
// deck title, the zip entry of a backup). No sentence is built here: `sharingErrorText`
// (error-text.ts) writes it in the language active when the error is shown.
import type { BundleErrorCode } from '@lectern/bundle';

export type SharingErrorCode =
  | BundleErrorCode
  /** The store failed (the StoreError is the `cause`). */
  | 'store'
  /** The deck to export is gone (deleted in another tab). */
  | 'deck-not-found'
  /** Replace was refused: the deck was edited elsewhere after the preview. */
  | 'changed-meanwhile'
  /** A media file's bytes are not the media its name says (the MediaRefusedError is the `cause`). */
  | 'media-type';

export interface SharingErrorDetails {
  /** The picked file (bundle or backup). */
  file?: string;
  /** The deck's title. */
  title?: string;
  deckId?: string;
  /** The refused file is a library backup; `entry` names the deck file inside it, if any. */
  backup?: boolean;
  entry?: string;
}

export class SharingError extends Error {
  override name = 'SharingError';
  constructor(
    readonly code: SharingErrorCode,
    readonly details: SharingErrorDetails = {},
    options: { cause?: unknown } = {},
  ) {
    // For the console and bug reports (English, stable); the UI uses sharingErrorText().
    super(`${code}${details.file ? ` (${details.file}${details.entry ? `: ${details.entry}` : ''})` : ''}`, options);
  }
}
