// The own-intervention form's labels by field id: the words a pack's diff and the form's
// error summary use for a record's fields.
import type { OwnFieldId } from "../../catalogue-logic";
import { t } from "../../i18n";

export function ownLabels(): Record<OwnFieldId, string> {
  const s = t();
  return {
    "own-name": s.ownName,
    "own-id": s.ownId,
    "own-aliases": s.ownAliases,
    "own-kind": s.ownKind,
    "own-summary": s.ownSummary,
    "own-levels": s.ownLevels,
    "own-steps": s.ownSteps,
    "own-roles": s.ownRoles,
    "own-themes": s.ownThemes,
    "own-sectors": s.ownSectors,
    "own-risk_groups": s.ownRiskGroups,
    "own-benefits": s.ownBenefits,
    "own-involves": s.ownInvolves,
    "own-time": s.ownTime,
    "own-time_class": s.ownTimeClass,
    "own-cost": s.ownCost,
    "own-cost_class": s.ownCostClass,
    "own-privacy": s.ownPrivacy,
    "own-developed_by": s.ownDevelopedBy,
    "own-url": s.ownUrl,
    "own-evidence-level": s.ownEvidenceLevel,
    "own-evidence-scheme": s.ownEvidenceScheme,
    "own-evidence-basis": s.ownEvidenceBasis,
    "own-evidence-references": s.ownEvidenceReferences,
    "own-evidence-assessed_on": s.ownAssessedOn,
    "own-evidence-valid_until": s.ownValidUntil,
    "own-sources-document": s.ownSourceDocument,
    "own-sources-section": s.ownSourceSection,
    "own-sources-note": s.ownSourceNote,
    "own-last_reviewed": s.ownLastReviewed,
  };
}
