// Pure helpers of the "Catalogus" screen and the own-intervention form: no DOM, so vitest
// checks them directly.
import type { Intervention } from "./api";
import { parseDate } from "./date";

/**
 * The form field a validator problem is about: `evidence.level` → `own-evidence-level`,
 * `aliases[2]` → `own-aliases`, `sources[0].section` → `own-sources-section`, `sources` →
 * its first field. The validator names fields as the catalogue files do.
 */
export function problemFieldId(field: string): string {
  const plain = field.replace(/\[\d+\]/g, "");
  if (plain === "sources") return "own-sources-document";
  return `own-${plain.replace(/\./g, "-")}`;
}

/** The non-empty lines of a text area, trimmed. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** A fact that may be unknown: empty is null ("onbekend", never a guess). */
export function known(text: string): string | null {
  const trimmed = text.trim();
  return trimmed.length ? trimmed : null;
}

/**
 * When an evidence level was judged, as precise as the source: a year ("2021"), a month and
 * year ("03-2021") or a date ("15-03-2021"); empty is unknown (null). Answers the ISO form
 * (`2021`, `2021-03`, `2021-03-15`), or undefined when it is none of these.
 */
export function partialDate(text: string): string | null | undefined {
  const v = text.trim();
  if (!v) return null;
  if (/^\d{4}$/.test(v)) return v;
  const month = /^(\d{1,2})-(\d{4})$/.exec(v);
  if (month) {
    const m = Number(month[1]);
    return m >= 1 && m <= 12 ? `${month[2]}-${String(m).padStart(2, "0")}` : undefined;
  }
  const parsed = parseDate(v);
  return parsed.ok && parsed.iso ? parsed.iso : undefined;
}

/** Shows an ISO partial date the way people write it: `2021-03` → `03-2021`. */
export function showPartialDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-");
  return [d, m, y].filter(Boolean).join("-");
}

/**
 * The field of a trust-list error: the core names the command line's flag first
 * ("--name: …"); the form shows the message on its own field.
 */
export function trustProblem(message: string): {
  field: "trust-name" | "trust-key" | "trust-until" | null;
  message: string;
} {
  const fields: [string, "trust-name" | "trust-key" | "trust-until"][] = [
    ["--name: ", "trust-name"],
    ["PUBKEY: ", "trust-key"],
    ["--until: ", "trust-until"],
  ];
  for (const [prefix, field] of fields) {
    const at = message.toLowerCase().indexOf(prefix.toLowerCase());
    if (at === 0) {
      const rest = message.slice(prefix.length);
      return { field, message: rest.charAt(0).toUpperCase() + rest.slice(1) };
    }
  }
  return { field: null, message };
}

/** A new, empty own intervention: every fact unknown until the user fills it in. */
export function emptyRecord(today: string): Intervention {
  return {
    id: "",
    name: "",
    aliases: [],
    kind: "",
    summary: "",
    benefits: null,
    involves: null,
    time: null,
    time_class: "onbekend",
    cost: null,
    cost_class: "onbekend",
    privacy: null,
    developed_by: null,
    url: null,
    levels: [],
    steps: [],
    roles: [],
    themes: [],
    sectors: [],
    risk_groups: [],
    evidence: { level: "onbekend", basis: null, references: [], assessed_on: null, scheme: "onbekend" },
    sources: [{ document: "", section: "" }],
    last_reviewed: today,
  };
}

/** A suggested id from a name: lower-case letters and digits joined by hyphens. */
export function slugOf(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}

/**
 * The key line of a pasted minisign public key ("RW" and base64), wherever it stands: a
 * paste may lose its line breaks and run the comment line into it. Without one, the text
 * as it is (the core then names what is wrong).
 */
export function publicKeyLine(text: string): string {
  const found = /RW[A-Za-z0-9+/]{50,}={0,2}/.exec(text);
  return found ? found[0] : text;
}

/** The own-intervention form's fields, in the order it shows them (the error summary's
 * order), each with the record field the catalogue files call it. */
export const OWN_FIELDS = [
  ["own-name", "name"],
  ["own-id", "id"],
  ["own-aliases", "aliases"],
  ["own-kind", "kind"],
  ["own-summary", "summary"],
  ["own-levels", "levels"],
  ["own-steps", "steps"],
  ["own-roles", "roles"],
  ["own-themes", "themes"],
  ["own-sectors", "sectors"],
  ["own-risk_groups", "risk_groups"],
  ["own-benefits", "benefits"],
  ["own-involves", "involves"],
  ["own-time", "time"],
  ["own-time_class", "time_class"],
  ["own-cost", "cost"],
  ["own-cost_class", "cost_class"],
  ["own-privacy", "privacy"],
  ["own-developed_by", "developed_by"],
  ["own-url", "url"],
  ["own-evidence-level", "evidence.level"],
  ["own-evidence-scheme", "evidence.scheme"],
  ["own-evidence-basis", "evidence.basis"],
  ["own-evidence-references", "evidence.references"],
  ["own-evidence-assessed_on", "evidence.assessed_on"],
  ["own-evidence-valid_until", "evidence.valid_until"],
  ["own-sources-document", "sources.document"],
  ["own-sources-section", "sources.section"],
  ["own-sources-note", "sources.note"],
  ["own-last_reviewed", "last_reviewed"],
] as const;

export type OwnFieldId = (typeof OWN_FIELDS)[number][0];

