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
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
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
export function trustProblem(message: string): { field: "trust-name" | "trust-key" | "trust-until" | null; message: string } {
  const fields: [string, "trust-name" | "trust-key" | "trust-until"][] = [["--name: ", "trust-name"], ["PUBKEY: ", "trust-key"], ["--until: ", "trust-until"]];
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
    id: "", name: "", aliases: [], kind: "", summary: "",
    benefits: null, involves: null, time: null, time_class: "onbekend", cost: null, cost_class: "onbekend",
    privacy: null, developed_by: null, url: null,
    levels: [], steps: [], roles: [], themes: [], sectors: [], risk_groups: [],
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
