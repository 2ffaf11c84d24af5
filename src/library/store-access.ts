// One Store per tab for the authoring screens: the shell's singleton (src/app/store.ts). Several
// Store instances in one tab would each see the others' saves as coming from "another tab" (they
// share the BroadcastChannel), which would turn this tab's own autosave into false conflicts.
export { getStore as getAuthoringStore } from '../app/store.ts';
