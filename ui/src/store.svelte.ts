// The one state store the screens render from: what the user is working on (answers, the
// comparison, the active dossier), where the window is (the address), and what the next
// screen does on arrival (a message, a field to focus). Views hold no state of their own
// between screens; they read and change this store, which the App hands them as context.
import { getContext, setContext } from "svelte";
import type { Answers, Api, Entry, Taxonomy, Tree } from "./api";
import { lang, setLang, type Lang } from "./i18n";
import { applyEntry, emptyAnswers, givenFields, parseRoute, type Route } from "./logic";
import type { TalkDraft } from "./views/talk/flow";

export interface ActiveDossier {
  id: string;
  org: string;
}

/** What the next screen does when it appears: show `notice` once, focus the element with
 * id `focus` (else its `[data-autofocus]`, else its heading); `deleted` offers an undo. */
export interface Arrival {
  notice?: string;
  focus?: string;
  deleted?: ActiveDossier;
}

/** What a guard warns with: the message, the field to go back to, and (where the general
 * "correct the date" / "leave anyway" do not fit) what the two buttons say. */
export interface LeaveWarning {
  message: string;
  focus: string;
  stay?: string;
  leave?: string;
}

/** A check before the screen is left: the warning (a value on the page would be lost), or
 * null. */
export interface LeaveGuard {
  check(): LeaveWarning | null;
}

/** The message a screen shows after the program started again (a restore, encryption):
 * kept in the session's storage across the reload. */
const RESTART_NOTICE = "keuzehulp.melding";

export class Store {
  readonly api: Api;
  readonly taxonomy: Taxonomy;
  readonly tree: Tree;
  /** The address shown (`#/…`). */
  hash = $state("#/");
  route: Route = $derived(parseRoute(this.hash));
  /** Counts renders of the same address (its data changed). */
  visits = $state(0);
  lang = $state<Lang>(lang());
  answers = $state<Answers>(emptyAnswers());
  /** The answer fields the way in (or the dossier) already gave: not asked again. */
  given = $state<string[]>([]);
  /** Where the questions were started: "Vorige" on the first one goes back there. */
  questionsFrom = $state("#/");
  compare = $state<string[]>([]);
  /** What is typed into the start screen's search field while the search screen loads. */
  searchDraft: string | undefined;
  /** The dossier being worked on: answers are kept in it, results can be added to it. */
  dossier = $state<ActiveDossier | undefined>();
  /** Dossiers whose report was saved in this session (the dossier does not record it). */
  reportSaved = $state<string[]>([]);
  /** The conversation being entered, across its screens, until it is saved (issue 28). */
  talk = $state<TalkDraft | undefined>();
  /** A navigation held back by a guard, with the warning shown instead. */
  leaving = $state<(LeaveWarning & { to: string }) | undefined>();
  #arrival: Arrival = {};
  // Asked on navigation, never rendered: no reactivity needed.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #guards = new Set<LeaveGuard>();
  #navigate: (hash: string) => void;

  constructor(api: Api, taxonomy: Taxonomy, tree: Tree, navigate?: (hash: string) => void) {
    this.api = api;
    this.taxonomy = taxonomy;
    this.tree = tree;
    this.#navigate = navigate ?? ((hash) => (location.hash = hash));
  }

  /** Goes to `hash` (again, when it is the address already) with what to do on arrival. */
  go(hash: string, arrival: Arrival = {}): void {
    this.#arrival = arrival;
    if (this.hash === hash) this.visits += 1;
    this.#navigate(hash);
  }

  /** Takes a way in: its presets as answers (not asked again), then, for a worker with
   * worries, who to turn to first; for the others, the first question. */
  begin(entry: Entry, from = "#/"): void {
    this.answers = applyEntry(entry);
    this.given = givenFields(entry);
    this.questionsFrom = from;
    this.go(entry.presets.role === "medewerker" ? "#/bij-wie" : "#/vraag/0");
  }

  /** What the screen being shown should do on arrival; asked once. */
  takeArrival(): Arrival {
    const arrival = this.#arrival;
    this.#arrival = {};
    try {
      const notice = sessionStorage.getItem(RESTART_NOTICE);
      if (notice) {
        sessionStorage.removeItem(RESTART_NOTICE);
        return { ...arrival, notice: arrival.notice ?? notice };
      }
    } catch {
      /* no session storage: no message after a restart */
    }
    return arrival;
  }

  /** The address changed (a link, the back key): shows it, unless a guard holds it back. */
  arrive(hash: string): boolean {
    // The same address again (a repeated event, the guard putting it back): nothing to do.
    if (hash === this.hash) return true;
    if (this.leaving?.to !== hash) {
      for (const guard of this.#guards) {
        const held = guard.check();
        if (held) {
          this.leaving = { ...held, to: hash };
          return false;
        }
      }
    }
    this.leaving = undefined;
    this.hash = hash;
    return true;
  }

  /** Registers a guard while a screen shows a value that leaving would lose; returns its
   * removal. */
  guard(guard: LeaveGuard): () => void {
    this.#guards.add(guard);
    return () => this.#guards.delete(guard);
  }

  setLang(next: Lang): void {
    setLang(next);
    this.lang = next;
  }

  toggleLang(): void {
    this.setLang(this.lang === "nl" ? "en" : "nl");
  }
}

/** Keeps `notice` for the first screen after the window reloads (a restore, encryption). */
export function noticeAfterRestart(notice: string): void {
  try {
    sessionStorage.setItem(RESTART_NOTICE, notice);
  } catch {
    /* no session storage: no message after a restart */
  }
}

const KEY = Symbol("store");

export function setStore(store: Store): void {
  setContext(KEY, store);
}

/** The store, inside a component the App (or a test) rendered with it. */
export function useStore(): Store {
  const store = getContext<Store | undefined>(KEY);
  if (!store) throw new Error("no store in this component's context");
  return store;
}

export { KEY as STORE_KEY };
