// Which screen an address shows, with its data loaded first: each view's `load` (in the
// view's `<script module>`) fetches what it needs from the core, so the screen renders whole.
// Each screen is its own chunk, fetched when first shown: the start screen does not wait for
// the code of the others.
import type { Component } from "svelte";
import type { Route } from "./logic";
import type { Store } from "./store.svelte";

export interface View {
  // Each view declares its own props; the router passes what its `load` answered.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  component: Component<any>;
  props: Record<string, unknown>;
}

type Module<A extends unknown[]> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  default: Component<any>;
  load?: (...args: A) => Promise<Record<string, unknown>>;
};

/** A view from its module: its data from `load(...args)`, or `props` when it loads none. */
async function view<A extends unknown[]>(
  module: Promise<Module<A>>,
  args: A,
  props: Record<string, unknown> = {},
): Promise<View> {
  const m = await module;
  return { component: m.default, props: { ...props, ...(m.load ? await m.load(...args) : {}) } };
}

export async function loadView(store: Store, route: Route): Promise<View> {
  switch (route.name) {
    case "start":
      return view(import("./views/Start.svelte"), [store]);
    case "question":
      return view(import("./views/Question.svelte"), [], { index: route.index });
    case "change":
      return view(import("./views/Question.svelte"), [], { index: 0, changeId: route.id });
    case "review":
      return view(import("./views/Review.svelte"), []);
    case "worker":
      return view(import("./views/Worker.svelte"), []);
    case "results":
      return view(import("./views/Results.svelte"), [store]);
    case "search":
      return view(import("./views/Search.svelte"), [store, route.query, route.filters]);
    case "detail":
      return view(import("./views/Detail.svelte"), [store, route.id]);
    case "compare":
      return view(import("./views/Compare.svelte"), [store]);
    case "dossiers":
      return view(import("./views/Dossiers.svelte"), [store, route.query]);
    case "dossier":
      return view(import("./views/Dossier.svelte"), [store, route.id, route.task]);
    case "restore":
      return view(import("./views/Restore.svelte"), [store.api], { api: store.api });
    case "trash":
      return view(import("./views/Trash.svelte"), [store]);
    case "catalogue":
      return view(import("./views/Catalogue.svelte"), [store]);
    case "share":
      return view(import("./views/Share.svelte"), [store]);
    case "own":
      return view(import("./views/OwnForm.svelte"), [store, route.id]);
    case "talk":
      return view(import("./views/Talk.svelte"), [store, route.id, route.guide, route.step]);
    // The evaluation loop's screens.
    case "traject":
      return view(import("./views/Traject.svelte"), [store, route.id]);
    case "evaluate":
      return view(import("./views/Evaluate.svelte"), [store, route.id, route.item]);
    case "measure":
      return view(import("./views/Measure.svelte"), [store, route.id]);
  }
}
