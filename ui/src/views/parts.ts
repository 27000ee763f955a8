// Pieces shared by several views.
import type { Ctx } from "../app";
import { toApiError } from "../api";
import { h } from "../dom";
import { t } from "../i18n";
import { dossierHash, toggleCompare, visitInfo } from "../logic";
import { focusOnDossierRender } from "./focus-next";

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

/** "Aan dossier toevoegen" for one intervention; shown only while a dossier is active. The
 * "why" is left for the professional to write (not pre-filled with the advisor's reasons).
 * After adding, the button stays where it is (marked done, still focusable), so the keyboard
 * focus does not fall to the page. */
export function addToDossierButton(ctx: Ctx, id: string, name: string): HTMLElement | null {
  const active = ctx.state.dossier;
  if (!active) return null;
  const s = t();
  const status = h("span", { class: "dossier-status", role: "status" });
  const button = h("button", { type: "button", class: "secondary add-dossier", "data-id": id, "aria-label": `${s.addToDossier}: ${name}` }, s.addToDossier);
  let done = false;
  button.addEventListener("click", async () => {
    if (done) return;
    try {
      await ctx.api.dossierShortlist(active.id, id);
      done = true;
      button.textContent = s.inDossier;
      button.setAttribute("aria-label", `${s.inDossier}: ${name}`);
      button.setAttribute("aria-disabled", "true");
      // One action to put it in the plan too: the item is made and the plan opens with the
      // focus on its first empty field.
      const plan = h("button", { type: "button", class: "link-button to-plan-now", "aria-label": `${s.alsoToPlan}: ${name}` }, s.alsoToPlan);
      plan.addEventListener("click", async () => {
        try {
          const item = await ctx.api.dossierPlan(active.id, { intervention_id: id, what: name, status: "gepland" });
          focusOnDossierRender(`plan-${item.id}-who`);
          ctx.go(dossierHash(active.id, "actieplan"));
        } catch (err) {
          status.textContent = toApiError(err).message;
          status.classList.add("failed");
        }
      });
      status.replaceChildren(s.addedToDossier(active.org), " ", h("a", { href: dossierHash(active.id, "keuzelijst"), class: "to-shortlist" }, s.toShortlist), " ", plan);
      button.focus();
    } catch (err) {
      status.textContent = toApiError(err).message;
      status.classList.add("failed");
    }
  });
  return h("span", { class: "dossier-wrap" }, button, status);
}

/** On the results page: which dossier keeps these answers, or a way to link one. */
export async function dossierBar(ctx: Ctx, onLinked: () => void): Promise<HTMLElement> {
  const s = t();
  const active = ctx.state.dossier;
  if (active) {
    return h("p", { class: "dossier-bar", id: "dossier-bar" }, h("a", { href: dossierHash(active.id, "keuzelijst") }, s.activeDossier(active.org)), ` — ${s.answersKept}`);
  }
  const dossiers = await ctx.api.dossiers();
  const select = h(
    "select",
    { id: "link-dossier" },
    h("option", { value: "" }, s.newDossierOption),
    ...dossiers.map((d) => h("option", { value: d.id }, d.org)),
  );
  const org = h("input", { type: "text", id: "link-dossier-org", autocomplete: "organization" });
  const orgLabel = h("label", { for: "link-dossier-org" }, s.newDossierOrg);
  const status = h("span", { class: "status", role: "status" });
  const toggleOrg = () => {
    orgLabel.hidden = org.hidden = select.value !== "";
  };
  select.addEventListener("change", toggleOrg);
  const form = h(
    "form",
    { class: "dossier-bar link-form", id: "dossier-bar", "aria-labelledby": "link-title" },
    h("h2", { id: "link-title" }, s.linkDossierTitle),
    h("p", { class: "meta" }, s.linkDossierHelp),
    h("span", { class: "inline" }, h("label", { for: "link-dossier" }, s.chooseDossier), select, orgLabel, org, h("button", { type: "submit", class: "secondary", id: "link-dossier-submit" }, s.link)),
    status,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      if (select.value) {
        const chosen = dossiers.find((d) => d.id === select.value);
        ctx.state.dossier = { id: select.value, org: chosen?.org ?? select.value };
      } else {
        const info = visitInfo({ org: org.value });
        if (!info.org) {
          status.textContent = s.orgRequired;
          status.classList.add("failed");
          org.setAttribute("aria-invalid", "true");
          org.focus();
          return;
        }
        ctx.state.dossier = { id: await ctx.api.dossierNew(info), org: info.org };
      }
      ctx.refreshHeader();
      onLinked();
    } catch (err) {
      status.textContent = toApiError(err).message;
      status.classList.add("failed");
    }
  });
  toggleOrg();
  return form;
}

/** An inline "are you sure?" for `trigger` (no native dialog): a click on the trigger shows
 * the question with Yes and No; No hides it and gives the focus back, Yes runs `onYes`. */
export function inlineConfirm(
  trigger: HTMLButtonElement,
  question: string,
  labels: { yes: string; no: string },
  onYes: () => void,
  ids: { group?: string; yes?: string; no?: string; yesClass?: string } = {},
): HTMLElement {
  const group = h("div", { class: "confirm", id: ids.group, hidden: true, role: "group", "aria-label": question });
  const yes = h("button", { type: "button", class: `danger ${ids.yesClass ?? ""}`.trim(), id: ids.yes }, labels.yes);
  const no = h("button", { type: "button", class: "secondary", id: ids.no }, labels.no);
  group.append(h("p", {}, question), h("p", { class: "actions" }, yes, no));
  trigger.addEventListener("click", () => {
    group.hidden = false;
    no.focus();
  });
  no.addEventListener("click", () => {
    group.hidden = true;
    trigger.focus();
  });
  yes.addEventListener("click", () => {
    group.hidden = true;
    onYes();
  });
  return group;
}
