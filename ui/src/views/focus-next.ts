// Where the focus goes when the dossier page renders next, asked for by a view outside it
// (a results card that put an item in the plan): the field where the next action is.
let pending: string | undefined;

export function focusOnDossierRender(id: string): void {
  pending = id;
}

export function takeDossierFocus(): string | undefined {
  const id = pending;
  pending = undefined;
  return id;
}
