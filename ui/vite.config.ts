import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vitest/config";

// The built files are embedded into the desktop binary (src-tauri, frontendDist = ../ui/dist).
export default defineConfig({
  clearScreen: false,
  plugins: [svelte()],
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", assetsInlineLimit: 0 },
  // Vitest mounts the components in happy-dom: Svelte's browser build, not its server one.
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
  test: { environment: "happy-dom", globals: true, include: ["src/**/*.test.ts"] },
});
