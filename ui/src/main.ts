import { tauriApi } from "./api";
import { start } from "./app";

const headerEl = document.getElementById("top");
const main = document.getElementById("main");
if (headerEl && main) void start(tauriApi, headerEl, main);
