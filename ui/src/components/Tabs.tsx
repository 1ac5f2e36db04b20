// A row of tabs (WAI-ARIA tabs pattern): ← → Home End move between them,
// the selected one alone is in the tab order. Each page owns its routes.
import { useRef, type KeyboardEvent, type ReactNode } from "react";
import type { LucideIcon } from "lucide-react";

export type TabItem<T extends string> = { tab: T; icon: LucideIcon; label: string; extra?: ReactNode };

export function Tabs<T extends string>({
  items,
  selected,
  onSelect,
  idPrefix,
  label,
}: {
  items: readonly TabItem<T>[];
  selected: T;
  onSelect: (tab: T) => void;
  /** `data-tab-…` ids and test ids; panels are `<idPrefix>-panel-<tab>`. */
  idPrefix: string;
  label: string;
}) {
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = items.findIndex((e) => e.tab === selected);
    let next: number | null = null;
    if (event.key === "ArrowRight") next = (index + 1) % items.length;
    else if (event.key === "ArrowLeft") next = (index - 1 + items.length) % items.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = items.length - 1;
    const entry = next === null ? undefined : items[next];
    if (!entry) return;
    event.preventDefault();
    onSelect(entry.tab);
    refs.current.get(entry.tab)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {items.map(({ tab, icon: Icon, label: text, extra }) => {
        const on = tab === selected;
        return (
          <button
            key={tab}
            ref={(el) => {
              if (el) refs.current.set(tab, el);
              else refs.current.delete(tab);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab}`}
            aria-selected={on}
            aria-controls={`${idPrefix}-panel-${tab}`}
            tabIndex={on ? 0 : -1}
            className={`tabs__tab${on ? " is-on" : ""}`}
            data-testid={`${idPrefix}-tab-${tab}`}
            onClick={() => onSelect(tab)}
          >
            <Icon size={16} aria-hidden="true" />
            {text}
            {extra}
          </button>
        );
      })}
    </div>
  );
}
