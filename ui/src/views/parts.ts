// Pieces shared by several views.
import type { Ctx } from "../app";
import { h } from "../dom";
import { t } from "../i18n";
import { toggleCompare } from "../logic";

/** The "Vergelijk" toggle for one intervention. */
export function compareButton(ctx: Ctx, id: string, name: string): HTMLElement {
  const s = t();
  const status = h("span", { class: "compare-status", role: "status" });
  const button = h("button", { type: "button", class: "secondary compare", "data-id": id, "aria-pressed": String(ctx.state.compare.includes(id)) });
  const paint = () => {
    const on = ctx.state.compare.includes(id);
    button.setAttribute("aria-pressed", String(on));
    button.textContent = on ? s.removeCompare : s.addCompare;
    button.setAttribute("aria-label", `${on ? s.removeCompare : s.addCompare}: ${name}`);
  };
  button.addEventListener("click", () => {
    const result = toggleCompare(ctx.state.compare, id);
    ctx.state.compare = result.list;
    status.textContent = result.full ? s.compareMax : "";
    paint();
    ctx.refreshHeader();
  });
  paint();
  return h("span", { class: "compare-wrap" }, button, status);
}

/** A link that opens an intervention's detail page. */
export function openLink(id: string, name: string): HTMLElement {
  return h("a", { href: `#/interventie/${encodeURIComponent(id)}`, class: "open", "aria-label": `${t().open}: ${name}` }, t().open);
}
