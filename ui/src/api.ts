// The only file that talks to the core (through Tauri's `invoke`). Views get an `Api`
// object, so tests can hand them a fake one.
import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import { errorText } from "./i18n";
// Generated from the Rust types (src/ui_types.rs); the rest below is still written by hand.
import type { Advice } from "./generated/Advice";
import type { Answers } from "./generated/Answers";
import type { Backup } from "./generated/Backup";
import type { BackupKind } from "./generated/BackupKind";
import type { CatalogueSummary } from "./generated/CatalogueSummary";
import type { Coverage } from "./generated/Coverage";
import type { CoverageCell } from "./generated/CoverageCell";
import type { ImportOutcome } from "./generated/ImportOutcome";
import type { ImportResult } from "./generated/ImportResult";
import type { PlanFormat } from "./generated/PlanFormat";
import type { ReportFormat } from "./generated/ReportFormat";
import type { Dossier } from "./generated/Dossier";
import type { DossierSummary } from "./generated/DossierSummary";
import type { Entry } from "./generated/Entry";
import type { Erasure } from "./generated/Erasure";
import type { ErrorCode } from "./generated/ErrorCode";
import type { Filters } from "./generated/Filters";
import type { Hit } from "./generated/Hit";
import type { Lead } from "./generated/Lead";
import type { LeadSource } from "./generated/LeadSource";
import type { MatrixCell } from "./generated/MatrixCell";
import type { MatrixRow } from "./generated/MatrixRow";
import type { Note } from "./generated/Note";
import type { PlanChange } from "./generated/PlanChange";
import type { PlanItem } from "./generated/PlanItem";
import type { PlanStatus } from "./generated/PlanStatus";
import type { QuestionKind } from "./generated/QuestionKind";
import type { RecordOrigin } from "./generated/RecordOrigin";
import type { OriginKind } from "./generated/OriginKind";
import type { Recommendation } from "./generated/Recommendation";
import type { SearchResult } from "./generated/SearchResult";
import type { ShortlistItem } from "./generated/ShortlistItem";
import type { StepAdvice } from "./generated/StepAdvice";
import type { Taxonomy } from "./generated/Taxonomy";
import type { Term } from "./generated/Term";
import type { Trashed } from "./generated/Trashed";
import type { Via } from "./generated/Via";
import type { VisitInfo } from "./generated/VisitInfo";
import type { AddedRecord } from "./generated/AddedRecord";
import type { ChangedRecord } from "./generated/ChangedRecord";
import type { ImportDiff } from "./generated/ImportDiff";
import type { PackPreview } from "./generated/PackPreview";
import type { PackUpdate } from "./generated/PackUpdate";
import type { Refusal } from "./generated/Refusal";
import type { RefusalCode } from "./generated/RefusalCode";
import type { Removed } from "./generated/Removed";

