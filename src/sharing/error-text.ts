// Sharing errors as the instructor reads them, translated when shown (not when thrown), from
// the error's code and details; a StoreError cause is said through the app's store messages.
import { errorText, storeErrorText } from '../app/error-text.ts';
import { isStoreError } from '../store/index.ts';
import { MediaRefusedError, mediaRefusalMessage } from '../media/media-check.ts';
import { SharingError } from './errors.ts';
import { sharingMsg } from './messages.ts';

export function sharingErrorText(error: unknown): string {
  if (!(error instanceof SharingError)) return errorText(error);
  const msg = sharingMsg();
  const { file = '', title = '', backup, entry } = error.details;
  switch (error.code) {
    case 'deck-not-found':
      return msg.deckNotFound;
    case 'changed-meanwhile':
      return msg.changedMeanwhile(title);
    case 'media-type': {
      const cause = error.cause;
      const reason = cause instanceof MediaRefusedError ? mediaRefusalMessage(cause.path, cause.refusal) : errorText(cause);
      return backup ? msg.backupRefused(file, reason) : msg.refused(file, reason);
    }
    case 'store': {
      const cause = error.cause;
      const reason = isStoreError(cause) ? storeErrorText(cause.code) : errorText(cause);
      return backup ? msg.backupRefused(file, reason) : msg.storeFailed(file, reason);
    }
    default: {
      if (!backup) return msg.refused(file, msg.reasons(error.code));
      if (entry) return msg.backupRefused(file, `${entry}: ${msg.reasons(error.code)}`);
      const reason = error.code === 'manifest-missing' || error.code === 'unsupported-format' ? msg.notBackup
        : error.code === 'unsupported-version' ? msg.newerBackup : msg.reasons(error.code);
      return msg.backupRefused(file, reason);
    }
  }
}
