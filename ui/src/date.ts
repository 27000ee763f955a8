// Dates as people in the Netherlands write them: dd-mm-jjjj, whatever the system's locale.
// The core and the files keep ISO (jjjj-mm-dd); this file turns one into the other. A date
// that is impossible or could be read two ways is refused with a reason, never guessed.
// Pure: no DOM, no clock, so Vitest checks it directly.

/** Why a typed date was refused. */
export type DateProblem = "format" | "year" | "month" | "day";

export type ParsedDate = { ok: true; iso: string | null } | { ok: false; problem: DateProblem };

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * Reads a typed date: day, month and a four-digit year, separated by "-", "/", "." or a
 * space ("15-03-2027", "15/3/2027", " 1.3.2027 "). Empty (or only spaces) is "no date"
 * (`iso: null`). A two-digit year is refused: "15-03-27" could be 1927 or 2027. So is a
 * year-first ISO date: people type day first, and "2027-03-15" is not what the field asks.
 */
export function parseDate(text: string): ParsedDate {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, iso: null };
  const m = /^(\d{1,2})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d+)$/.exec(trimmed);
  if (!m) return { ok: false, problem: "format" };
  const [day, month] = [Number(m[1]), Number(m[2])];
  if (m[3].length !== 4) return { ok: false, problem: "year" };
  const year = Number(m[3]);
  if (year < 1900 || year > 2199) return { ok: false, problem: "year" };
  if (month < 1 || month > 12) return { ok: false, problem: "month" };
  if (day < 1 || day > daysIn(year, month)) return { ok: false, problem: "day" };
  return { ok: true, iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

/** An ISO date (jjjj-mm-dd, or the date part of a timestamp) as dd-mm-jjjj; anything else
 * comes back as it was, so nothing is hidden. */
export function showDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/** A moment (an RFC 3339 timestamp in UTC) in local time as "dd-mm-jjjj uu:mm". */
export function showMoment(utc: string): string {
  const d = new Date(utc);
  if (Number.isNaN(d.getTime())) return utc;
  return `${pad(d.getDate(), 2)}-${pad(d.getMonth() + 1, 2)}-${d.getFullYear()} ${pad(d.getHours(), 2)}:${pad(d.getMinutes(), 2)}`;
}

/** Today on this computer, as an ISO date (jjjj-mm-dd); shown as dd-mm-jjjj. */
export function todayIso(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
}

/** A time of day on this computer, on the 24-hour clock: "14:05:09", or "14:05". */
export function showTime(d: Date = new Date(), seconds = true): string {
  const hm = `${pad(d.getHours(), 2)}:${pad(d.getMinutes(), 2)}`;
  return seconds ? `${hm}:${pad(d.getSeconds(), 2)}` : hm;
}

/** Whether a locale writes the month before the day (en-US does: 3/15/2027). Without a
 * locale, this computer's. */
export function monthFirstLocale(locale?: string): boolean {
  const parts = new Intl.DateTimeFormat(locale).formatToParts(new Date(2027, 2, 15));
  return parts.findIndex((p) => p.type === "month") < parts.findIndex((p) => p.type === "day");
}

/**
 * A typed date someone used to writing the month first may have meant the other way round:
 * on such a computer "3/12/2027" could be 3 December or 12 March. Answers both readings as
 * ISO dates (the day-first one first) when both are real, different days and `monthFirst`;
 * otherwise null (the day-first reading is the only one).
 */
export function ambiguousDate(text: string, monthFirst: boolean): { dayFirst: string; monthFirst: string } | null {
  if (!monthFirst) return null;
  const parsed = parseDate(text);
  const m = /^(\d{1,2})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{4})$/.exec(text.trim());
  if (!parsed.ok || !parsed.iso || !m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  if (a === b || a > 12 || b > 12) return null;
  const other = parseDate(`${b}-${a}-${m[3]}`);
  return other.ok && other.iso ? { dayFirst: parsed.iso, monthFirst: other.iso } : null;
}
