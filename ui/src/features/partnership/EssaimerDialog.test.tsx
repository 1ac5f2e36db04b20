import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import { ConfirmProvider } from "../../app/confirm";
import type { Commune } from "../../bindings/Commune";
import type { Partnership } from "../../bindings/Partnership";
import type { PartnershipDetail } from "../../bindings/PartnershipDetail";
import { I18nProvider } from "../../i18n";
import { EssaimerDialog } from "./EssaimerDialog";
import { EssaimagesCard, SpawnedFrom } from "./Lineage";
import { blankPartnership, evaluationView } from "./testFixtures";

vi.mock("../../api/gateway", () => ({
  essaimerPartnership: vi.fn(),
  searchCommunes: vi.fn(),
  search: vi.fn(),
}));

const api = vi.mocked(gateway);

const colmar: Commune = {
  insee: "68066",
  name: "Colmar",
  postalCodes: ["68000"],
  departement: { code: "68", name: "Haut-Rhin" },
  region: { code: "44", name: "Grand Est" },
  epci: null,
};

function detail(): PartnershipDetail {
  return {
    partnership: blankPartnership({
      title: "Garage école",
      territory: ["67462"],
      parties: [
        { actorId: "a1", role: "operateur", contactId: null },
        { actorId: "a2", role: "porteur", contactId: null },
        { actorId: "a3", role: "financeur", contactId: null },
      ],
      modes: { primary: "pratiques_responsables", secondary: [], mecenatKinds: [] },
      facilitator: "Claire Muller",
      stage: "mise_en_oeuvre",
      version: 3,
      createdAt: "2026-01-01T10:00:00Z",
      updatedAt: "2026-01-01T10:00:00Z",
      stageChangedAt: "2026-01-01T10:00:00Z",
    }),
    parties: [
      { actorId: "a1", actorName: "Garage Schneider", role: "operateur" },
      { actorId: "a2", actorName: "ADIE", role: "porteur" },
      { actorId: "a3", actorName: "France Active Alsace", role: "financeur" },
    ],
    totals: { perParty: [], valueCents: 0, minutes: 0, counterpartCents: 0, mecenat: null },
    spawnedFrom: { id: "p0", title: "Garage école pilote", stage: "evaluation", places: ["Mulhouse"] },
    children: [{ id: "p2", title: "Garage école — Haguenau", stage: "rencontre", places: ["Haguenau"] }],
    agreement: { preamble: null, clauses: [] },
    agreementLimits: { preambleMax: 50_000, clausesMax: 60, clauseTitleMax: 200, clauseBodyMax: 20_000 },
    overdueActions: [],
    daysInStage: 0,
    evaluation: evaluationView(),
  };
}

function renderDialog(onDone = vi.fn()) {
  render(
    <I18nProvider initial="fr">
      <ConfirmProvider>
        <EssaimerDialog detail={detail()} onClose={vi.fn()} onDone={onDone} />
      </ConfirmProvider>
    </I18nProvider>,
  );
  return screen.getByTestId("essaimer-form");
}

async function pickColmar(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement) {
  await user.type(within(dialog).getByTestId("field-territory"), "colm");
  await user.click(await within(dialog).findByTestId("commune-option"));
  await waitFor(() => expect(within(dialog).getAllByTestId("territory-chip")).toHaveLength(1));
}

beforeEach(() => {
  api.essaimerPartnership.mockReset();
  api.searchCommunes.mockReset().mockResolvedValue([colmar]);
  api.search.mockReset().mockResolvedValue([
    { entity: "actor", id: "a9", actorId: null, kind: "association", title: "ADIE Colmar", subtitle: "Association" },
  ]);
});

describe("EssaimerDialog", () => {
  it("prefills the title, keeps each party by default and sends the chosen actors in party order", async () => {
    const user = userEvent.setup();
    const created = { id: "p3", title: "Garage école — Colmar" } as Partnership;
    api.essaimerPartnership.mockResolvedValue(created);
    const onDone = vi.fn();
    const dialog = renderDialog(onDone);
    expect(within(dialog).getByTestId("essaimer-explain").textContent).toContain("indicateurs (sans leurs mesures)");
    const title = within(dialog).getByTestId<HTMLInputElement>("field-title");
    expect(title.value).toBe("Garage école — ");
    await user.type(title, "Colmar");
    await pickColmar(user, dialog);
    // The second role (porteur) goes to another actor; the others stay.
    const second = within(dialog).getByTestId("essaimer-actor-1");
    await user.clear(second);
    await user.type(second, "adie col");
    await user.click(await within(dialog).findByTestId("actor-option"));
    await user.click(screen.getByTestId("form-submit"));

    await waitFor(() => expect(api.essaimerPartnership).toHaveBeenCalledTimes(1));
    expect(api.essaimerPartnership).toHaveBeenCalledWith("p1", {
      title: "Garage école — Colmar",
      territory: ["68066"],
      actors: ["a1", "a9", "a3"],
      facilitator: "Claire Muller",
    });
    expect(onDone).toHaveBeenCalledWith(created);
  });

  it("puts the server's territory error next to the commune field", async () => {
    const user = userEvent.setup();
    api.essaimerPartnership.mockRejectedValue({
      kind: "invalid",
      message: "Certains champs sont à corriger.",
      messageEn: "Some fields need fixing.",
      fields: [
        { field: "territory", message: "Choisissez au moins une commune : où ce partenariat essaime-t-il ?", messageEn: "Choose at least one commune." },
      ],
    });
    const dialog = renderDialog();
    await user.click(screen.getByTestId("form-submit"));
    await waitFor(() => expect(within(dialog).getByTestId("error-territory").textContent).toContain("Choisissez au moins une commune"));
    expect(within(dialog).getByTestId("field-territory").getAttribute("aria-invalid")).toBe("true");
    expect(within(dialog).queryByTestId("form-error")).toBeNull();
  });
});

describe("lineage", () => {
  it("links to the origin and lists the essaimages with their places and stage", () => {
    render(
      <I18nProvider initial="fr">
        <SpawnedFrom detail={detail()} />
        <EssaimagesCard detail={detail()} />
      </I18nProvider>,
    );
    expect(screen.getByTestId("spawned-from-link").getAttribute("href")).toBe("#/partenariats/p0");
    expect(screen.getByTestId("spawned-from").textContent).toContain("Essaimé depuis");
    const child = screen.getByTestId("essaimage-child");
    expect(child.textContent).toContain("Haguenau");
    expect(child.textContent).toContain("Rencontre");
    expect(within(child).getByRole("link").getAttribute("href")).toBe("#/partenariats/p2");
  });
});
