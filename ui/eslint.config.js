// The linter, run by the test command (`npm run lint`). Besides the recommended rules of
// JavaScript, TypeScript and Svelte it holds the front end's own rules: text is never HTML,
// only `src/api.ts` calls the core, and no function grows past 60 lines.
import js from "@eslint/js";
import svelte from "eslint-plugin-svelte";
import globals from "globals";
import ts from "typescript-eslint";
import svelteConfig from "./svelte.config.js";

/** Ways to turn a string into markup; none may appear in our code. */
const html = [
  {
    selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]",
    message: "Text is never HTML: set text (Svelte's {…}, textContent).",
  },
  {
    selector:
      "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|write|writeln|setHTMLUnsafe)$/]",
    message: "Text is never HTML.",
  },
  {
    selector: "CallExpression[callee.name='parseHTMLUnsafe'], NewExpression[callee.name='DOMParser']",
    message: "Text is never HTML.",
  },
];

export default ts.config(
  { ignores: ["dist/", "node_modules/", "src/generated/"] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["**/*.svelte", "**/*.svelte.ts"],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: [".svelte"], svelteConfig } },
  },
  {
    rules: {
      "svelte/no-at-html-tags": "error",
      "no-restricted-syntax": ["error", ...html],
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@tauri-apps/api/core", message: "Only src/api.ts talks to the core." }] },
      ],
      "max-lines-per-function": ["error", { max: 60 }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  { files: ["src/api.ts"], rules: { "no-restricted-imports": "off" } },
  // Test files describe a screen per `describe` block; the 60-line rule is for the program.
  { files: ["src/**/*.test.ts", "src/test/**"], rules: { "max-lines-per-function": "off" } },
  { files: ["*.config.js", "*.config.ts"], languageOptions: { globals: { ...globals.node } } },
);
