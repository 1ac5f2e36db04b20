import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import { ConfirmProvider } from "../../app/confirm";
import { DataProvider } from "../../app/data";
import type { Possibility } from "../../bindings/Possibility";
import { I18nProvider } from "../../i18n";
import { emptyPartnershipForm, NewPartnershipDialog, toPartnershipInput, withSuggestion } from "./NewPartnershipDialog";

vi.mock("../../api/gateway", () => ({
  validatePartnership: vi.fn(),
  createPartnership: vi.fn(),
  search: vi.fn(),
  listPossibles: vi.fn(),
}));

const api = vi.mocked(gateway);

beforeEach(() => {
  api.validatePartnership.mockReset().mockResolvedValue([]);
  api.createPartnership.mockReset();
  api.listPossibles.mockReset().mockResolvedValue([]);
  api.search.mockReset().mockResolvedValue([
    { entity: "contact", id: "c1", actorId: "a9", kind: null, title: "Anne Koenig", subtitle: "" },
    { entity: "actor", id: "a1", actorId: null, kind: "entreprise", title: "Boulangerie Koenig", subtitle: "Entreprise" },
  ]);
});

function renderDialog() {
  render(
    <I18nProvider initial="fr">
      <DataProvider>
        <ConfirmProvider>
          <NewPartnershipDialog onClose={vi.fn()} onCreated={vi.fn()} />
        </ConfirmProvider>
      </DataProvider>
    </I18nProvider>,
  );
}

describe("NewPartnershipDialog", () => {
  it("starts with two party rows and sends empty actor ids until picked", () => {
    const input = toPartnershipInput(emptyPartnershipForm());
    expect(input.parties).toEqual([
      { actorId: "", role: "porteur", contactId: null },
      { actorId: "", role: "partenaire", contactId: null },
    ]);
    expect(input.modes.primary).toBeNull();
  });

  it("picks actors among actor hits only and puts server errors next to their row", async () => {
    const user = userEvent.setup();
    api.createPartnership.mockRejectedValue({
      kind: "invalid",
      message: "…",
      messageEn: "…",
      fields: [{ field: "parties.1.actorId", message: "Choisissez un acteur dans la liste.", messageEn: "Pick an actor." }],
    });
    renderDialog();
    await user.type(screen.getByTestId("field-title"), "Paniers bio");
    await user.type(screen.getByTestId("party-actor-0"), "koenig");
    const options = await screen.findAllByTestId("actor-option");
    expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining("Boulangerie Koenig")]);
    await user.click(options[0]!);
    await user.click(screen.getByTestId("form-submit"));
    await waitFor(() =>
      expect(screen.getByTestId("error-parties.1.actorId").textContent).toContain("Choisissez un acteur"),
    );
    const sent = api.createPartnership.mock.calls[0]![0];
    expect(sent.title).toBe("Paniers bio");
    expect(sent.parties[0]!.actorId).toBe("a1");
    expect(screen.getByTestId("party-actor-1").getAttribute("aria-invalid")).toBe("true");
  });

  it("suggests partners for the first party and fills the form from the core's proposal on Enter", async () => {
    const user = userEvent.setup();
    api.listPossibles.mockResolvedValue([garage, epicerie]);
    api.createPartnership.mockResolvedValue({ id: "p1", title: "x" } as never);
    renderDialog();
    expect(screen.queryByTestId("partner-suggestions")).toBeNull();
    await user.type(screen.getByTestId("party-actor-0"), "koenig");
    await user.click((await screen.findAllByTestId("actor-option"))[0]!);
    const suggestions = await screen.findAllByTestId("partner-suggestion");
    expect(api.listPossibles).toHaveBeenCalledWith("a1", 5);
    expect(screen.getByTestId("partner-suggestions").textContent).toContain("Partenaires suggérés pour Boulangerie Koenig");
    expect(suggestions[1]!.textContent).toContain("Épicerie solidaire");
    expect(suggestions[1]!.textContent).toContain("Mécénat");
    // The first reason only.
    expect(suggestions[1]!.textContent).toContain("Besoin « Du pain »");
    expect(suggestions[1]!.textContent).not.toContain("même commune");
    // Keyboard: down to the second suggestion, Enter picks it.
    suggestions[0]!.focus();
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(suggestions[1]);
    await user.keyboard("{Enter}");
    expect(screen.getByTestId<HTMLInputElement>("party-actor-1").value).toBe("Épicerie solidaire");
    expect(screen.getByTestId<HTMLSelectElement>("party-role-0").value).toBe("financeur");
    expect(screen.getByTestId<HTMLSelectElement>("party-role-1").value).toBe("beneficiaire");
    expect(screen.getByTestId<HTMLSelectElement>("field-primary-mode").value).toBe("mecenat");
    expect(screen.getByTestId<HTMLInputElement>("field-title").value).toBe("Boulangerie Koenig × Épicerie solidaire");
    // The second party chosen, no more suggestions.
    expect(screen.queryByTestId("partner-suggestions")).toBeNull();
    await user.click(screen.getByTestId("form-submit"));
    await waitFor(() => expect(api.createPartnership).toHaveBeenCalled());
    const sent = api.createPartnership.mock.calls[0]![0];
    expect(sent.parties).toEqual([
      { actorId: "a1", role: "financeur", contactId: null },
      { actorId: "a2", role: "beneficiaire", contactId: null },
    ]);
    expect(sent.modes.primary).toBe("mecenat");
  });

  it("keeps a typed title and says when there is nothing to suggest", async () => {
    const typed = { ...emptyPartnershipForm(), title: "Pain suspendu" };
    typed.parties[0] = { text: "Boulangerie Koenig", actor: { id: "a1", name: "Boulangerie Koenig" }, role: "porteur" };
    const next = withSuggestion(typed, epicerie);
    expect(next.title).toBe("Pain suspendu");
    expect(next.parties.map((p) => [p.actor?.id, p.role])).toEqual([
      ["a1", "financeur"],
      ["a2", "beneficiaire"],
    ]);
    const user = userEvent.setup();
    renderDialog();
    await user.type(screen.getByTestId("party-actor-0"), "koenig");
    await user.click((await screen.findAllByTestId("actor-option"))[0]!);
    expect((await screen.findByTestId("partner-suggestions-empty")).textContent).toContain("Aucun partenaire à suggérer");
  });
});

