// The window: sidebar, top bar, the screen of the current route, and the
// providers every screen relies on.
import { useQuery } from "@tanstack/react-query";
import { CircleAlert, LoaderCircle } from "lucide-react";
import { useEffect, useLayoutEffect, useRef, useState } from "react";

import { getAppInfo, getSettings } from "../api/gateway";
import { errorText, toAppError } from "../api/errors";
import { ActorList } from "../features/actor/ActorList";
import { ActorPage } from "../features/actor/ActorPage";
import { ActorFormHost, useActorFormHost } from "../features/actor/actorFormHost";
import { DirectoryProvider, useDirectory } from "../features/actor/directoryState";
import { ContactList } from "../features/contact/ContactList";
import { DataPage } from "../features/data/DataPage";
import { EventList } from "../features/event/EventList";
import { EventPage } from "../features/event/EventPage";
import { RoomScreen } from "../features/event/RoomScreen";
import { ImpactPage } from "../features/impact/ImpactPage";
import { Overview } from "../features/overview/Overview";
import { Board } from "../features/partnership/Board";
import { PartnershipPage } from "../features/partnership/PartnershipPage";
import { HomePage } from "../features/home/HomePage";
import { GlobalSearch } from "../features/search/GlobalSearch";
import { startFromHome } from "../features/settings/homeTerritory";
import { SettingsPage, settingsKeys } from "../features/settings/SettingsPage";
import { Welcome } from "../features/welcome/Welcome";
import { I18nProvider, useI18n } from "../i18n";
import { useShortcuts } from "../lib/shortcuts";
import { ConfirmProvider } from "./confirm";
import { DataProvider, queryKeys } from "./data";
import { Logo } from "./Logo";
import { navigate, routeHash, screenScrollTop, useRoute } from "./router";
import { Sidebar } from "./Sidebar";
import { ToastProvider } from "./toasts";

export function App() {
  return (
    <I18nProvider>
      <DataProvider>
        <ToastProvider>
          <ConfirmProvider>
            <DirectoryProvider>
              <ActorFormHost>
                <Root />
              </ActorFormHost>
            </DirectoryProvider>
          </ConfirmProvider>
        </ToastProvider>
      </DataProvider>
    </I18nProvider>
  );
}

/** The room window shows only the projector's screen; the main window, the shell. */
function Root() {
  const [route] = useRoute();
  if (route.name === "room") return <RoomScreen key={route.id} id={route.id} />;
  return <Shell />;
}