import type { ComparedTheme } from "./generated/ComparedTheme";
import type { Comparison } from "./generated/Comparison";
import type { Conversation } from "./generated/Conversation";
import type { Conversations } from "./generated/Conversations";
import type { Guide } from "./generated/Guide";
import type { GuideQuestion } from "./generated/GuideQuestion";
import type { GuideTheme } from "./generated/GuideTheme";
import type { MeasuredValue } from "./generated/MeasuredValue";
import type { Measurement } from "./generated/Measurement";
import type { MeasurementKind } from "./generated/MeasurementKind";
import type { NoteView } from "./generated/NoteView";
import type { QuestionInput } from "./generated/QuestionInput";
import type { QuestionNote } from "./generated/QuestionNote";
import type { RatedTheme } from "./generated/RatedTheme";
import type { Reference } from "./generated/Reference";
import type { Scale } from "./generated/Scale";
import type { SheetFormat } from "./generated/SheetFormat";
import type { Signal } from "./generated/Signal";
import type { Source } from "./generated/Source";
import type { TalkInput } from "./generated/TalkInput";
import type { TalkNote } from "./generated/TalkNote";
import type { TalkOutcome } from "./generated/TalkOutcome";
import type { TalkSummary } from "./generated/TalkSummary";
import type { TalkView } from "./generated/TalkView";
import type { ThemeAnswer } from "./generated/ThemeAnswer";
import type { ThemeInput } from "./generated/ThemeInput";
// The evaluation loop (issue 29).
import type { CarriedFrom } from "./generated/CarriedFrom";
import type { CarriedOut } from "./generated/CarriedOut";
import type { Change } from "./generated/Change";
import type { Cutoff } from "./generated/Cutoff";
import type { Direction } from "./generated/Direction";
import type { EvaluateOutcome } from "./generated/EvaluateOutcome";
import type { Evaluation } from "./generated/Evaluation";
import type { EvaluationDraft } from "./generated/EvaluationDraft";
import type { EvaluationInput } from "./generated/EvaluationInput";
import type { FollowUp } from "./generated/FollowUp";
import type { Indicator } from "./generated/Indicator";
import type { IndicatorInput } from "./generated/IndicatorInput";
import type { IndicatorValue } from "./generated/IndicatorValue";
import type { Instrument } from "./generated/Instrument";
import type { InstrumentScale } from "./generated/InstrumentScale";
import type { InstrumentSource } from "./generated/InstrumentSource";
import type { InstrumentView } from "./generated/InstrumentView";
import type { ItemText } from "./generated/ItemText";
import type { Mark } from "./generated/Mark";
import type { MarkedItem } from "./generated/MarkedItem";
import type { MarkedMeasurement } from "./generated/MarkedMeasurement";
import type { MeasureInput } from "./generated/MeasureInput";
import type { MeasureOutcome } from "./generated/MeasureOutcome";
import type { NewAdvice } from "./generated/NewAdvice";
import type { Period } from "./generated/Period";
import type { Point } from "./generated/Point";
import type { Practice } from "./generated/Practice";
import type { PracticeCount } from "./generated/PracticeCount";
import type { Proposal } from "./generated/Proposal";
import type { ResponseScale } from "./generated/ResponseScale";
import type { ScoredRows } from "./generated/ScoredRows";
import type { Scoring } from "./generated/Scoring";
import type { ShareExport } from "./generated/ShareExport";
import type { ShareImported } from "./generated/ShareImported";
import type { TrajectView } from "./generated/TrajectView";
import type { Verdict } from "./generated/Verdict";
import type { Verdicts } from "./generated/Verdicts";
import type { Visit } from "./generated/Visit";
import type { Credit } from "./generated/Credit";
import type { Day } from "./generated/Day";

export type {
  Credit,
  Day,
  Advice,
  Answers,
  Backup,
  BackupKind,
  CatalogueSummary,
  Coverage,
  CoverageCell,
  Filters,
  Hit,
  Recommendation,
  SearchResult,
  StepAdvice,
  Via,
  Dossier,
  DossierSummary,
  Entry,
  Erasure,
  ErrorCode,
  ImportOutcome,
  ImportResult,
  Lead,
  LeadSource,
  MatrixCell,
  MatrixRow,
  Note,
  PlanChange,
  PlanFormat,
  PlanItem,
  OriginKind,
  PlanStatus,
  QuestionKind,
  RecordOrigin,
  ReportFormat,
  ShortlistItem,
  Taxonomy,
  Term,
  Trashed,
  VisitInfo,
  ComparedTheme,
  Comparison,
  Conversation,
  Conversations,
  Guide,
  GuideQuestion,
  GuideTheme,
  MeasuredValue,
  Measurement,
  MeasurementKind,
  NoteView,
  QuestionInput,
  QuestionNote,
  RatedTheme,
  Reference,
  Scale,
  SheetFormat,
  Signal,
  Source,
  TalkInput,
  TalkNote,
  TalkOutcome,
  TalkSummary,
  TalkView,
  ThemeAnswer,
  ThemeInput,
  AddedRecord,
  ChangedRecord,
  ImportDiff,
  PackPreview,
  PackUpdate,
  Refusal,
  RefusalCode,
  Removed,
  CarriedFrom,
  CarriedOut,
  Change,
  Cutoff,
  Direction,
  EvaluateOutcome,
  Evaluation,
  EvaluationDraft,
  EvaluationInput,
  FollowUp,
  Indicator,
  IndicatorInput,
  IndicatorValue,
  Instrument,
  InstrumentScale,
  InstrumentSource,
  InstrumentView,
  ItemText,
  Mark,
  MarkedItem,
  MarkedMeasurement,
  MeasureInput,
  MeasureOutcome,
  NewAdvice,
  Period,
  Point,
  Practice,
  PracticeCount,
  Proposal,
  ResponseScale,
  ScoredRows,
  Scoring,
  ShareExport,
  ShareImported,
  TrajectView,
  Verdict,
  Verdicts,
  Visit,
};

