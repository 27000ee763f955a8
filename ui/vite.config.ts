import { defineConfig } from "vitest/config";

// The built files are embedded into the desktop binary (src-tauri, frontendDist = ../ui/dist).
export default defineConfig({
  clearScreen: false,
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", assetsInlineLimit: 0 },
  test: { environment: "happy-dom", globals: true },
});
