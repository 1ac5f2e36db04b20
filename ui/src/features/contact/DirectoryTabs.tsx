// The Annuaire's two tabs, Acteurs and Contacts (← → move between them).
import { Building2, Users } from "lucide-react";

import { navigate } from "../../app/router";
import { Tabs } from "../../components/Tabs";
import { useI18n } from "../../i18n";

export type DirectoryTab = "actors" | "contacts";

export function DirectoryTabs({ selected }: { selected: DirectoryTab }) {
  const { t } = useI18n();
  const m = t.contacts.tabs;
  return (
    <Tabs
      items={[
        { tab: "actors", icon: Building2, label: m.actors },
        { tab: "contacts", icon: Users, label: m.contacts },
      ]}
      selected={selected}
      onSelect={(tab) => navigate({ name: tab === "actors" ? "directory" : "contacts" }, { replace: true })}
      idPrefix="directory"
      label={m.label}
    />
  );
}