export interface Intervention {
  id: string;
  name: string;
  aliases: string[];
  kind: string;
  summary: string;
  benefits: string | null;
  involves: string | null;
  time: string | null;
  time_class: string;
  cost: string | null;
  cost_class: string;
  privacy: string | null;
  developed_by: string[] | null;
  url: string | null;
  levels: string[];
  steps: string[];
  roles: string[];
  themes: string[];
  sectors: string[];
  risk_groups: string[];
  evidence: {
    level: string;
    basis: string | null;
    references: string[];
    recognition?: string;
    assessed_on?: string | null;
    valid_until?: string;
    scheme?: string;
    // Added by `show`: whether the judgement has lapsed today, and why.
    lapsed?: boolean;
    lapsed_because?: string | null;
  };
  sources: { document: string; section: string; note?: string }[];
  last_reviewed: string;
  // Added by `show`: where the record came from.
  origin?: RecordOrigin;
}

export interface TreeOption {
  value: string;
  label: string;
  label_en: string;
}
export interface Question {
  id: string;
  prompt: string;
  prompt_en: string;
  help: string;
  help_en: string;
  kind: QuestionKind;
  answer: keyof Answers;
  skippable: boolean;
  refinement: boolean;
  options: TreeOption[];
}
export interface Tree {
  entries: Entry[];
  questions: Question[];
  worker: Lead[];
}

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  publisher: string | null;
}
export interface TrustedKey {
  name: string;
  key_id: string;
  public_key: string;
  added_at: string;
  valid_until: string | null;
}
export interface RevokedKey {
  name: string;
  key_id: string;
  revoked_at: string;
}
export interface TrustList {
  trusted: TrustedKey[];
  revoked: RevokedKey[];
}
/** A problem with one field of an own intervention, named as the catalogue files name it. */
export interface FieldProblem {
  field: string;
  /** In Dutch. */
  message: string;
  /** The same in English (the English interface). */
  message_en: string;
}
export interface OwnSaved {
  id: string | null;
  problems: FieldProblem[];
}

/** An error from the core: a stable code and a Dutch message. */

/** An error from the core; "onbekend" when what was thrown carried no code. `message` is
 * for people in the interface's language; `detail` is the core's own words (Dutch, naming the
 * file, field or value), which the screens that place a problem on its field read. */
export interface ApiError {
  code: ErrorCode | "onbekend";
  message: string;
  detail: string;
}

