import { describe, expect, it } from "vitest";
import {
  emptyRecord,
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
