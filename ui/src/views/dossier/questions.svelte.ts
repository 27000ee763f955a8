// Answering the questions for a dossier: its answers (and its sector) become the store's,
// it becomes the active dossier, and "Vorige" on the first question comes back here.
import type { Dossier } from "../../api";
import { givenFields } from "../../logic";
import type { Store } from "../../store.svelte";

export function answerFor(store: Store, d: Dossier, hash: string): void {
  const answers = $state.snapshot(d.answers);
  // The dossier's sector is the answer to "in welke sector?"; what the way in set is given.
  if (!answers.sector && d.sector) answers.sector = d.sector;
  store.answers = answers;
  const entry = store.tree.entries.find((e) => e.id === d.answers.entry);
  store.given = givenFields(entry, answers.sector === d.sector ? d.sector : null);
  store.dossier = { id: d.id, org: d.org };
  store.questionsFrom = store.hash;
  store.go(hash);
}