function Shell() {
  const { t, lang } = useI18n();
  const [route] = useRoute();
  const { openCreate } = useActorFormHost();
  const info = useQuery({ queryKey: queryKeys.getAppInfo, queryFn: getAppInfo });
  // The home territory of Réglages, preselected once in the filters.
  const settings = useQuery({ queryKey: settingsKeys.settings, queryFn: getSettings });
  const { setFilters: setDirectoryFilters } = useDirectory();
  useEffect(() => {
    if (settings.data) startFromHome(settings.data.settings.home, settings.data.homeName, (departement) => setDirectoryFilters({ departement }));
  }, [settings.data, setDirectoryFilters]);
  // Chosen on the welcome screen for this session: the empty directory.
  const [startedEmpty, setStartedEmpty] = useState(false);

  // A new screen opens at its top (one reached by « Retour » where it was
  // left), not scrolled where the previous screen was.
  const mainRef = useRef<HTMLElement>(null);
  const screenKey = routeHash(route).split("?")[0];
  useLayoutEffect(() => {
    if (mainRef.current) mainRef.current.scrollTop = screenScrollTop();
  }, [screenKey]);

  const showWelcome = route.name === "start" && info.data?.actorCount === 0 && !startedEmpty;
  const inOverview = route.name === "overview";
  const inPartnerships = route.name === "partnerships" || route.name === "partnership" || inOverview;
  const inData = route.name === "data";
  const inEvents = route.name === "events" || route.name === "event";
  const inImpact = route.name === "impact";
  const inSettings = route.name === "settings";
  // Once data exists, the window opens on « Accueil ».
  const inHome = route.name === "home" || (route.name === "start" && info.data !== undefined && !showWelcome && !startedEmpty);
  const inDirectory = !inHome && !inSettings && !inPartnerships && !inData && !inEvents && !inImpact && (route.name !== "start" || (info.data !== undefined && !showWelcome));

  useShortcuts({ "Mod+N": openCreate }, { enabled: inDirectory, inTextFields: true });

  let content;
  if (info.isPending) {
    content = (
      <div className="splash" aria-busy="true">
        <Logo size={40} />
        <LoaderCircle size={20} aria-hidden="true" className="spin muted" />
      </div>
    );
  } else if (info.isError) {
    const error = toAppError(info.error);
    content = (
      <div className="splash">
        <div className="banner banner--error splash__error" role="alert">
          <CircleAlert size={20} aria-hidden="true" className="banner__icon" />
          <div>
            <p>
              <strong>{t.app.loadError}</strong>
            </p>
            <p>{errorText(error, lang)}</p>
            <button type="button" className="button button--secondary button--small" onClick={() => void info.refetch()}>
              {t.common.retry}
            </button>
          </div>
        </div>
      </div>
    );
  } else if (showWelcome) {
    content = (
      <Welcome
        onStartEmpty={() => {
          setStartedEmpty(true);
          navigate({ name: "directory" });
        }}
      />
    );
  } else if (inHome) {
    content = <HomePage />;
  } else if (inSettings) {
    content = <SettingsPage />;
  } else if (route.name === "partnerships") {
    content = <Board />;
  } else if (route.name === "data") {
    content = <DataPage tab={route.tab} personId={route.personId ?? null} />;
  } else if (route.name === "events") {
    content = <EventList />;
  } else if (route.name === "event") {
    content = <EventPage key={route.id} id={route.id} tab={route.tab} />;
  } else if (route.name === "overview") {
    content = <Overview />;
  } else if (route.name === "impact") {
    content = <ImpactPage />;
  } else if (route.name === "partnership") {
    content = <PartnershipPage key={route.id} id={route.id} />;
  } else if (route.name === "contacts") {
    content = <ContactList />;
  } else if (route.name === "actor") {
    content = <ActorPage key={route.id} id={route.id} contactId={route.contactId} />;
  } else {
    content = <ActorList />;
  }

  return (
    <div className="shell">
      <Sidebar
        homeActive={inHome}
        settingsActive={inSettings}
        onSettings={() => {
          setStartedEmpty(true);
          navigate({ name: "settings" });
        }}
        onHome={() => {
          setStartedEmpty(true);
          navigate({ name: "home" });
        }}
        directoryActive={inDirectory}
        partnershipsActive={inPartnerships && !inOverview}
        overviewActive={inOverview}
        onOverview={() => {
          setStartedEmpty(true);
          navigate({ name: "overview" });
        }}
        onPartnerships={() => {
          setStartedEmpty(true);
          navigate({ name: "partnerships" });
        }}
        eventsActive={inEvents}
        onEvents={() => {
          setStartedEmpty(true);
          navigate({ name: "events" });
        }}
        impactActive={inImpact}
        onImpact={() => {
          setStartedEmpty(true);
          navigate({ name: "impact" });
        }}
        dataActive={inData}
        onData={() => {
          setStartedEmpty(true);
          navigate({ name: "data", tab: "import" });
        }}
        onDirectory={() => {
          setStartedEmpty(true);
          navigate({ name: "directory" });
        }}
        version={info.data?.version ?? null}
      />
      <div className="shell__main">
        <header className="topbar">
          <GlobalSearch />
        </header>
        <main className="shell__content" id="main" ref={mainRef}>
          {content}
        </main>
      </div>
    </div>
  );
}
