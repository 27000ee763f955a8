import { describe, expect, it } from "vitest";
import {
  emptyRecord,
  fieldLabel,
  isSlug,
  ownProblems,
  ownValues,
  known,
  lines,
  partialDate,
  problemFieldId,
  publicKeyLine,
  showPartialDate,
  slugOf,
  trustProblem,
} from "./catalogue-logic";

describe("the own-intervention form's helpers", () => {
  it("puts each validator problem on the field it names", () => {
    expect(problemFieldId("name")).toBe("own-name");
    expect(problemFieldId("evidence.level")).toBe("own-evidence-level");
    expect(problemFieldId("evidence.assessed_on")).toBe("own-evidence-assessed_on");
    expect(problemFieldId("aliases[2]")).toBe("own-aliases");
    expect(problemFieldId("sources[0].section")).toBe("own-sources-section");
    expect(problemFieldId("sources")).toBe("own-sources-document");
    expect(problemFieldId("levels")).toBe("own-levels");
  });

  it("reads lists one a line and an empty fact as unknown", () => {
    expect(lines(" a \n\n b\r\nc ")).toEqual(["a", "b", "c"]);
    expect(known("   ")).toBeNull();
    expect(known(" twee uur ")).toBe("twee uur");
  });

  it("takes a judgement date as precise as the source, never a guess", () => {
    expect(partialDate("")).toBeNull();
    expect(partialDate("2021")).toBe("2021");
    expect(partialDate("3-2021")).toBe("2021-03");
    expect(partialDate("15-03-2021")).toBe("2021-03-15");
    expect(partialDate("13-2021")).toBeUndefined();
    expect(partialDate("31-02-2021")).toBeUndefined();
    expect(partialDate("21")).toBeUndefined();
    expect(showPartialDate("2021-03")).toBe("03-2021");
    expect(showPartialDate("2021-03-15")).toBe("15-03-2021");
    expect(showPartialDate("2021")).toBe("2021");
  });

  it("names the trust form's field from the core's message", () => {
    expect(trustProblem("--name: geef de uitgever een naam")).toEqual({
      field: "trust-name",
      message: "Geef de uitgever een naam",
    });
    expect(trustProblem("PUBKEY: dit is geen openbare minisign-sleutel")).toEqual({
      field: "trust-key",
      message: "Dit is geen openbare minisign-sleutel",
    });
    expect(trustProblem("--until: 2020-01-01 ligt voor vandaag").field).toBe("trust-until");
    expect(trustProblem("De database gaf een fout").field).toBeNull();
  });

  it("suggests a slug from a name and starts a record with every fact unknown", () => {
    expect(slugOf("Café-overleg: Werkdruk & Rust!")).toBe("cafe-overleg-werkdruk-rust");
    const r = emptyRecord("2026-11-26");
    expect(r.benefits).toBeNull();
    expect(r.evidence.level).toBe("onbekend");
    expect(r.last_reviewed).toBe("2026-11-26");
  });

  it("finds the key line in a pasted public key, even when the line break was lost", () => {
    const key = "RWSEaO65Z6Xa+s1M8v1EPNj6tDj8LXiTozDp+tULSHKKmcFGQ8yFaXWu";
    expect(publicKeyLine(`untrusted comment: minisign public key FADAA567B9EE6884\n${key}\n`)).toBe(key);
    expect(publicKeyLine(`untrusted comment: minisign public key FADAA567B9EE6884 (Keuzehulp)${key}`)).toBe(key);
    expect(publicKeyLine("geen sleutel")).toBe("geen sleutel");
  });
});

describe("the own-intervention form's own checks", () => {
  const text = Object.fromEntries(
    [
      "name",
      "id",
      "slug",
      "kind",
      "summary",
      "levels",
      "steps",
      "roles",
      "themes",
      "sectors",
      "timeClass",
      "url",
      "references",
      "document",
      "section",
    ].map((k) => [k, k]),
  ) as Parameters<typeof ownProblems>[1];

  it("requires what the catalogue's validator requires, in the form's order", () => {
    const v = ownValues(emptyRecord("2026-12-01"));
    expect(ownProblems(v, text).map((p) => p.id)).toEqual([
      "own-name",
      "own-id",
      "own-kind",
      "own-summary",
      "own-levels",
      "own-steps",
      "own-roles",
      "own-themes",
      "own-sectors",
      "own-sources-document",
      "own-sources-section",
    ]);
    const full = {
      ...v,
      name: "X",
      id: "x-1",
      kind: "methode",
      summary: "S",
      levels: ["team"],
      steps: ["A"],
      roles: ["werkgever"],
      themes: ["werkdruk"],
      sectors: ["zorg"],
      document: "leidraad",
      section: "p. 3",
    };
    expect(ownProblems(full, text)).toEqual([]);
    expect(ownProblems({ ...full, id: "X_1" }, text).map((p) => p.message)).toEqual(["slug"]);
    expect(ownProblems({ ...full, url: "www.x.nl" }, text).map((p) => p.message)).toEqual(["url"]);
    expect(ownProblems({ ...full, time_class: "kort" }, text).map((p) => p.message)).toEqual(["timeClass"]);
    expect(ownProblems({ ...full, level: "effectief" }, text).map((p) => p.message)).toEqual(["references"]);
    expect(isSlug("a-b-1")).toBe(true);
    expect(isSlug("a--b")).toBe(false);
  });

  it("names a pack's changed fields by the form's labels", () => {
    const labels = {
      "own-summary": "Korte beschrijving",
      "own-evidence-level": "Bewijsniveau",
      "own-sources-document": "Document",
    };
    expect(fieldLabel("summary", labels)).toBe("Korte beschrijving");
    expect(fieldLabel("evidence.level", labels)).toBe("Bewijsniveau");
    expect(fieldLabel("sources", labels)).toBe("Document");
    expect(fieldLabel("iets.nieuws", labels)).toBe("iets.nieuws");
  });
});
