// The left sidebar: one entry per business word. Accueil, the directory,
// the partnerships, the events, the impact and the data work; the others
// say they are coming.
import { BookUser, CalendarDays, ChartColumn, Database, Handshake, House, LayoutGrid, Settings, type LucideIcon } from "lucide-react";

import { useI18n, type Messages } from "../i18n";
import { Logo } from "./Logo";

/** One working entry of the sidebar. */
function NavButton({ active, testId, onClick, icon: Icon, label }: { active: boolean; testId: string; onClick: () => void; icon: LucideIcon; label: string }) {
  return (
    <button
      type="button"
      className={`nav-item${active ? " is-active" : ""}`}
      aria-current={active ? "page" : undefined}
      data-testid={testId}
      onClick={onClick}
    >
      <Icon size={18} aria-hidden="true" strokeWidth={1.75} />
      <span>{label}</span>
    </button>
  );
}

export function Sidebar({
  homeActive = false,
  onHome,
  settingsActive = false,
  onSettings,
  directoryActive,
  onDirectory,
  partnershipsActive,
  onPartnerships,
  overviewActive = false,
  onOverview,
  dataActive = false,
  onData,
  eventsActive = false,
  onEvents,
  impactActive = false,
  onImpact,
  version,
}: {
  /** « Accueil »: the facilitator's day. */
  homeActive?: boolean;
  onHome?: () => void;
  /** « Réglages ». */
  settingsActive?: boolean;
  onSettings?: () => void;
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
  /** « Événements »: speed-datings. */
  eventsActive?: boolean;
  onEvents?: () => void;
  /** « Impact »: the territory's figures. */
  impactActive?: boolean;
  onImpact?: () => void;
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
        {onHome ? (
          <li>
            <NavButton active={homeActive} testId="nav-accueil" onClick={onHome} icon={House} label={t.nav.home} />
          </li>
        ) : (
          soon("home", House, "nav-accueil")
        )}
        <li>
          <NavButton active={directoryActive} testId="nav-annuaire" onClick={onDirectory} icon={BookUser} label={t.nav.directory} />
        </li>
        <li>
          <NavButton active={partnershipsActive} testId="nav-partenariats" onClick={onPartnerships} icon={Handshake} label={t.nav.partnerships} />
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
        {onEvents ? (
          <li>
            <NavButton active={eventsActive} testId="nav-evenements" onClick={onEvents} icon={CalendarDays} label={t.nav.events} />
          </li>
        ) : (
          soon("events", CalendarDays, "nav-evenements")
        )}
        {onImpact ? (
          <li>
            <NavButton active={impactActive} testId="nav-impact" onClick={onImpact} icon={ChartColumn} label={t.nav.impact} />
          </li>
        ) : (
          soon("impact", ChartColumn, "nav-impact")
        )}
        {onData ? (
          <li>
            <NavButton active={dataActive} testId="nav-donnees" onClick={onData} icon={Database} label={t.nav.data} />
          </li>
        ) : (
          soon("data", Database, "nav-donnees")
        )}
      </ul>
      <ul className="sidebar__nav sidebar__nav--bottom">
        {onSettings ? (
          <li>
            <NavButton active={settingsActive} testId="nav-reglages" onClick={onSettings} icon={Settings} label={t.nav.settings} />
          </li>
        ) : (
          soon("settings", Settings, "nav-reglages")
        )}
      </ul>
      <div className="sidebar__footer">
        <button
          type="button"
          className="lang-switch"
          data-testid="lang-switch"
          aria-label={t.nav.switchLang}
          title={t.nav.switchLang}
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
