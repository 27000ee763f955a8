// Backups and restore ("Herstellen"). Needs nothing but the backup commands, so it also works
// when the database could not be opened.
import { type Api, type Backup, toApiError } from "../api";
import { h } from "../dom";
import { lang, t } from "../i18n";
import { sizeText } from "../logic";
import { when } from "./dossiers";

/** `damaged` is the core's message when the database could not be opened. */
export async function renderRestore(api: Api, damaged?: string): Promise<HTMLElement> {
  const s = t();
  const status = h("p", { class: "status", role: "status", id: "restore-status" });
  const list = h("ul", { class: "backups", id: "backup-list" });
  const locale = lang() === "en" ? "en-GB" : "nl-NL";
  const row = (b: Backup) => {
    const stamp = when(b.created_at);
    const confirm = h("div", { class: "confirm", hidden: true, role: "group" });
    const yes = h("button", { type: "button", class: "danger restore-yes" }, s.restoreYes);
    const no = h("button", { type: "button", class: "secondary" }, s.deleteNo);
    confirm.append(h("p", {}, s.restoreConfirm(stamp)), h("p", { class: "actions" }, yes, no));
    const restore = h("button", { type: "button", class: "secondary restore", "data-file": b.file, "aria-label": `${s.restore}: ${stamp}` }, s.restore);
    restore.addEventListener("click", () => {
      confirm.hidden = false;
      no.focus();
    });
    no.addEventListener("click", () => {
      confirm.hidden = true;
      restore.focus();
    });
    yes.addEventListener("click", async () => {
      status.textContent = s.restoring;
      try {
        await api.backupRestore(b.file);
        status.textContent = s.restored(stamp);
        // Start afresh on the restored data: every view reads it anew.
        setTimeout(() => {
          location.hash = "#/";
          location.reload();
        }, 1200);
      } catch (err) {
        status.textContent = toApiError(err).message;
      }
    });
    return h("li", { "data-file": b.file }, s.backupLine(stamp, s.backupKinds[b.kind] ?? b.kind, sizeText(b.size, locale)), " ", restore, confirm);
  };
  const paint = async () => {
    const backups = await api.backups();
    list.replaceChildren(...backups.map(row));
    if (!backups.length) list.replaceChildren(h("li", {}, s.noBackups));
  };
  await paint();
  const make = h("button", { type: "button", class: "primary", id: "backup-create" }, s.backupNow);
  make.addEventListener("click", async () => {
    try {
      const b = await api.backupCreate();
      status.textContent = s.backupMade(b.file);
      await paint();
    } catch (err) {
      status.textContent = toApiError(err).message;
    }
  });
  return h(
    "section",
    { class: "restore-view", "aria-labelledby": "restore-title" },
    h("h1", { id: "restore-title", tabindex: "-1" }, damaged ? s.damagedTitle : s.restoreTitle),
    damaged ? h("div", { class: "error", role: "alert" }, h("p", {}, damaged), h("p", {}, s.damagedHelp)) : h("p", {}, s.restoreIntro),
    damaged ? null : h("p", { class: "actions" }, make),
    status,
    list,
  );
}
