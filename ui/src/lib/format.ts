// Display formats: dates « 26 nov. 2026 », counts « 1 234 », identifiers
// « 552 032 534 ». Pure functions, so they are easy to test.

export type Lang = "fr" | "en";

const LOCALES: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
const numberFormats = new Map<Lang, Intl.NumberFormat>();

function dateFormat(lang: Lang): Intl.DateTimeFormat {
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { day: "numeric", month: "short", year: "numeric" });
    dateFormats.set(lang, f);
  }
  return f;
}

function numberFormat(lang: Lang): Intl.NumberFormat {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 });
    numberFormats.set(lang, f);
  }
  return f;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads "2026-11-26" as that calendar day (not midnight UTC, which would
 * shift to the day before west of Greenwich) and RFC 3339 timestamps as
 * instants. Returns null for anything else.
 */
export function parseDate(value: string): Date | null {
  const m = DATE_ONLY.exec(value);
  if (m) {
    const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** « 26 nov. 2026 » in French, "26 Nov 2026" in English; the raw text if unreadable. */
export function formatDate(value: string | null | undefined, lang: Lang): string {
  if (value == null || value === "") return "";
  const d = parseDate(value);
  return d ? dateFormat(lang).format(d) : value;
}

/** « 1 234 » (narrow no-break space) in French, "1,234" in English. */
export function formatCount(n: number, lang: Lang): string {
  return numberFormat(lang).format(n);
}

function groupDigits(digits: string, groups: number[]): string {
  const out: string[] = [];
  let start = 0;
  for (const g of groups) {
    out.push(digits.slice(start, start + g));
    start += g;
  }
  return out.join(" ");
}

/** « 552 032 534 »; anything that is not 9 digits is shown as stored. */
export function formatSiren(value: string): string {
  return /^\d{9}$/.test(value) ? groupDigits(value, [3, 3, 3]) : value;
}

/** « 552 032 534 00013 »; anything that is not 14 digits is shown as stored. */
export function formatSiret(value: string): string {
  return /^\d{14}$/.test(value) ? groupDigits(value, [3, 3, 3, 5]) : value;
}

/** The website as a short label: no scheme, no trailing slash. */
export function websiteLabel(url: string): string {
  return url.replace(/^https?:\/\//i, "").replace(/\/$/, "");
}

/** Today as "YYYY-MM-DD" in local time, the shape of a date input. */
export function todayIso(now: Date = new Date()): string {
  const y = String(now.getFullYear()).padStart(4, "0");
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** An ISO date (2026-11-26) as people type it in France: 26/11/2026. */
export function isoToTyped(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Today as typed in a date field: 26/11/2026. */
export function todayTyped(now: Date = new Date()): string {
  return isoToTyped(todayIso(now));
}

// ---------- Files and times (the « Données » tabs) ----------

/** « 3,7 Mo », « 820 ko », « 512 octets » (binary multiples, as file managers show them). */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = lang === "fr" ? ["octets", "ko", "Mo", "Go", "To"] : ["bytes", "KB", "MB", "GB", "TB"];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(value);
  if (unit === 0 && lang === "fr") return `${number}\u00a0${Math.round(value) < 2 ? "octet" : "octets"}`;
  if (unit === 0 && lang === "en") return `${number} ${Math.round(value) === 1 ? "byte" : "bytes"}`;
  return `${number}\u00a0${units[unit] ?? ""}`;
}

/**
 * « 26 nov. 2026 à 14 h 30 » / "26 Nov 2026 at 14:30": a local time without
 * zone ("2026-11-26T14:30:05") as written, an RFC 3339 instant in local time.
 */
export function formatDateTime(value: string, lang: Lang): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : parseDate(value);
  if (!d) return value;
  const date = new Intl.DateTimeFormat(LOCALES[lang], { day: "numeric", month: "short", year: "numeric" }).format(d);
  const minutes = String(d.getMinutes()).padStart(2, "0");
  return lang === "fr"
    ? `${date} à ${d.getHours()}\u00a0h\u00a0${minutes}`
    : `${date} at ${String(d.getHours()).padStart(2, "0")}:${minutes}`;
}

/** The last part of a path, Windows or Unix. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
