// A filter above a list: « all » or one value, a value no longer offered
// still shown while it is chosen, and the count of each option when asked.
import { useI18n } from "../i18n";
import { formatCount } from "../lib/format";

type FilterSelectProps = {
  testId: string;
  label: string;
  allLabel: string;
  value: string | null;
  options: readonly { value: string; label: string; count?: number }[];
  /** Shows each option's count (« Sélestat – 12 »). */
  showCounts?: boolean;
  onChange: (value: string | null) => void;
};

export function FilterSelect({ testId, label, allLabel, value, options, showCounts = false, onChange }: FilterSelectProps) {
  const { lang } = useI18n();
  const known = value === null || options.some((o) => o.value === value);
  return (
    <label className="filters__select">
      <span className="visually-hidden">{label}</span>
      <select
        className={`select${value !== null ? " is-active" : ""}`}
        data-testid={testId}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
        title={label}
      >
        <option value="">{allLabel}</option>
        {!known && <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {showCounts && o.count !== undefined ? `${o.label} – ${formatCount(o.count, lang)}` : o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
