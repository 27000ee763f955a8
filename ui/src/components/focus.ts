// Focus on arrival: when a screen appears, the focus goes to the field asked for, else to
// the element marked `data-autofocus`, else to the screen's heading; a text field gets the
// caret at its end.
export function focusOnArrival(root: HTMLElement, id?: string): void {
  const asked = id ? root.querySelector<HTMLElement>(`#${CSS.escape(id)}`) : null;
  const target = asked ?? root.querySelector<HTMLElement>("[data-autofocus]") ?? root.querySelector<HTMLElement>("h1");
  target?.focus();
  if (target instanceof HTMLInputElement && ["text", "search"].includes(target.type)) {
    const end = target.value.length;
    target.setSelectionRange(end, end);
  }
}

/** Focuses the element with this id once the DOM shows it. */
export function focusId(id: string): void {
  document.getElementById(id)?.focus();
}
