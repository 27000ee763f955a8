// Backups and restore ("Herstellen"). Needs nothing but the backup commands, so it also works
// when the database could not be opened.
import { type Api, type Backup, toApiError } from "../api";
import { h } from "../dom";
import { lang, t } from "../i18n";
import { sizeText } from "../logic";
import { when } from "./dossiers";
import { inlineConfirm } from "./parts";

/** `damaged` is the core's message when the database could not be opened. */
export async function renderRestore(api: Api, damaged?: string): Promise<HTMLElement> {
  const s = t();
  const status = h("p", { class: "status", role: "status", id: "restore-status" });
  const list = h("ul", { class: "backups", id: "backup-list" });
  const locale = lang() === "en" ? "en-GB" : "nl-NL";
  const row = (b: Backup) => {
    const stamp = when(b.created_at);
    const restore = h("button", { type: "button", class: "secondary restore", "data-file": b.file, "aria-label": `${s.restore}: ${stamp}` }, s.restore);
    const confirm = inlineConfirm(restore, s.restoreConfirm(stamp), { yes: s.restoreYes, no: s.no }, async () => {
      status.textContent = s.restoring;
      status.classList.toggle("failed", false);
      try {
        await api.backupRestore(b.file);
        status.textContent = s.restored(stamp);
        status.classList.toggle("failed", false);
        // Start afresh on the restored data: every view reads it anew.
        setTimeout(() => {
          location.hash = "#/";
          location.reload();
        }, 1200);
      } catch (err) {
        status.textContent = toApiError(err).message;
        status.classList.toggle("failed", true);
      }
    }, { yesClass: "restore-yes" });
    return h("li", { "data-file": b.file }, s.backupLine(stamp, s.backupKinds[b.kind], sizeText(b.size, locale)), " ", restore, confirm);
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
      status.classList.toggle("failed", false);
      await paint();
    } catch (err) {
      status.textContent = toApiError(err).message;
      status.classList.toggle("failed", true);
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
    damaged ? null : await encryptionSection(api),
  );
}

/** Turning encryption on or off, and changing the passphrase. */
async function encryptionSection(api: Api): Promise<HTMLElement> {
  const s = t();
  const on = await api.encryptionStatus();
  const first = h("input", { type: "password", id: "new-passphrase", autocomplete: "new-password", minlength: 8 });
  const second = h("input", { type: "password", id: "repeat-passphrase", autocomplete: "new-password", minlength: 8 });
  const status = h("p", { class: "status", role: "status", id: "encryption-status" });
  const form = h(
    "form",
    { class: "encryption-form" },
    h("div", { class: "form-grid" }, h("label", { for: "new-passphrase" }, s.newPassphrase), first, h("label", { for: "repeat-passphrase" }, s.repeatPassphrase), second),
    h("p", { class: "actions" }, h("button", { type: "submit", class: "primary", id: "encryption-on" }, on ? s.changePassphrase : s.encrypt)),
  );
  const done = (now: boolean) => {
    status.textContent = s.encryptionDone(now);
    status.classList.toggle("failed", false);
    setTimeout(() => location.reload(), 1200);
  };
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (first.value !== second.value) {
      status.textContent = s.passphrasesDiffer;
      status.classList.toggle("failed", true);
      second.focus();
      return;
    }
    try {
      done(await api.encryptionSet(first.value));
    } catch (err) {
      status.textContent = toApiError(err).message;
      status.classList.toggle("failed", true);
    }
  });
  const off = h("button", { type: "button", class: "secondary", id: "encryption-off" }, s.decrypt);
  off.addEventListener("click", async () => {
    try {
      done(await api.encryptionSet(null));
    } catch (err) {
      status.textContent = toApiError(err).message;
      status.classList.toggle("failed", true);
    }
  });
  return h(
    "section",
    { class: "encryption", "aria-labelledby": "encryption-title" },
    h("h2", { id: "encryption-title" }, s.encryptionTitle),
    h("p", { id: "encryption-state" }, on ? s.encryptionOn : s.encryptionOff),
    h("p", { class: "reminder" }, s.encryptionWarning),
    form,
    on ? h("p", { class: "actions" }, off) : null,
    status,
  );
}
