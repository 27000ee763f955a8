// What a task of the dossier page shares with the page: the dossier as last read, the names
// of its interventions, the page's problems and its "saved" banner.
import type { Dossier, VisitInfo } from "../../api";
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
  /** The visit's facts as just sent to the core: the heading, the header and what the
   * questions start from (the sector) follow at once. */
  visited(info: VisitInfo): void;
}