/** What the own-intervention form holds, as typed: texts, and the ticked terms. */
export interface OwnValues {
  id: string;
  name: string;
  aliases: string;
  kind: string;
  summary: string;
  levels: string[];
  steps: string[];
  roles: string[];
  themes: string[];
  sectors: string[];
  risk_groups: string[];
  benefits: string;
  involves: string;
  time: string;
  time_class: string;
  cost: string;
  cost_class: string;
  privacy: string;
  developed_by: string;
  url: string;
  level: string;
  scheme: string;
  basis: string;
  references: string;
  assessed_on: string;
  document: string;
  section: string;
  note: string;
}

/** The form's values for a record (a new one is `emptyRecord`). */
export function ownValues(r: Intervention): OwnValues {
  const source = r.sources[0] ?? { document: "", section: "" };
  return {
    id: r.id,
    name: r.name,
    aliases: r.aliases.join("\n"),
    kind: r.kind,
    summary: r.summary,
    levels: [...r.levels],
    steps: [...r.steps],
    roles: [...r.roles],
    themes: [...r.themes],
    sectors: [...r.sectors],
    risk_groups: [...r.risk_groups],
    benefits: r.benefits ?? "",
    involves: r.involves ?? "",
    time: r.time ?? "",
    time_class: r.time_class,
    cost: r.cost ?? "",
    cost_class: r.cost_class,
    privacy: r.privacy ?? "",
    developed_by: (r.developed_by ?? []).join("\n"),
    url: r.url ?? "",
    level: r.evidence.level,
    scheme: r.evidence.scheme ?? "onbekend",
    basis: r.evidence.basis ?? "",
    references: r.evidence.references.join("\n"),
    assessed_on: showPartialDate(r.evidence.assessed_on),
    document: source.document,
    section: source.section,
    note: source.note ?? "",
  };
}

/** The record the form describes; `old` gives what the form does not show (its other
 * sources, how the evidence is recognised); the dates are read already. */
export function ownRecord(
  v: OwnValues,
  old: Intervention,
  dates: { assessed: string | null; valid: string | null; reviewed: string },
): Intervention {
  const developed = lines(v.developed_by);
  const note = known(v.note);
  return {
    id: v.id.trim(),
    name: v.name.trim(),
    aliases: lines(v.aliases),
    kind: v.kind,
    summary: v.summary.trim(),
    benefits: known(v.benefits),
    involves: known(v.involves),
    time: known(v.time),
    time_class: v.time_class,
    cost: known(v.cost),
    cost_class: v.cost_class,
    privacy: known(v.privacy),
    developed_by: developed.length ? developed : null,
    url: known(v.url),
    levels: v.levels,
    steps: v.steps,
    roles: v.roles,
    themes: v.themes,
    sectors: v.sectors,
    risk_groups: v.risk_groups,
    evidence: {
      level: v.level,
      basis: known(v.basis),
      references: lines(v.references),
      ...(old.evidence.recognition ? { recognition: old.evidence.recognition } : {}),
      assessed_on: dates.assessed,
      ...(dates.valid ? { valid_until: dates.valid } : {}),
      scheme: v.scheme,
    },
    sources: [{ document: v.document, section: v.section.trim(), ...(note ? { note } : {}) }, ...old.sources.slice(1)],
    last_reviewed: dates.reviewed,
  };
}

/** Whether an id is a slug: lower-case letters and digits in parts joined by single hyphens. */
export function isSlug(id: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id);
}

/**
 * What the form can tell before the core checks the record, in the form's own words and
 * order: the required fields (as the catalogue's validator requires them) and the web
 * address. `text` gives the messages in the interface's language.
 */
export function ownProblems(
  v: OwnValues,
  text: Record<
    | "name"
    | "id"
    | "slug"
    | "kind"
    | "summary"
    | "levels"
    | "steps"
    | "roles"
    | "themes"
    | "sectors"
    | "timeClass"
    | "url"
    | "references"
    | "document"
    | "section",
    string
  >,
): { id: OwnFieldId; message: string }[] {
  const out: { id: OwnFieldId; message: string }[] = [];
  const need = (ok: boolean, id: OwnFieldId, message: string) => {
    if (!ok) out.push({ id, message });
  };
  need(!!v.name.trim(), "own-name", text.name);
  need(!!v.id.trim(), "own-id", text.id);
  need(!v.id.trim() || isSlug(v.id.trim()), "own-id", text.slug);
  need(!!v.kind, "own-kind", text.kind);
  need(!!v.summary.trim(), "own-summary", text.summary);
  need(v.levels.length > 0, "own-levels", text.levels);
  need(v.steps.length > 0, "own-steps", text.steps);
  need(v.roles.length > 0, "own-roles", text.roles);
  need(v.themes.length > 0, "own-themes", text.themes);
  need(v.sectors.length > 0, "own-sectors", text.sectors);
  need(!!v.time.trim() || v.time_class === "onbekend", "own-time_class", text.timeClass);
  need(!v.url.trim() || /^https?:\/\//.test(v.url.trim()), "own-url", text.url);
  need(
    !["effectief", "onderbouwd"].includes(v.level) || lines(v.references).length > 0,
    "own-evidence-references",
    text.references,
  );
  need(!!v.document, "own-sources-document", text.document);
  need(!!v.section.trim(), "own-sources-section", text.section);
  return out;
}

/** A changed field of a pack's record (as the core names it) by the label the own form
 * gives it: `summary` → "Korte beschrijving". `labels` maps form field ids to labels. */
export function fieldLabel(field: string, labels: Partial<Record<OwnFieldId, string>>): string {
  const plain = field.replace(/\[\d+\]/g, "");
  const found = OWN_FIELDS.find(([, name]) => name === plain || (plain === "sources" && name === "sources.document"));
  return (found && labels[found[0]]) || field;
}