export interface Api {
  catalogueSummary(): Promise<CatalogueSummary>;
  taxonomy(): Promise<Taxonomy>;
  tree(): Promise<Tree>;
  search(query: string, filters: Filters, limit: number): Promise<SearchResult>;
  intervention(id: string): Promise<Intervention>;
  advise(answers: Answers, limit: number): Promise<Advice>;
  dossiers(filter?: string): Promise<DossierSummary[]>;
  dossier(id: string): Promise<Dossier>;
  dossierNew(info: VisitInfo): Promise<string>;
  dossierUpdate(id: string, info: VisitInfo): Promise<void>;
  dossierAnswer(id: string, answers: Answers): Promise<void>;
  dossierShortlist(id: string, intervention: string, why?: string): Promise<void>;
  dossierUnshortlist(id: string, intervention: string): Promise<void>;
  dossierNote(id: string, text: string): Promise<Note>;
  dossierPlan(id: string, change: PlanChange): Promise<PlanItem>;
  dossierDuplicate(id: string): Promise<string>;
  /** Moves a dossier to the trash. */
  dossierDelete(id: string): Promise<void>;
  dossierTrash(): Promise<Trashed[]>;
  dossierUndelete(id: string): Promise<void>;
  /** Erases a dossier for good, from the backups too; with `removeDamaged` (the user agreed)
   * a damaged copy of the database that cannot be rewritten is removed. */
  dossierErase(id: string, removeDamaged?: boolean): Promise<Erasure>;
  /** Asks where to save; null when the user cancelled. From an encrypted store the file is
   * encrypted with the same passphrase, unless `inTheClear`. A conversation's confidential
   * notes go along only `withConfidential` (ticked by the professional). */
  dossierExport(id: string, inTheClear?: boolean, withConfidential?: boolean): Promise<string | null>;
  /** Asks which file to import; null when the user cancelled. An encrypted file takes the
   * store's passphrase, or `passphrase`. */
  dossierImport(passphrase?: string): Promise<ImportOutcome | null>;
  /** Asks where to save the report, writes it with the notes numbered in `notes` (and the
   * confidential conversation notes numbered in `talkNotes`), and opens it; null when
   * cancelled. */
  reportSave(id: string, format: ReportFormat, notes?: number[], talkNotes?: number[]): Promise<string | null>;
  /** Asks where to save the action plan (xlsx, csv, or the evaluation dates as ics), writes
   * it and opens it; null when cancelled. */
  planExport(id: string, format: PlanFormat): Promise<string | null>;
  /** The conversation guides (team, team leader, worker) and the references they cite. */
  conversationGuides(): Promise<Conversations>;
  /** Stores a conversation's answers, all or nothing (`invalid_answers` names every field);
   * the themes rated 1 or 2 become the dossier's answers. */
  dossierTalk(id: string, answers: TalkInput): Promise<TalkOutcome>;
  /** Takes a conversation out of a dossier; answers the dossier's answers. */
  dossierUntalk(id: string, conversation: number): Promise<Answers>;
  /** A dossier's conversations: ratings for the chart, notes, leader vs team, low themes. */
  talkSummary(id: string): Promise<TalkSummary>;
  /** Asks where to save a guide's printable A4 sheet, writes it and opens it; null when cancelled. */
  conversationSheetSave(guide: string, format: SheetFormat): Promise<string | null>;
  backups(): Promise<Backup[]>;
  backupCreate(): Promise<Backup>;
  /** Restores the backup with this file name (from `backups`). */
  backupRestore(file: string): Promise<Backup>;
  /** Opens an encrypted store. */
  unlock(passphrase: string): Promise<void>;
  encryptionStatus(): Promise<boolean>;
  /** Turns encryption on (a passphrase) or off (null); answers whether it is on now. Damaged
   * copies that cannot be encrypted refuse it (`damaged_copies`) unless `removeDamaged`. */
  encryptionSet(passphrase: string | null, removeDamaged?: boolean): Promise<boolean>;
  /** Asks which pack to import and checks it; null when cancelled. Nothing is imported. */
  packPreview(): Promise<PackPreview | null>;
  /** Imports the pack last looked at with `packPreview`, only when it still holds the bytes
   * shown (`digest` from the preview; else `pack_changed`). */
  packImport(digest: string): Promise<ImportReport>;
  /** Removes an imported record; the bundled one with that id (if any) returns. */
  catalogueRemove(id: string): Promise<Removed>;
  trustList(): Promise<TrustList>;
  /** Trusts a public key as publisher `name`, until the day `until` when given. */
  trustAdd(key: string, name: string, until: Day | null): Promise<TrustedKey>;
  trustRemove(name: string): Promise<void>;
  /** The packs of a folder or web address: what each would change; with `apply`, imported. */
  updateFrom(from: string, apply: boolean): Promise<PackUpdate[]>;
  ownRecords(): Promise<Intervention[]>;
  /** Adds (`isNew`) or changes an own intervention; problems per field, nothing saved then. */
  ownSave(record: Intervention, isNew: boolean): Promise<OwnSaved>;
  /** Asks where to save the own interventions as a pack; the number saved, or null. */
  ownExport(): Promise<number | null>;
  /** Opens a web address in the system's browser (http and https only). */
  openUrl(url: string): Promise<void>;
  // The evaluation loop. From the start screen: `dossiers` (overdue items) →
  // `evaluationDraft` (item, proposal so far, before/after) → `dossierEvaluate` (verdict) →
  // `evaluationAdvice` ("Nieuw advies voor wat nog speelt"); `beforeAfter` for the chart.
  /** The instrument definitions (scales, response scale, cut-offs; item texts only where licensed). */
  instruments(): Promise<InstrumentView[]>;
  /** A team's aggregate on one scale; `too_few_respondents` under 10, a warning under 30% response. */
  dossierMeasure(id: string, input: MeasureInput): Promise<MeasureOutcome>;
  /** Asks for a file of answers (CSV), scores it in memory and keeps only the aggregate; null when cancelled. */
  dossierMeasureFile(id: string, instrument: string, invited?: number, date?: Day): Promise<MeasureOutcome | null>;
  /** Takes a measurement (not a conversation's) out of a dossier. */
  dossierUnmeasure(id: string, measurement: number): Promise<void>;
  /** "Vervolgbezoek": the next visit, with the open items and the newest measurements carried over. */
  dossierFollowUp(id: string, date?: Day): Promise<FollowUp>;
  /** The dossier's traject: visits, items and measurements marked new, carried over or closed. */
  traject(id: string): Promise<TrajectView>;
  /** Per theme or scale, the baseline and the re-measurement with n (for the chart and its table). */
  beforeAfter(id: string): Promise<Change[]>;
  /** The proposal for the answers so far (verdict and reason are not looked at); stores nothing. */
  evaluationDraft(id: string, input: EvaluationInput): Promise<EvaluationDraft>;
  /** Stores the evaluation with the professional's verdict (`invalid_evaluation` names every field). */
  dossierEvaluate(id: string, input: EvaluationInput): Promise<EvaluateOutcome>;
  /** "Nieuw advies voor wat nog speelt": the advice for the themes that did not improve. */
  evaluationAdvice(id: string, limit: number): Promise<NewAdvice>;
  /** The practice counts beside the evidence label, of one intervention or all. */
  practice(id?: string): Promise<Practice[]>;
  /** Asks (a key when `sign`, then) where to save the anonymised outcome records since `since`; null when cancelled. */
  shareExport(since: Day, sign: boolean): Promise<ShareExport | null>;
  /** Reads colleagues' signed outcome packs from a folder or web address. */
  shareImport(from: string): Promise<ShareImported[]>;
  /** Asks which colleague's pack to read (the shell's dialog), and reads it; null when cancelled. */
  shareImportFile(): Promise<ShareImported[] | null>;
}

