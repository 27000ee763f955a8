// Renders a screen as the program does: its data loaded by the route's `load`, the view
// mounted with the store in its context. Returns the screen's root and where it went.
import { type Component, flushSync, mount, unmount } from "svelte";
import type { Api } from "../api";
import { setLang } from "../i18n";
import { loadView } from "../routes";
import { STORE_KEY, Store } from "../store.svelte";
import { fakeApi, taxonomy, tree } from "./fake-api";

let mounted: Record<string, unknown> | undefined;

/** A store over `api`; `went` collects every address it goes to. */
export function makeStore(api: Api = fakeApi(), t = tree): { store: Store; went: string[] } {
  const went: string[] = [];
  const store = new Store(api, taxonomy, t, (hash) => {
    went.push(hash);
    store.arrive(hash);
  });
  return { store, went };
}

/** Mounts `component` with `props` and the store, in a fresh `<main>` of the document. */
export function mountWith<P extends Record<string, unknown>>(
  store: Store,
  component: Component<P>,
  props: P,
): HTMLElement {
  if (mounted) unmount(mounted);
  const main = document.createElement("main");
  document.body.replaceChildren(main);
  mounted = mount(component, { target: main, props, context: new Map([[STORE_KEY, store]]) });
  flushSync();
  return main;
}

/** Shows the screen for `hash`, as the router would. */
export async function show(store: Store, hash: string): Promise<HTMLElement> {
  store.hash = hash;
  const view = await loadView(store, store.route);
  return mountWith(store, view.component, { ...view.props, arrival: store.takeArrival() });
}

/** Waits for the promises the screen started (a click's call to the core) and its updates. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
  flushSync();
}

export function reset(): void {
  setLang("nl");
  document.body.replaceChildren();
}

export const $ = <E extends Element = HTMLElement>(root: ParentNode, css: string): E => {
  const el = root.querySelector<E>(css);
  if (!el) throw new Error(`no ${css}`);
  return el;
};

/** Types into a field as a person does: the value, then "input" and "change". */
export function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  el.dispatchEvent(new Event("change", { bubbles: true }));
  flushSync();
}

/** Chooses an option of a select as a person does (happy-dom's `:checked` needs the
 * option's `selected`). */
export function choose(select: HTMLSelectElement, value: string): void {
  for (const option of select.options) option.selected = option.value === value;
  select.value = value;
  select.dispatchEvent(new Event("change", { bubbles: true }));
  flushSync();
}
