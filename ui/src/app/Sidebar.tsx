// The left sidebar: one entry per business word. The directory, the
// partnerships and the data work; the others say they are coming.
import { BookUser, CalendarDays, ChartColumn, Database, Handshake, House, LayoutGrid, Settings, type LucideIcon } from "lucide-react";

import { useI18n, type Messages } from "../i18n";
import { Logo } from "./Logo";

type Entry = { key: keyof Messages["nav"]; icon: LucideIcon; testId: string };

const FUTURE: Entry[] = [
  { key: "events", icon: CalendarDays, testId: "nav-evenements" },
  { key: "impact", icon: ChartColumn, testId: "nav-impact" },
];

export function Sidebar({
  directoryActive,
  onDirectory,
  partnershipsActive,
  onPartnerships,
  overviewActive = false,
  onOverview,
  dataActive = false,
  onData,
  version,
}: {
  directoryActive: boolean;
  onDirectory: () => void;
  partnershipsActive: boolean;
  onPartnerships: () => void;
  /** The partnerships' overview, a sub-entry of « Partenariats ». */
  overviewActive?: boolean;
  onOverview?: () => void;
  /** « Données »: import, backups… */
  dataActive?: boolean;
  onData?: () => void;
  version: string | null;
}) {
  const { t, lang, setLang } = useI18n();

  const soon = (key: keyof Messages["nav"], Icon: LucideIcon, testId: string) => (
    <li key={key}>
      <button
        type="button"
        className="nav-item is-disabled"
        aria-disabled="true"
        data-testid={testId}
        data-tooltip={t.nav.comingSoon}
        data-tooltip-pos="right"
        aria-describedby="nav-coming-soon"
      >
        <Icon size={18} aria-hidden="true" strokeWidth={1.75} />
        <span>{t.nav[key]}</span>
      </button>
    </li>
  );

  return (
    <nav className="sidebar" aria-label={t.nav.label}>
      <div className="sidebar__brand">
        <Logo size={28} />
        <span className="sidebar__name">Tisserand</span>
      </div>
      <span id="nav-coming-soon" className="visually-hidden">
        {t.nav.comingSoon}
      </span>
      <ul className="sidebar__nav">
        {soon("home", House, "nav-accueil")}
        <li>
          <button
            type="button"
            className={`nav-item${directoryActive ? " is-active" : ""}`}
            aria-current={directoryActive ? "page" : undefined}
            data-testid="nav-annuaire"
            onClick={onDirectory}
          >
            <BookUser size={18} aria-hidden="true" strokeWidth={1.75} />
            <span>{t.nav.directory}</span>
          </button>
        </li>
        <li>
          <button
            type="button"
            className={`nav-item${partnershipsActive ? " is-active" : ""}`}
            aria-current={partnershipsActive ? "page" : undefined}
            data-testid="nav-partenariats"
            onClick={onPartnerships}
          >
            <Handshake size={18} aria-hidden="true" strokeWidth={1.75} />
            <span>{t.nav.partnerships}</span>
          </button>
        </li>
        {onOverview && (
          <li>
            <button
              type="button"
              className={`nav-item nav-item--sub${overviewActive ? " is-active" : ""}`}
              aria-current={overviewActive ? "page" : undefined}
              data-testid="nav-vue-ensemble"
              onClick={onOverview}
            >
              <LayoutGrid size={16} aria-hidden="true" strokeWidth={1.75} />
              <span>{t.partnership.views.overview}</span>
            </button>
          </li>
        )}
        {FUTURE.map((e) => soon(e.key, e.icon, e.testId))}
        {onData ? (
          <li>
            <button
              type="button"
              className={`nav-item${dataActive ? " is-active" : ""}`}
              aria-current={dataActive ? "page" : undefined}
              data-testid="nav-donnees"
              onClick={onData}
            >
              <Database size={18} aria-hidden="true" strokeWidth={1.75} />
              <span>{t.nav.data}</span>
            </button>
          </li>
        ) : (
          soon("data", Database, "nav-donnees")
        )}
      </ul>
      <ul className="sidebar__nav sidebar__nav--bottom">{soon("settings", Settings, "nav-reglages")}</ul>
      <div className="sidebar__footer">
        <button
          type="button"
          className="lang-switch"
          data-testid="lang-switch"
          aria-label={t.nav.switchLang}
          title={t.nav.language}
          onClick={() => setLang(lang === "fr" ? "en" : "fr")}
        >
          <span className={lang === "fr" ? "is-current" : undefined} lang="fr">
            FR
          </span>
          <span className={lang === "en" ? "is-current" : undefined} lang="en">
            EN
          </span>
        </button>
        {version && <span className="sidebar__version">{t.app.version(version)}</span>}
      </div>
    </nav>
  );
}
