import { mount } from "svelte";
import { tauriApi } from "./api";
import App from "./App.svelte";

document.body.replaceChildren();
mount(App, { target: document.body, props: { api: tauriApi } });
