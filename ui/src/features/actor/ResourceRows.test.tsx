import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";

import type { Resource } from "../../bindings/Resource";
import { I18nProvider, type Lang } from "../../i18n";
import { ResourceRows } from "./ResourceRows";

function Host({ initial, onChange }: { initial: Resource[]; onChange: (rows: Resource[]) => void }) {
  const [rows, setRows] = useState(initial);
  return (
    <ResourceRows
      name="needs"
      title="Besoins"
      help=""
      addLabel="Ajouter"
      placeholder=""
      rows={rows}
      onChange={(next) => {
        setRows(next);
        onChange(next);
      }}
      errorsFor={() => undefined}
    />
  );
}

function renderRows(initial: Resource[], lang: Lang = "fr") {
  const onChange = vi.fn();
  render(
    <I18nProvider initial={lang}>
      <Host initial={initial} onChange={onChange} />
    </I18nProvider>,
  );
  return onChange;
}

describe("ResourceRows", () => {
  it("offers the core's sub-categories of the chosen category, and resets them when the category changes", async () => {
    const user = userEvent.setup();
    const onChange = renderRows([{ category: "materiel", text: "Un utilitaire" }]);
    const sub = screen.getByTestId<HTMLSelectElement>("field-needs.0.subcategory");
    expect(sub.value).toBe("");
    expect(Array.from(sub.options).map((o) => o.textContent)).toContain("Véhicules");
    await user.selectOptions(sub, "vehicules");
    expect(onChange).toHaveBeenLastCalledWith([{ category: "materiel", subcategory: "vehicules", text: "Un utilitaire" }]);
    await user.selectOptions(screen.getByTestId("field-needs.0.category"), "locaux");
    expect(onChange).toHaveBeenLastCalledWith([{ category: "locaux", subcategory: undefined, text: "Un utilitaire" }]);
    expect(Array.from(screen.getByTestId<HTMLSelectElement>("field-needs.0.subcategory").options).map((o) => o.value)).toContain(
      "stockage",
    );
    // A category without sub-categories shows none.
    await user.selectOptions(screen.getByTestId("field-needs.0.category"), "benevolat");
    expect(screen.queryByTestId("field-needs.0.subcategory")).toBeNull();
  });

  it("labels the sub-categories in English when the interface is in English", () => {
    renderRows([{ category: "competences", subcategory: "comptables", text: "Accounting" }], "en");
    const sub = screen.getByTestId<HTMLSelectElement>("field-needs.0.subcategory");
    expect(sub.value).toBe("comptables");
    expect(sub.selectedOptions[0]!.textContent).toBe("Accounting and finance");
  });
});
