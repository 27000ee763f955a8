import { describe, expect, it } from "vitest";
import { ambiguousDate, parseDate, showDate, showMoment, showTime } from "./date";

describe("parseDate (dd-mm-jjjj, whatever the locale)", () => {
  it("reads day first: 15-03-2027 is 15 March 2027", () => {
    expect(parseDate("15-03-2027")).toEqual({ ok: true, iso: "2027-03-15" });
  });
  it("accepts single digits and the usual separators, and ignores outer spaces", () => {
    for (const typed of ["1-3-2027", "01/03/2027", "1.3.2027", " 01 03 2027 ", "1 - 3 - 2027"]) {
      expect(parseDate(typed)).toEqual({ ok: true, iso: "2027-03-01" });
    }
  });
  it("empty or spaces only means no date", () => {
    expect(parseDate("")).toEqual({ ok: true, iso: null });
    expect(parseDate("   ")).toEqual({ ok: true, iso: null });
  });
  it("knows leap years: 29-02 only in a leap year, and 1900 and 2100 are not", () => {
    expect(parseDate("29-02-2028")).toEqual({ ok: true, iso: "2028-02-29" });
    expect(parseDate("29-02-2000")).toEqual({ ok: true, iso: "2000-02-29" });
    expect(parseDate("29-02-2027")).toEqual({ ok: false, problem: "day" });
    expect(parseDate("29-02-2100")).toEqual({ ok: false, problem: "day" });
    expect(parseDate("29-02-1900")).toEqual({ ok: false, problem: "day" });
  });
  it("refuses days a month does not have", () => {
    expect(parseDate("31-04-2027")).toEqual({ ok: false, problem: "day" });
    expect(parseDate("00-04-2027")).toEqual({ ok: false, problem: "day" });
    expect(parseDate("31-12-2027")).toEqual({ ok: true, iso: "2027-12-31" });
  });
  it("refuses month 13 instead of reading it as month-first (12/13/2027)", () => {
    expect(parseDate("12-13-2027")).toEqual({ ok: false, problem: "month" });
    expect(parseDate("03-00-2027")).toEqual({ ok: false, problem: "month" });
  });
  it("refuses two-digit years: 15-03-27 could be 1927 or 2027", () => {
    expect(parseDate("15-03-27")).toEqual({ ok: false, problem: "year" });
    expect(parseDate("15-03-202")).toEqual({ ok: false, problem: "year" });
    expect(parseDate("15-03-20271")).toEqual({ ok: false, problem: "year" });
  });
  it("refuses what is not a day-month-year date", () => {
    for (const typed of ["2027-03-15", "15 maart 2027", "15-03", "15--03-2027", "morgen", "15-03-2027x"]) {
      expect(parseDate(typed)).toEqual({ ok: false, problem: "format" });
    }
  });
});

describe("showing dates", () => {
  it("shows ISO dates as dd-mm-jjjj", () => {
    expect(showDate("2027-03-15")).toBe("15-03-2027");
    expect(showDate("2026-11-25T10:00:00Z")).toBe("25-11-2026");
    expect(showDate(null)).toBe("");
    expect(showDate("iets anders")).toBe("iets anders");
  });
  it("round-trips what it parses", () => {
    const parsed = parseDate(showDate("2028-02-29"));
    expect(parsed).toEqual({ ok: true, iso: "2028-02-29" });
  });
  it("shows a moment day first with the time", () => {
    expect(showMoment("2027-03-15T12:00:00Z")).toMatch(/^15-03-2027 \d\d:\d\d$/);
    expect(showMoment("kapot")).toBe("kapot");
  });
});

describe("dates a person may have meant the other way round", () => {
  it("asks only on a month-first computer, only when both numbers could be the month", () => {
    expect(ambiguousDate("3/12/2027", true)).toEqual({ dayFirst: "2027-12-03", monthFirst: "2027-03-12" });
    expect(ambiguousDate("1-9-2027", true)).toEqual({ dayFirst: "2027-09-01", monthFirst: "2027-01-09" });
    expect(ambiguousDate("3/12/2027", false)).toBeNull();
    expect(ambiguousDate("15/3/2027", true)).toBeNull();
    expect(ambiguousDate("5-5-2027", true)).toBeNull();
    expect(ambiguousDate("31-04-2027", true)).toBeNull();
  });

  it("shows the time on the 24-hour clock", () => {
    expect(showTime(new Date(2027, 2, 15, 14, 5, 9))).toBe("14:05:09");
    expect(showTime(new Date(2027, 2, 15, 9, 5, 0), false)).toBe("09:05");
  });
});
