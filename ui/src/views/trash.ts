// The trash ("Prullenbak"): deleted dossiers, with "Terugzetten" and "Definitief verwijderen",
// and the "Ongedaan maken" that follows a delete on the dossier list.
import type { Ctx } from "../app";
import { type Trashed, toApiError } from "../api";
import { h } from "../dom";
import { lang, t } from "../i18n";
import { when } from "./dossiers";
import { inlineConfirm } from "./parts";

/** "2026-12-25" → a local date (the core writes ISO dates). */
function day(iso: string | null): string {
  if (!iso) return t().notKnown;
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(lang() === "en" ? "en-GB" : "nl-NL", { dateStyle: "long" });
}

/** The message after a delete on the dossier list, with "Ongedaan maken"; `repaint` shows
 * the list again once the dossier is back. Empty when nothing was just deleted. */
export function undoNotice(ctx: Ctx, repaint: () => Promise<void>): HTMLElement {
  const s = t();
  const notice = h("p", { class: "status", role: "status", id: "dossiers-notice" }, ctx.state.notice ?? "");
  ctx.state.notice = undefined;
  const deleted = ctx.state.deleted;
  ctx.state.deleted = undefined;
  if (!deleted) return notice;
  const undo = h("button", { type: "button", class: "secondary", id: "undo-delete" }, s.undo);
  undo.addEventListener("click", async () => {
    try {
      await ctx.api.dossierUndelete(deleted.id);
      notice.replaceChildren(s.undeleted(deleted.org));
      await repaint();
    } catch (err) {
      notice.replaceChildren(toApiError(err).message);
    }
  });
  notice.append(" ", undo);
  return notice;
}

export async function renderTrash(ctx: Ctx): Promise<HTMLElement> {
  const s = t();
  const status = h("p", { class: "status", role: "status", id: "trash-status" });
  const list = h("ul", { class: "dossiers trash", id: "trash-list" });
  const row = (d: Trashed) => {
    const restore = h("button", { type: "button", class: "secondary undelete", "data-id": d.id, "aria-label": `${s.undelete}: ${d.org}` }, s.undelete);
    restore.addEventListener("click", async () => {
      try {
        await ctx.api.dossierUndelete(d.id);
        status.textContent = s.undeleted(d.org);
        await paint();
      } catch (err) {
        status.textContent = toApiError(err).message;
      }
    });
    const erase = h("button", { type: "button", class: "secondary erase", "data-id": d.id, "aria-label": `${s.eraseForGood}: ${d.org}` }, s.eraseForGood);
    const confirm = inlineConfirm(erase, s.eraseConfirm(d.org), { yes: s.eraseYes, no: s.deleteNo }, async () => {
      try {
        const erasure = await ctx.api.dossierErase(d.id);
        status.textContent = [s.deleted(erasure.cleaned.length), ...erasure.failed.map((f) => s.deleteLeftIn(f.file, f.reason))].join(" ");
        await paint();
      } catch (err) {
        status.textContent = toApiError(err).message;
      }
    }, { yesClass: "erase-yes" });
    return h(
      "li",
      { class: "dossier-item", "data-id": d.id },
      h("strong", {}, d.org),
      d.department ? h("span", { class: "meta" }, ` — ${d.department}`) : null,
      h("p", { class: "meta" }, s.trashLine(when(d.deleted_at), day(d.erased_on), d.notes)),
      h("p", { class: "actions" }, restore, " ", erase),
      confirm,
    );
  };
  const paint = async () => {
    const trashed = await ctx.api.dossierTrash();
    list.replaceChildren(...trashed.map(row));
    if (!trashed.length) list.replaceChildren(h("li", { class: "empty" }, s.trashEmpty));
  };
  await paint();
  return h(
    "section",
    { class: "trash-view", "aria-labelledby": "trash-title" },
    h("h1", { id: "trash-title", tabindex: "-1" }, s.trashTitle),
    h("p", {}, s.trashIntro),
    status,
    list,
    h("p", {}, h("a", { href: "#/dossiers" }, s.backToDossiers)),
  );
}
