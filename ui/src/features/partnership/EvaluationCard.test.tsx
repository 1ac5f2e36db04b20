import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import { PartnershipPage } from "./PartnershipPage";
import { detail, evaluationView, partnership, renderWithProviders } from "./testFixtures";

vi.mock("../../api/gateway", async () => {
  const { gatewayMock, PAGE_GATEWAY } = await import("./testFixtures");
  return gatewayMock(...PAGE_GATEWAY, "evaluatePartnership", "deletePartnershipEvaluation", "saveDocument");
});

const api = vi.mocked(gateway);

/** The page of the sample partnership with the core's Évaluation section `patch`. */
function renderWith(patch: Parameters<typeof evaluationView>[0] = {}) {
  api.getPartnership.mockResolvedValue({ ...detail(partnership()), evaluation: evaluationView(patch) });
  return renderWithProviders(<PartnershipPage id="p1" />);
}

beforeEach(() => {
  api.getPartnership.mockReset();
  api.evaluatePartnership.mockReset();
  api.deletePartnershipEvaluation.mockReset();
  api.saveDocument.mockReset();
});

describe("the Évaluation section", () => {
  it("shows the state, each party's answers and the value of each party's contributions as the core computed them", async () => {
    renderWith({
      state: { state: "inProgress" },
      count: 1,
      latest: [
        {
          party: { actorId: "a1", actorName: "Boulangerie Koenig", role: "partenaire" },
          evaluation: {
            actorId: "a1",
            on: "2026-03-12",
            objectivesMet: "plutot_oui",
            balanced: "tout_a_fait",
            wouldContinue: null,
            brought: "Des invendus",
            gained: null,
            respondent: "Claire Martin",
          },
          index: 0,
        },
        { party: { actorId: "a2", actorName: "Cirque des Vosges", role: "beneficiaire" }, evaluation: null, index: null },
      ],
    });
    const section = await screen.findByTestId("partnership-evaluation");
    expect(within(section).getByTestId("evaluation-state").textContent).toBe("En cours");
    const [first, second] = within(section).getAllByTestId("evaluation-party");
    expect(first!.textContent).toContain("le 12 mars 2026 par Claire Martin");
    expect(first!.textContent).toContain("Plutôt oui");
    expect(first!.textContent).toContain("Tout à fait");
    expect(first!.textContent).toContain("Des invendus");
    expect(second!.textContent).toContain("Pas encore évalué");
    const values = within(section).getByTestId("evaluation-values");
    const koenig = within(values).getByRole("row", { name: /Boulangerie Koenig/ });
    expect(koenig.textContent).toContain("500,00\u00a0€");
    expect(koenig.textContent).toContain("118,80\u00a0€ (estimé)");
    expect(koenig.textContent).toContain("618,80\u00a0€");
    expect(section.textContent).toContain("estimées à 11,88\u00a0€ de l'heure");
    expect(within(section).queryByTestId("evaluation-unmeasured")).toBeNull();
  });

  it("says « Évalué le » with the date, and warns when carried out for months without a measure", async () => {
    renderWith({ state: { state: "evaluated", on: "2026-03-12" }, unmeasured: true });
    const section = await screen.findByTestId("partnership-evaluation");
    expect(within(section).getByTestId("evaluation-state").textContent).toBe("Évalué le 12 mars 2026");
    expect(within(section).getByTestId("evaluation-unmeasured").textContent).toContain("depuis plus de 6\u00a0mois sans aucune mesure");
  });
});

describe("entering an evaluation", () => {
  it("sends the party's answers as typed, then offers to undo them", async () => {
    const user = userEvent.setup();
    const saved = partnership({ version: 5, evaluations: [{ actorId: "a2", on: "2026-03-12", objectivesMet: "plutot_oui", balanced: null, wouldContinue: null, brought: null, gained: null, respondent: null }] });
    api.evaluatePartnership.mockResolvedValue(saved);
    api.deletePartnershipEvaluation.mockResolvedValue(partnership({ version: 6 }));
    renderWith();
    const [, cirque] = await screen.findAllByTestId("evaluation-party");
    await user.click(within(cirque!).getByTestId("evaluation-enter"));
    const dialog = await screen.findByTestId("evaluation-form");
    expect(within(dialog).getByTestId<HTMLSelectElement>("field-actorId").value).toBe("a2");
    const on = within(dialog).getByTestId("field-on");
    await user.clear(on);
    await user.type(on, "12/03/2026");
    await user.click(within(dialog).getByTestId("objectivesMet-plutot_oui"));
    await user.click(within(dialog).getByTestId("wouldContinue-tout_a_fait"));
    await user.type(within(dialog).getByTestId("field-brought"), "Un chapiteau");
    await user.type(within(dialog).getByTestId("field-respondent"), "Léa{Enter}");

    await waitFor(() => expect(api.evaluatePartnership).toHaveBeenCalledTimes(1));
    expect(api.evaluatePartnership).toHaveBeenCalledWith("p1", 4, {
      actorId: "a2",
      on: "12/03/2026",
      objectivesMet: "plutot_oui",
      balanced: "",
      wouldContinue: "tout_a_fait",
      brought: "Un chapiteau",
      gained: "",
      respondent: "Léa",
    });
    await waitFor(() => expect(screen.queryByTestId("evaluation-form")).toBeNull());
    const toast = await screen.findByTestId("toast");
    expect(toast.textContent).toContain("Évaluation enregistrée");
    // « Annuler » deletes the evaluation just added, on the latest version.
    api.getPartnership.mockResolvedValue({ ...detail(saved), evaluation: evaluationView({ count: 1 }) });
    await user.click(within(toast).getByRole("button", { name: /Annuler/ }));
    await waitFor(() => expect(api.deletePartnershipEvaluation).toHaveBeenCalledWith("p1", 5, 0));
  });

  it("puts the core's refusal under the field it names and keeps what was typed", async () => {
    const user = userEvent.setup();
    api.evaluatePartnership.mockRejectedValue({
      kind: "invalid",
      message: "Certains champs sont à corriger.",
      messageEn: "Some fields need fixing.",
      fields: [
        {
          field: "on",
          message: "La date de l'évaluation (12/03/2099) est après aujourd'hui : une évaluation se saisit une fois faite.",
          messageEn: "The evaluation's date is after today.",
        },
      ],
    });
    renderWith();
    await user.click(await screen.findByTestId("evaluation-add"));
    const dialog = await screen.findByTestId("evaluation-form");
    const on = within(dialog).getByTestId("field-on");
    await user.clear(on);
    await user.type(on, "12/03/2099");
    await user.click(within(dialog).getByTestId("balanced-plutot_non"));
    await user.click(screen.getByRole("button", { name: "Enregistrer l'évaluation" }));
    expect((await within(dialog).findByTestId("error-on")).textContent).toContain("est après aujourd'hui");
    expect((on as HTMLInputElement).value).toBe("12/03/2099");
    expect(document.activeElement).toBe(on);
  });
});
