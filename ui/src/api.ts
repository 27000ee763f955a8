// The only file that talks to the core (through Tauri's `invoke`). Views get an `Api`
// object, so tests can hand them a fake one.
import { invoke } from "@tauri-apps/api/core";

export interface MatrixCell { step: string; count: number }
export interface MatrixRow { level: string; cells: MatrixCell[] }
export interface CatalogueSummary { count: number; version: string; matrix: MatrixRow[] }

/** An error from the core: a stable code and a Dutch message. */
export interface ApiError { code: string; message: string }

export interface Api {
  catalogueSummary(): Promise<CatalogueSummary>;
}

export const tauriApi: Api = {
  catalogueSummary: () => invoke<CatalogueSummary>("catalogue_summary"),
};

/** Turns whatever a failed call threw into an ApiError. */
export function toApiError(err: unknown): ApiError {
  if (err && typeof err === "object" && "message" in err) {
    const e = err as { code?: unknown; message: unknown };
    return { code: typeof e.code === "string" ? e.code : "onbekend", message: String(e.message) };
  }
  return { code: "onbekend", message: String(err) };
}
