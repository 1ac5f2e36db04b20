import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import { DataProvider } from "../../app/data";
import { ToastProvider } from "../../app/toasts";
import type { Actor } from "../../bindings/Actor";
import type { Partnership } from "../../bindings/Partnership";
import type { Possibility } from "../../bindings/Possibility";
import { I18nProvider } from "../../i18n";
import { Possibilities } from "./Possibilities";

vi.mock("../../api/gateway", () => ({
  listPossibles: vi.fn(),
  createPartnership: vi.fn(),
}));

const api = vi.mocked(gateway);

const actor = {
  id: "a1",
  kind: "association",
  name: "Les Jardins de la Montagne Verte",
  needs: [{ category: "locaux", text: "Un local pour stocker les récoltes" }],
  offers: [],
} as unknown as Actor;

const possibility: Possibility = {
  actorId: "a2",
  actorName: "Transports Weber",
  actorKind: "entreprise",
  place: "Sélestat",
  score: 55,
  modes: ["cooperation_economique", "mecenat"],
  mecenatKinds: ["logistique"],
  reasons: [
    "Besoin « Un local pour stocker les récoltes » ↔ offre « Entrepôt disponible » : des locaux prêtés.",
    "Dans la même commune.",
    "Une entreprise et une structure d'intérêt général : les deux mondes que le partenariat relie.",
  ],
  reasonsEn: ["Need ↔ offer.", "In the same commune.", "A company and a body of general interest."],
  matches: [
    {
      ownNeed: true,
      need: "Un local pour stocker les récoltes",
      offer: "Entrepôt disponible.",
      words: [
        { need: "local", offer: "entrepôt" },
        { need: "stocker", offer: "stocker" },
      ],
      reading: "des locaux prêtés",
      readingEn: "premises lent",
      points: 30,
    },
  ],
  contextReasons: [
    "Dans la même commune.",
    "Une entreprise et une structure d'intérêt général : les deux mondes que le partenariat relie.",
  ],
  contextReasonsEn: ["In the same commune.", "A company and a body of general interest."],
  sharedPartnerships: 2,
  proposal: {
    title: "Les Jardins de la Montagne Verte × Transports Weber",
    summary: null,
    territory: ["67462"],
    parties: [
      { actorId: "a1", role: "beneficiaire", contactId: null },
      { actorId: "a2", role: "financeur", contactId: null },
    ],
    modes: { primary: "mecenat", secondary: ["cooperation_economique"], mecenatKinds: ["logistique"] },
    contributions: [],
    counterparts: [],
    facilitator: null,
    tags: [],
    origin: "Champ des possibles",
    nextActions: [],
    objectives: [],
    indicators: [],
  },
};

function renderSection(a: Actor = actor) {
  return render(
    <I18nProvider initial="fr">
      <DataProvider>
        <ToastProvider>
          <Possibilities actor={a} onComplete={vi.fn()} />
        </ToastProvider>
      </DataProvider>
    </I18nProvider>,
  );
}

beforeEach(() => {
  api.listPossibles.mockReset().mockResolvedValue([possibility]);
  api.createPartnership.mockReset().mockResolvedValue({ id: "prt-new", title: possibility.proposal.title } as Partnership);
  window.location.hash = "#/acteurs/a1";
});

describe("Champ des possibles", () => {
  it("lists the possibilities with their modes, two reasons, « + » for the rest and the shared partnerships", async () => {
    const user = userEvent.setup();
    renderSection();
    const row = await screen.findByTestId("possibility");
    expect(api.listPossibles).toHaveBeenCalledWith("a1", 6);
    expect(within(row).getByTestId("possibility-name").getAttribute("href")).toBe("#/acteurs/a2");
    expect(row.textContent).toContain("Sélestat");
    // The modes in the scale's order, the most plausible one marked, with the mécénat kind.
    const modes = within(row).getAllByTestId("possibility-mode");
    expect(modes.map((m) => m.dataset.mode)).toEqual(["mecenat", "cooperation_economique"]);
    expect(modes[1]!.className).toContain("is-top");
    expect(modes[0]!.textContent).toContain("Mécénat logistique");
    // Two reasons first, the third behind « + ».
    const reasons = within(row).getByTestId("possibility-reasons");
    expect(within(reasons).getAllByRole("listitem")).toHaveLength(2);
    expect(reasons.textContent).toContain(
      "Besoin «\u00a0Un local pour stocker les récoltes\u00a0» ↔ offre «\u00a0Entrepôt disponible\u00a0»\u00a0: des locaux prêtés.",
    );
    // The words that answered each other, a word alone when both wrote it.
    const words = within(reasons).getAllByTestId("possibility-word");
    expect(words.map((w) => w.textContent)).toEqual(["local ↔ entrepôt", "stocker"]);
    await user.click(within(row).getByTestId("possibility-more-reasons"));
    expect(within(within(row).getByTestId("possibility-reasons")).getAllByRole("listitem")).toHaveLength(3);
    expect(within(row).getByTestId("possibility-shared").textContent).toContain("2 partenariats");
  });

  it("« Démarrer un partenariat » creates the proposal and opens the new partnership", async () => {
    const user = userEvent.setup();
    renderSection();
    await user.click(await screen.findByTestId("possibility-start"));
    await waitFor(() => expect(api.createPartnership).toHaveBeenCalledTimes(1));
    expect(api.createPartnership).toHaveBeenCalledWith(possibility.proposal);
    await waitFor(() => expect(window.location.hash).toBe("#/partenariats/prt-new"));
  });

  it("explains that needs and offers are what it looks at when there is nothing to show", async () => {
    api.listPossibles.mockResolvedValue([]);
    renderSection({ ...actor, needs: [], offers: [] });
    const empty = await screen.findByTestId("possibles-empty");
    expect(empty.textContent).toContain("Renseignez les besoins et les offres");
  });

  it("goes from one lead to the next with the arrow keys", async () => {
    const user = userEvent.setup();
    api.listPossibles.mockResolvedValue([possibility, { ...possibility, actorId: "a3", actorName: "Imprimerie Heitz", sharedPartnerships: 0 }]);
    renderSection();
    const starts = await screen.findAllByTestId("possibility-start");
    starts[0]!.focus();
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(starts[1]);
    await user.keyboard("{ArrowUp}");
    expect(document.activeElement).toBe(starts[0]);
  });
});
