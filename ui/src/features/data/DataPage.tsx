// « Données »: one tab per job on the data (import, export, duplicates,
// backups, personal-data requests). Each tab has its own route
// (#/donnees/<tab>; #/donnees/personnes/<contactId> opens a person); ← →
// move between the tabs, as in any tab list.
import { ArchiveRestore, Copy, FileDown, FileUp, ShieldCheck, type LucideIcon } from "lucide-react";

import { navigate, type DataTab } from "../../app/router";
import { Tabs } from "../../components/Tabs";
import { useI18n, type Messages } from "../../i18n";
import { BackupsTab } from "../backup/BackupsTab";
import { DuplicatesTab } from "../duplicate/DuplicatesTab";
import { ExportTab } from "../export/ExportTab";
import { ImportTab } from "../import/ImportTab";
import { PrivacyTab } from "../person/PrivacyTab";

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
  return (
    <div className="page page--data" data-testid="data-page">
      <header className="page-header">
        <div className="page-header__titles">
          <h1 className="page-title">{t.data.title}</h1>
        </div>
      </header>
      <Tabs
        items={TABS.map((e) => ({ tab: e.tab, icon: e.icon, label: e.label(t) }))}
        selected={tab}
        onSelect={(next) => navigate({ name: "data", tab: next }, { replace: true })}
        idPrefix="data"
        label={t.data.tabsLabel}
      />
      <div className="tabs__panel" role="tabpanel" id={`data-panel-${tab}`} aria-labelledby={`data-tab-${tab}`}>
        <Panel tab={tab} personId={personId} />
      </div>
    </div>
  );
}
