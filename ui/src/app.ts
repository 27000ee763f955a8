// The application shell: shared state, the header, routing between views.
import { type Answers, type Api, type Taxonomy, type Tree, toApiError } from "./api";
import { h } from "./dom";
import { lang, setLang, t } from "./i18n";
import { dossierHash, emptyAnswers, parseRoute, searchHash } from "./logic";
import { renderCatalogue, renderOwnForm } from "./views/catalogue";
import { renderCompare } from "./views/compare";
import { renderDetail } from "./views/detail";
import { renderDossier } from "./views/dossier";
import { renderDossiers } from "./views/dossiers";
import { renderQuestion, renderReview } from "./views/question";
import { renderWorker } from "./views/worker";
import { renderRestore } from "./views/restore";
import { renderResults } from "./views/results";
import { renderSearch } from "./views/search";
import { renderStart } from "./views/start";
import { renderTrash } from "./views/trash";
import { renderUnlock } from "./views/unlock";

export interface State {
  answers: Answers;
  /** The answer fields the way in (or the dossier) already gave: not asked again. */
  given: string[];
  compare: string[];
  /** The dossier being worked on: answers are kept in it, and results can be added to it. */
  dossier?: { id: string; org: string };
  /** A message for the next screen, shown once (e.g. that a dossier was erased). */
  notice?: string;
  /** The dossier just moved to the trash: the next screen offers to undo that. */
  deleted?: { id: string; org: string };
}

export interface Ctx {
  api: Api;
  taxonomy: Taxonomy;
  tree: Tree;
  state: State;
  main: HTMLElement;
  /** Navigates to a hash route. */
  go(hash: string): void;
  /** Re-renders the header (e.g. the compare count). */
  refreshHeader(): void;
  /** Opens an external web address in the system browser. */
  openUrl(url: string): Promise<void>;
}

export function errorView(err: unknown): HTMLElement {
  return h(
    "section",
    { class: "error", role: "alert" },
    h("h1", { tabindex: "-1" }, t().errorTitle),
    h("p", {}, toApiError(err).message),
    h("p", {}, t().errorHelp),
  );
}

function header(ctx: Ctx): HTMLElement {
  const s = t();
  const langButton = h("button", { type: "button", class: "lang", id: "lang-toggle", "aria-label": s.languageLabel, lang: lang() === "nl" ? "en" : "nl" }, s.language);
  langButton.addEventListener("click", () => {
    setLang(lang() === "nl" ? "en" : "nl");
    ctx.refreshHeader();
    route(ctx);
  });
  const nav = h(
    "nav",
    { "aria-label": s.appTitle },
    h("a", { href: "#/" }, s.navStart),
    h("a", { href: searchHash("", {}) }, s.navSearch),
    h("a", { href: "#/vergelijk", id: "nav-compare" }, s.compareCount(ctx.state.compare.length)),
    h("a", { href: "#/dossiers", id: "nav-dossiers" }, s.navDossiers),
    h("a", { href: "#/catalogus", id: "nav-catalogue" }, s.navCatalogue),
    h("a", { href: "#/herstellen", id: "nav-restore" }, s.navRestore),
    ctx.state.dossier ? h("a", { href: dossierHash(ctx.state.dossier.id), id: "nav-active-dossier", class: "active-dossier" }, s.activeDossier(ctx.state.dossier.org)) : null,
  );
  return h("div", { class: "bar" }, h("div", { class: "brand" }, h("p", { class: "title" }, s.appTitle), h("p", { class: "tagline" }, s.tagline)), nav, langButton);
}

let renderSeq = 0;

/** Renders the view for the current hash. */
export async function route(ctx: Ctx): Promise<void> {
  const seq = ++renderSeq;
  const hash = location.hash;
  const r = parseRoute(hash);
  let view: HTMLElement;
  try {
    switch (r.name) {
      case "start": view = await renderStart(ctx); break;
      case "question": view = renderQuestion(ctx, r.index); break;
      case "change": view = renderQuestion(ctx, 0, r.id); break;
      case "review": view = renderReview(ctx); break;
      case "worker": view = await renderWorker(ctx); break;
      case "results": view = await renderResults(ctx); break;
      case "search": view = await renderSearch(ctx, r.query, r.filters); break;
      case "detail": view = await renderDetail(ctx, r.id); break;
      case "compare": view = await renderCompare(ctx); break;
      case "dossiers": view = await renderDossiers(ctx, r.query); break;
      case "dossier": view = await renderDossier(ctx, r.id, r.task); break;
      case "restore": view = await renderRestore(ctx.api); break;
      case "trash": view = await renderTrash(ctx); break;
      case "catalogue": view = await renderCatalogue(ctx); break;
      case "own": view = await renderOwnForm(ctx, r.id); break;
    }
  } catch (err) {
    view = errorView(err);
  }
  if (seq !== renderSeq) return;
  ctx.main.replaceChildren(view);
  const focusTarget = view.querySelector<HTMLElement>("[data-autofocus]") ?? view.querySelector<HTMLElement>("h1");
  focusTarget?.focus();
  if (focusTarget instanceof HTMLInputElement) {
    const end = focusTarget.value.length;
    focusTarget.setSelectionRange(end, end);
  }
  // Which address the page now shows in full: what a test waits for instead of a pause.
  ctx.main.dataset.rendered = hash;
}

export async function start(api: Api, headerEl: HTMLElement, main: HTMLElement): Promise<void> {
  setLang(lang());
  let taxonomy: Taxonomy;
  let tree: Tree;
  try {
    [taxonomy, tree] = await Promise.all([api.taxonomy(), api.tree()]);
  } catch (err) {
    // An encrypted store: ask for the passphrase, then start again.
    if (toApiError(err).code === "passphrase_required") {
      main.replaceChildren(renderUnlock(api, () => void start(api, headerEl, main)));
      main.querySelector<HTMLElement>("[data-autofocus]")?.focus();
      return;
    }
    // A damaged database: offer the backups at once (they need no working store).
    if (toApiError(err).code === "database_damaged") {
      try {
        main.replaceChildren(await renderRestore(api, toApiError(err).message));
        main.querySelector<HTMLElement>("h1")?.focus();
        return;
      } catch {
        /* fall through to the plain error */
      }
    }
    main.replaceChildren(errorView(err));
    return;
  }
  const ctx: Ctx = {
    api,
    taxonomy,
    tree,
    state: { answers: emptyAnswers(), given: [], compare: [] },
    main,
    go(hash: string) {
      if (location.hash === hash) void route(ctx);
      else location.hash = hash;
    },
    refreshHeader() {
      headerEl.replaceChildren(header(ctx));
      const skip = document.querySelector<HTMLAnchorElement>(".skip");
      if (skip) skip.textContent = t().skip;
    },
    async openUrl(url: string) {
      const { openUrl } = await import("@tauri-apps/plugin-opener");
      await openUrl(url);
    },
  };
  ctx.refreshHeader();
  document.querySelector<HTMLAnchorElement>(".skip")?.addEventListener("click", (e) => {
    e.preventDefault();
    main.focus();
  });
  window.addEventListener("hashchange", () => void route(ctx));
  window.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
      e.preventDefault();
      const input = document.getElementById("search-input") as HTMLInputElement | null;
      if (input) input.focus();
      else ctx.go(searchHash("", {}));
    }
  });
  await route(ctx);
}
