// What a task of the dossier page shares with the page: the dossier as last read, the names
// of its interventions, the page's problems and its "saved" banner.
import type { Dossier } from "../../api";
import type { FormErrors, SaveStatus } from "../../form.svelte";

export interface DossierPage {
  readonly d: Dossier;
  readonly names: Record<string, string>;
  readonly errors: FormErrors;
  readonly status: SaveStatus;
  /** Moves the focus to the page's error summary. */
  focusSummary(): Promise<void> | undefined;
  /** Reads the dossier again after a change. */
  refresh(): Promise<void>;
  /** The organisation's name changed: the heading and the header follow. */
  renamed(org: string): void;
}
