// A guide's own texts come in both languages: the one for the interface's language.
import { lang } from "../../i18n";

export function inLang<T>(nl: T, en: T): T {
  return lang() === "en" ? en : nl;
}
