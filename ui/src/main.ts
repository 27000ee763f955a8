import { tauriApi } from "./api";
import { showStart } from "./start";

const root = document.getElementById("main");
if (root) void showStart(root, tauriApi);
