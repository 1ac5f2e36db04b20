// « Données »: one tab per job on the data (import, export, duplicates,
// backups, personal-data requests). Each tab has its own route
// (#/donnees/<tab>; #/donnees/personnes/<contactId> opens a person); ← →
// move between the tabs, as in any tab list.
import { ArchiveRestore, Copy, FileDown, FileUp, ShieldCheck, type LucideIcon } from "lucide-react";
import { useRef, type KeyboardEvent } from "react";

import { navigate, type DataTab } from "../../app/router";
import { useI18n, type Messages } from "../../i18n";
import { BackupsTab } from "./BackupsTab";
import { DuplicatesTab } from "./DuplicatesTab";
import { ExportTab } from "./ExportTab";
import { ImportTab } from "./ImportTab";
import { PrivacyTab } from "./PrivacyTab";

type TabEntry = { tab: DataTab; icon: LucideIcon; label: (t: Messages) => string };

/** The tabs in their order. A new tab: its path in router.ts, an entry here, its panel below. */
const TABS: TabEntry[] = [
  { tab: "import", icon: FileUp, label: (t) => t.data.tabs.import },
  { tab: "export", icon: FileDown, label: (t) => t.data.tabs.export },
  { tab: "duplicates", icon: Copy, label: (t) => t.data.tabs.duplicates },
  { tab: "backups", icon: ArchiveRestore, label: (t) => t.data.tabs.backups },
  { tab: "privacy", icon: ShieldCheck, label: (t) => t.data.tabs.privacy },
];

function Panel({ tab, personId }: { tab: DataTab; personId: string | null }) {
  switch (tab) {
    case "import":
      return <ImportTab />;
    case "export":
      return <ExportTab />;
    case "duplicates":
      return <DuplicatesTab />;
    case "backups":
      return <BackupsTab />;
    case "privacy":
      return <PrivacyTab personId={personId} />;
  }
}

export function DataPage({ tab, personId = null }: { tab: DataTab; personId?: string | null }) {
  const { t } = useI18n();
  const tabRefs = useRef(new Map<DataTab, HTMLButtonElement>());

  const go = (next: DataTab, focus: boolean) => {
    navigate({ name: "data", tab: next }, { replace: true });
    if (focus) tabRefs.current.get(next)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.findIndex((e) => e.tab === tab);
    let next: number | null = null;
    if (event.key === "ArrowRight") next = (index + 1) % TABS.length;
    else if (event.key === "ArrowLeft") next = (index - 1 + TABS.length) % TABS.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = TABS.length - 1;
    const entry = next === null ? undefined : TABS[next];
    if (!entry) return;
    event.preventDefault();
    go(entry.tab, true);
  };

  return (
    <div className="page page--data" data-testid="data-page">
      <header className="page-header">
        <div className="page-header__titles">
          <h1 className="page-title">{t.data.title}</h1>
        </div>
      </header>
      <div className="tabs" role="tablist" aria-label={t.data.tabsLabel} onKeyDown={onKeyDown}>
        {TABS.map(({ tab: entry, icon: Icon, label }) => {
          const selected = entry === tab;
          return (
            <button
              key={entry}
              ref={(el) => {
                if (el) tabRefs.current.set(entry, el);
                else tabRefs.current.delete(entry);
              }}
              type="button"
              role="tab"
              id={`data-tab-${entry}`}
              aria-selected={selected}
              aria-controls={`data-panel-${entry}`}
              tabIndex={selected ? 0 : -1}
              className={`tabs__tab${selected ? " is-on" : ""}`}
              data-testid={`data-tab-${entry}`}
              onClick={() => go(entry, false)}
            >
              <Icon size={16} aria-hidden="true" />
              {label(t)}
            </button>
          );
        })}
      </div>
      <div className="tabs__panel" role="tabpanel" id={`data-panel-${tab}`} aria-labelledby={`data-tab-${tab}`}>
        <Panel tab={tab} personId={personId} />
      </div>
    </div>
  );
}
