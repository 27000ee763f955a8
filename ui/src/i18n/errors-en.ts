// What went wrong, in English, per error code of the core (`ErrorCode`, generated from the
// core's `Error::code()`). The core writes its messages in Dutch with the particulars (a
// file, a field, a value); the English interface says the gist in English first and gives
// the core's words after it, marked as Dutch. The type makes this list complete: a new code
// in the core does not type-check until it is worded here.
import type { ErrorCode } from "../api";

export const errorsEn: Record<ErrorCode | "onbekend", string> = {
  data_dir: "Keuzehulp cannot use its data folder.",
  unknown_intervention: "There is no intervention with this id.",
  invalid_catalogue: "The catalogue or pack is not valid; nothing was changed.",
  invalid_answers: "The conversation's answers were not saved; nothing was changed.",
  invalid_evaluation: "The evaluation was not saved; nothing was changed.",
  invalid_measurement: "The measurement was not saved; nothing was changed.",
  too_few_respondents:
    "Too few respondents: Keuzehulp keeps a team's figures only from 10 people or more, so no one can be recognised. Nothing was saved.",
  read: "A file could not be read.",
  bundled_catalogue: "The catalogue built into the program cannot be read.",
  json: "Keuzehulp could not write its own data as JSON (a defect of the program).",
  store: "The database gave an error.",
  passphrase_required: "The data are encrypted: give the passphrase.",
  wrong_passphrase: "This passphrase does not open the data; try again. Nothing was changed.",
  store_too_new: "The database was made by a newer Keuzehulp. Update Keuzehulp; the file was not changed.",
  database_damaged: "The database is damaged. Nothing was overwritten.",
  backup_invalid: "This file is not a usable backup. Nothing was changed.",
  database_in_use: "Keuzehulp is still open in another window or program. Close it there and try again.",
  index: "The search index does not work.",
  unknown_value: "This value is not one of the choices.",
  unknown_dossier: "There is no such dossier.",
  dossier_in_trash: "This dossier is in the trash: restore it first.",
  invalid_input: "A value was not accepted.",
  write: "A file could not be written.",
  read_only_file: "The file is read-only: Keuzehulp does not replace it. Nothing was changed.",
  store_read_only: "The database is read-only, and Keuzehulp must be able to write it. Nothing was changed.",
  file_in_use: "The file is open in another program: close it there and try again. Nothing was changed.",
  report: "The report could not be made.",
  nothing_to_export: "There is nothing to export yet; no file was written.",
  no_pack_chosen: "Choose a pack and look at it first; there is nothing to import yet.",
  interrupted: "An earlier action broke off halfway: close Keuzehulp and start it again. What was saved stays saved.",
  file_exists: "The file already exists; choose another name. Nothing was written.",
  signature_refused: "The pack's signature is not accepted. Nothing was imported.",
  key: "The key cannot be used.",
  unreachable: "The address cannot be reached: check the network connection and the address. Nothing was changed.",
  fetch: "The address did not answer with what was asked for. Nothing was imported.",
  damaged_copies:
    "Damaged copies of the database in the data folder cannot be encrypted; agree to remove them and try again. Nothing was changed.",
  import_refused: "The pack holds interventions it may not change. Nothing was imported.",
  pack_changed: "The pack changed since you looked at it. Nothing was imported; look at it again.",
  not_a_file: "This is not an ordinary file (a folder, device or pipe). Nothing was changed.",
  inside_data_dir: "Keuzehulp does not write there: it is one of its own files. Choose another place.",
  not_yet_available: "This is not available in this version of Keuzehulp yet.",
  onbekend: "Something went wrong.",
};
