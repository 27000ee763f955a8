import { mount } from "svelte";
import { tauriApi } from "./api";
import App from "./App.svelte";

// The page's start-up marks, read by tests/e2e/measure.mjs: the script runs (here), the core
// answered (App), the first screen is shown (Start).
performance.mark("kh-script");

document.body.replaceChildren();
mount(App, { target: document.body, props: { api: tauriApi } });
