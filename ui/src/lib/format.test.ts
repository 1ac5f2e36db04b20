import { describe, expect, it } from "vitest";

import {
  formatCount,
  formatDate,
  formatSiren,
  formatSiret,
  isoToTyped,
  parseDate,
  todayIso,
  todayTyped,
  websiteLabel,
} from "./format";

const NNBSP = "\u202f";

describe("dates", () => {
  it("shows « 26 nov. 2026 » in French and 26 Nov 2026 in English", () => {
    expect(formatDate("2026-11-26", "fr")).toBe("26 nov. 2026");
    expect(formatDate("2026-11-26", "en")).toBe("26 Nov 2026");
  });

  it("reads a calendar date as that day, whatever the time zone", () => {
    const d = parseDate("2026-01-01");
    expect(d?.getFullYear()).toBe(2026);
    expect(d?.getMonth()).toBe(0);
    expect(d?.getDate()).toBe(1);
  });

  it("formats timestamps and leaves unreadable text as it is", () => {
    expect(formatDate("2026-03-14T09:30:00Z", "fr")).toBe("14 mars 2026");
    expect(formatDate("pas une date", "fr")).toBe("pas une date");
    expect(formatDate(null, "fr")).toBe("");
  });

  it("writes a day as YYYY-MM-DD", () => {
    expect(todayIso(new Date(2026, 10, 26))).toBe("2026-11-26");
  });
});

describe("numbers and identifiers", () => {
  it("groups digits the French way « 1 234 » and « 100 000 »", () => {
    expect(formatCount(1234, "fr")).toBe(`1${NNBSP}234`);
    expect(formatCount(100000, "fr")).toBe(`100${NNBSP}000`);
    expect(formatCount(12, "fr")).toBe("12");
    expect(formatCount(1234, "en")).toBe("1,234");
  });

  it("shows a SIREN as « 552 032 534 » and a SIRET in 3-3-3-5", () => {
    expect(formatSiren("552032534")).toBe("552 032 534");
    expect(formatSiret("55203253400013")).toBe("552 032 534 00013");
    expect(formatSiren("12AB")).toBe("12AB");
  });

  it("shortens a website for display", () => {
    expect(websiteLabel("https://www.exemple.fr/")).toBe("www.exemple.fr");
    expect(websiteLabel("http://asso.example.org/contact")).toBe("asso.example.org/contact");
  });
});

describe("typed dates", () => {
  it("shows ISO dates the French way and leaves other text alone", () => {
    expect(isoToTyped("2026-11-26")).toBe("26/11/2026");
    expect(isoToTyped(null)).toBe("");
    expect(isoToTyped("26/11/2026")).toBe("26/11/2026");
    expect(todayTyped(new Date(2026, 0, 5))).toBe("05/01/2026");
  });
});
