// Asks for the passphrase of an encrypted store. Needs only the `unlock` command.
import { type Api, toApiError } from "../api";
import { h } from "../dom";
import { t } from "../i18n";

/** `onOpen` runs once the store is open. */
export function renderUnlock(api: Api, onOpen: () => void): HTMLElement {
  const s = t();
  const input = h("input", { type: "password", id: "unlock-passphrase", autocomplete: "current-password", required: true, "data-autofocus": true });
  const status = h("p", { class: "status", role: "status", id: "unlock-status" });
  const form = h(
    "form",
    { class: "unlock", "aria-labelledby": "unlock-title" },
    h("h1", { id: "unlock-title", tabindex: "-1" }, s.unlockTitle),
    h("p", {}, s.unlockHelp),
    h("label", { for: "unlock-passphrase" }, s.passphrase),
    h("span", { class: "inline" }, input, h("button", { type: "submit", class: "primary", id: "unlock-submit" }, s.unlock)),
    status,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await api.unlock(input.value);
      input.value = "";
      onOpen();
    } catch (err) {
      status.textContent = toApiError(err).message;
      status.classList.toggle("failed", true);
      input.select();
    }
  });
  return form;
}