function proposal(other: string, otherName: string, primary: "mecenat" | "cooperation_economique", roles: [string, string]) {
  const parties = [
    { actorId: "a1", role: roles[0], contactId: null },
    { actorId: other, role: roles[1], contactId: null },
  ];
  const empty = { summary: null, territory: [], contributions: [], counterparts: [], facilitator: null, tags: [], nextActions: [], objectives: [], indicators: [] };
  return { ...empty, title: `Boulangerie Koenig × ${otherName}`, parties, modes: { primary, secondary: [], mecenatKinds: [] }, origin: "Champ des possibles" };
}

const garage = {
  actorId: "a3",
  actorName: "Garage Muller",
  actorKind: "entreprise",
  place: null,
  score: 40,
  modes: ["cooperation_economique"],
  mecenatKinds: [],
  reasons: ["Offre « Des viennoiseries » ↔ besoin « Un traiteur » : un échange économique entre les deux."],
  reasonsEn: ["Offer…"],
  sharedPartnerships: 0,
  proposal: proposal("a3", "Garage Muller", "cooperation_economique", ["porteur", "partenaire"]),
} as unknown as Possibility;

const epicerie = {
  actorId: "a2",
  actorName: "Épicerie solidaire",
  actorKind: "association",
  place: "Sélestat",
  score: 60,
  modes: ["mecenat"],
  mecenatKinds: ["en_nature"],
  reasons: ["Besoin « Du pain » ↔ offre « Des invendus » : du matériel donné.", "Dans la même commune."],
  reasonsEn: ["Need…", "In the same commune."],
  sharedPartnerships: 0,
  proposal: proposal("a2", "Épicerie solidaire", "mecenat", ["financeur", "beneficiaire"]),
} as unknown as Possibility;