/**
 * Commands that read or change the store run one after another, in the order the views
 * sent them: the core runs them off the window's thread (so the window keeps drawing while
 * one waits for the store), where two quick saves sent without waiting could otherwise
 * overtake each other. The commands that wait for a person or the network (a save or open
 * dialog, a catalogue update) keep running beside them, as before.
 */
export function inOrder(send: <T>(cmd: string, args?: InvokeArgs) => Promise<T>) {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(cmd: string, args?: InvokeArgs): Promise<T> => {
    const next = last.then(
      () => send<T>(cmd, args),
      () => send<T>(cmd, args),
    );
    last = next.catch(() => undefined);
    return next;
  };
}

const call = inOrder(invoke);

export const tauriApi: Api = {
  catalogueSummary: () => call<CatalogueSummary>("catalogue_summary"),
  taxonomy: () => call<Taxonomy>("taxonomy"),
  tree: () => call<Tree>("tree"),
  search: (query, filters, limit) => call<SearchResult>("search", { query, filters, limit }),
  intervention: (id) => call<Intervention>("intervention", { id }),
  advise: (answers, limit) => call<Advice>("advise", { answers, limit }),
  dossiers: (filter) => call<DossierSummary[]>("dossiers", { filter: filter ?? null }),
  dossier: (id) => call<Dossier>("dossier", { id }),
  dossierNew: (info) => call<string>("dossier_new", { info }),
  dossierUpdate: (id, info) => call<void>("dossier_update", { id, info }),
  dossierAnswer: (id, answers) => call<void>("dossier_answer", { id, answers }),
  dossierShortlist: (id, intervention, why) => call<void>("dossier_shortlist", { id, intervention, why: why ?? null }),
  dossierUnshortlist: (id, intervention) => call<void>("dossier_unshortlist", { id, intervention }),
  dossierNote: (id, text) => call<Note>("dossier_note", { id, text }),
  dossierPlan: (id, change) => call<PlanItem>("dossier_plan", { id, change }),
  dossierDuplicate: (id) => call<string>("dossier_duplicate", { id }),
  dossierDelete: (id) => call<void>("dossier_delete", { id }),
  dossierTrash: () => call<Trashed[]>("dossier_trash"),
  dossierUndelete: (id) => call<void>("dossier_undelete", { id }),
  dossierErase: (id, removeDamaged) => call<Erasure>("dossier_erase", { id, removeDamaged: removeDamaged ?? false }),
  dossierExport: (id, inTheClear, withConfidential) =>
    invoke<string | null>("dossier_export", {
      id,
      inTheClear: inTheClear ?? false,
      withConfidential: withConfidential ?? false,
    }),
  dossierImport: (passphrase) => invoke<ImportOutcome | null>("dossier_import", { passphrase: passphrase ?? null }),
  reportSave: (id, format, notes, talkNotes) =>
    invoke<string | null>("report_save", { id, format, notes: notes ?? [], talkNotes: talkNotes ?? [] }),
  planExport: (id, format) => invoke<string | null>("plan_export", { id, format }),
  conversationGuides: () => call<Conversations>("conversation_guides"),
  dossierTalk: (id, answers) => call<TalkOutcome>("dossier_talk", { id, answers }),
  dossierUntalk: (id, conversation) => call<Answers>("dossier_untalk", { id, conversation }),
  talkSummary: (id) => call<TalkSummary>("talk_summary", { id }),
  conversationSheetSave: (guide, format) => invoke<string | null>("conversation_sheet_save", { guide, format }),
  backups: () => call<Backup[]>("backups"),
  backupCreate: () => call<Backup>("backup_create"),
  backupRestore: (file) => call<Backup>("backup_restore", { file }),
  unlock: (passphrase) => call<void>("unlock", { passphrase }),
  encryptionStatus: () => call<boolean>("encryption_status"),
  encryptionSet: (passphrase, removeDamaged) =>
    call<boolean>("encryption_set", { passphrase, removeDamaged: removeDamaged ?? false }),
  packPreview: () => invoke<PackPreview | null>("pack_preview"),
  packImport: (digest) => call<ImportReport>("pack_import", { digest }),
  catalogueRemove: (id) => call<Removed>("catalogue_remove", { id }),
  trustList: () => call<TrustList>("trust_list"),
  trustAdd: (key, name, until) => call<TrustedKey>("trust_add", { key, name, until }),
  trustRemove: (name) => call<void>("trust_remove", { name }),
  updateFrom: (from, apply) => invoke<PackUpdate[]>("update_from", { from, apply }),
  ownRecords: () => call<Intervention[]>("own_records"),
  ownSave: (record, isNew) => call<OwnSaved>("own_save", { record, new: isNew }),
  ownExport: () => invoke<number | null>("own_export"),
  openUrl: async (url) => {
    const { openUrl } = await import("@tauri-apps/plugin-opener");
    await openUrl(url);
  },
  instruments: () => call<InstrumentView[]>("instruments"),
  dossierMeasure: (id, input) => call<MeasureOutcome>("dossier_measure", { id, input }),
  dossierMeasureFile: (id, instrument, invited, date) =>
    invoke<MeasureOutcome | null>("dossier_measure_file", {
      id,
      instrument,
      invited: invited ?? null,
      date: date ?? null,
    }),
  dossierUnmeasure: (id, measurement) => call<void>("dossier_unmeasure", { id, measurement }),
  dossierFollowUp: (id, date) => call<FollowUp>("dossier_follow_up", { id, date: date ?? null }),
  traject: (id) => call<TrajectView>("traject", { id }),
  beforeAfter: (id) => call<Change[]>("before_after", { id }),
  evaluationDraft: (id, input) => call<EvaluationDraft>("evaluation_draft", { id, input }),
  dossierEvaluate: (id, input) => call<EvaluateOutcome>("dossier_evaluate", { id, input }),
  evaluationAdvice: (id, limit) => call<NewAdvice>("evaluation_advice", { id, limit }),
  practice: (id) => call<Practice[]>("practice", { id: id ?? null }),
  shareExport: (since, sign) => invoke<ShareExport | null>("share_export", { since, sign }),
  shareImport: (from) => invoke<ShareImported[]>("share_import", { from }),
  shareImportFile: () => invoke<ShareImported[] | null>("share_import_file"),
};

/**
 * Turns whatever a failed call threw into an ApiError. The core writes its messages to follow
 * "keuzehulp: " on the command line; shown alone in the window they start with a capital.
 */
export function toApiError(err: unknown): ApiError {
  const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);
  const known = err && typeof err === "object" && "message" in err;
  const e = known ? (err as { code?: unknown; message: unknown }) : { message: err };
  const code = typeof e.code === "string" ? (e.code as ErrorCode) : "onbekend";
  const detail = sentence(String(e.message));
  return { code, message: errorText(code, detail), detail };
}
