// Who a sample deck is, the same on every computer: a sample's deck id comes from its folder
// name under slides/, so the sample seeded on a second computer is the same deck as the first
// computer's, not a copy under a new random id (centre sync then lists it once). And what it
// looked like as shipped: its signature (src/sync/signatures.ts), recorded when it was seeded,
// tells the centre sync an untouched sample from an edited one (src/sync/settle-versions.ts).
//
// The id is a name-based UUID (RFC 9562 version 5, the `uuid` package): deck ids are UUIDs
// wherever a deck travels (a .lectern bundle's manifest requires one), and a name-based one is
// the same for the same folder everywhere.
import { v5 as uuidV5 } from 'uuid';

/** Which deck id each sample got: {"nghi-quyet-dang-vien-moi": "<uuid>", …} */
export const SAMPLES_KEY = 'lectern.samples';
/** Each seeded sample's signature as shipped: {"<deck id>": "<sha-256>"}. */
export const SAMPLE_SIGNATURES_KEY = 'lectern.sampleSignatures';

/** Lectern's namespace for the samples' name-based ids (a random UUID, fixed once: changing it
 *  would give every sample a new identity). */
const SAMPLE_NAMESPACE = '3df27094-9efe-4d8d-8e95-f9634ada8578';
const RE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The deck id of the sample in slides/<folder>/ (NFC, so a folder name typed with combining
 *  marks on one system is the same sample on another). */
export function sampleDeckId(folder: string): string {
  const name = folder.normalize('NFC');
  if (name === '' || name.includes('/') || name.length > 150) throw new Error(`not a sample folder: ${folder}`);
  return uuidV5(`slides/${name}`, SAMPLE_NAMESPACE);
}

/** deck id → signature of the sample as shipped. */
export type SampleSignatures = Readonly<Record<string, string>>;

/** The recorded signatures; anything else found under the key (another version's format, a
 *  hand-edited value) counts as none: the sync then treats those samples as ordinary decks. */
export function readSampleSignatures(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): SampleSignatures {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage?.getItem(SAMPLE_SIGNATURES_KEY) ?? '{}');
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const out: Record<string, string> = {};
  for (const [id, sig] of Object.entries(parsed)) {
    if (RE_UUID.test(id) && typeof sig === 'string' && /^[0-9a-f]{64}$/.test(sig)) out[id] = sig;
  }
  return out;
}
