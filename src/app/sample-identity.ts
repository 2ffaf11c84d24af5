// Who a sample deck is, the same on every computer: a sample's deck id comes from its folder
// name under slides/, so the sample seeded on a second computer is the same deck as the first
// computer's, not a copy under a new random id (centre sync then lists it once). And what it
// looked like as shipped: its signature (src/sync/signatures.ts), recorded when it was seeded,
// tells the centre sync an untouched sample from an edited one (src/sync/settle-versions.ts).

/** Which deck id each sample got: {"nghi-quyet-dang-vien-moi": "sample-nghi-quyet-dang-vien-moi", …} */
export const SAMPLES_KEY = 'lectern.samples';
/** Each seeded sample's signature as shipped: {"sample-…": "<sha-256>"}. */
export const SAMPLE_SIGNATURES_KEY = 'lectern.sampleSignatures';

const PREFIX = 'sample-';

/** The deck id of the sample in slides/<folder>/ (NFC, so a folder name typed with combining
 *  marks on one system is the same sample on another). */
export function sampleDeckId(folder: string): string {
  const name = folder.normalize('NFC');
  if (name === '' || name.includes('/') || name.length > 150) throw new Error(`not a sample folder: ${folder}`);
  return PREFIX + name;
}

export function isSampleDeckId(id: string): boolean {
  return id.startsWith(PREFIX) && id.length > PREFIX.length;
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
    if (isSampleDeckId(id) && typeof sig === 'string' && /^[0-9a-f]{64}$/.test(sig)) out[id] = sig;
  }
  return out;
}
