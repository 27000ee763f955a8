// Text is never HTML: a check over the front end's own source, beside the linter's rules
// (which an eslint-disable comment could silence). Svelte sets `{…}` as text; `{@html}`,
// innerHTML and their relatives would parse a string as markup.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : sources(path);
    return /\.(svelte|ts)$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("text is never HTML", () => {
  it("no source of the front end turns a string into markup or calls the core but api.ts", () => {
    const files = sources("src");
    expect(files.length).toBeGreaterThan(40);
    const found: string[] = [];
    const markup =
      /\{@html|\.innerHTML|\.outerHTML|insertAdjacentHTML|createContextualFragment|document\.write|setHTMLUnsafe|DOMParser/;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      if (markup.test(text)) found.push(`${file}: markup from a string`);
      if (/@tauri-apps\/api\/core/.test(text) && !file.endsWith("api.ts")) found.push(`${file}: calls the core itself`);
    }
    expect(found).toEqual([]);
  });
});
