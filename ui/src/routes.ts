// Which screen an address shows, with its data loaded first: each view's `load` (in the
// view's `<script module>`) fetches what it needs from the core, so the screen renders whole.
import type { Component } from "svelte";
import type { Route } from "./logic";
import type { Store } from "./store.svelte";
import Catalogue, { load as loadCatalogue } from "./views/Catalogue.svelte";
import Compare, { load as loadCompare } from "./views/Compare.svelte";
import Detail, { load as loadDetail } from "./views/Detail.svelte";
import Dossier, { load as loadDossier } from "./views/Dossier.svelte";
import Dossiers, { load as loadDossiers } from "./views/Dossiers.svelte";
import OwnForm, { load as loadOwn } from "./views/OwnForm.svelte";
import Question from "./views/Question.svelte";
import Restore, { load as loadRestore } from "./views/Restore.svelte";
import Results, { load as loadResults } from "./views/Results.svelte";
import Review from "./views/Review.svelte";
import Search, { load as loadSearch } from "./views/Search.svelte";
import Start, { load as loadStart } from "./views/Start.svelte";
import Trash, { load as loadTrash } from "./views/Trash.svelte";
import Worker from "./views/Worker.svelte";

export interface View {
  // Each view declares its own props; the router passes what its `load` answered.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  component: Component<any>;
  props: Record<string, unknown>;
}

const view = <P extends Record<string, unknown>>(component: Component<P>, props: P): View => ({
  component: component as Component<Record<string, unknown>>,
  props,
});

export async function loadView(store: Store, route: Route): Promise<View> {
  switch (route.name) {
    case "start":
      return view(Start, await loadStart(store));
    case "question":
      return view(Question, { index: route.index });
    case "change":
      return view(Question, { index: 0, changeId: route.id });
    case "review":
      return view(Review, {});
    case "worker":
      return view(Worker, {});
    case "results":
      return view(Results, await loadResults(store));
    case "search":
      return view(Search, await loadSearch(store, route.query, route.filters));
    case "detail":
      return view(Detail, await loadDetail(store, route.id));
    case "compare":
      return view(Compare, await loadCompare(store));
    case "dossiers":
      return view(Dossiers, await loadDossiers(store, route.query));
    case "dossier":
      return view(Dossier, await loadDossier(store, route.id, route.task));
    case "restore":
      return view(Restore, { api: store.api, ...(await loadRestore(store.api)) });
    case "trash":
      return view(Trash, await loadTrash(store));
    case "catalogue":
      return view(Catalogue, await loadCatalogue(store));
    case "own":
      return view(OwnForm, await loadOwn(store, route.id));
  }
}
