import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import { PartnershipPage } from "./PartnershipPage";
import { coreReads, detail, OVER_LIMIT, partnership, renderWithProviders } from "./testFixtures";

vi.mock("../../api/gateway", async () => {
  const { gatewayMock, PAGE_GATEWAY } = await import("./testFixtures");
  return gatewayMock(...PAGE_GATEWAY);
});

const api = vi.mocked(gateway);

function renderPage() {
  return renderWithProviders(<PartnershipPage id="p1" />);
}

beforeEach(() => {
  api.getPartnership.mockReset().mockResolvedValue(detail(partnership()));
  api.updatePartnership.mockReset().mockImplementation((_id, version, input) => Promise.resolve(partnership({ ...input, version: version + 1 })));
  api.validatePartnership.mockReset().mockResolvedValue([]);
  // What the core reads in the texts these tests type.
  api.parsePartnershipRow.mockReset().mockImplementation(
    coreReads({
      "1 234,56 €": { valueCents: 123_456 },
      "1,5": { minutes: 90 },
      douze: { field: "valueCents", message: "Écrivez un montant en euros, par exemple 1 234,56 (deux décimales au plus).", messageEn: "Write an amount." },
      "200 000 000": { valueCents: 20_000_000_000 },
      "15/12/2026": { dueOn: "2026-12-15" },
    }),
  );
  api.searchCommunes.mockReset().mockResolvedValue([]);
  api.getActor.mockReset();
  api.search.mockReset().mockResolvedValue([]);
});

describe("editing a partnership on its page", () => {
  it("adds a contribution typed the French way, in cents, and refreshes the page", async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByTestId("contribution-add"));
    const dialog = await screen.findByTestId("contribution-form");
    // The first field has the focus.
    expect(document.activeElement).toBe(within(dialog).getByTestId("field-actorId"));
    await user.selectOptions(within(dialog).getByTestId("field-actorId"), "a1");
    await user.selectOptions(within(dialog).getByTestId("field-kind"), "competences");
    await user.type(within(dialog).getByTestId("field-valueCents"), "1 234,56 €");
    await user.type(within(dialog).getByTestId("field-minutes"), "1,5");
    await user.type(within(dialog).getByTestId("field-description"), "Salariés au montage{Enter}");

    await waitFor(() => expect(api.updatePartnership).toHaveBeenCalledTimes(1));
    const [id, version, input] = api.updatePartnership.mock.calls[0]!;
    expect(id).toBe("p1");
    expect(version).toBe(4);
    expect(input.contributions).toEqual([
      { actorId: "a1", kind: "numeraire", valueCents: 100_000, minutes: 0, description: "Don" },
      { actorId: "a1", kind: "competences", valueCents: 123_456, minutes: 90, description: "Salariés au montage" },
    ]);
    await waitFor(() => expect(screen.queryByTestId("contribution-form")).toBeNull());
    expect((await screen.findByTestId("toast")).textContent).toContain("Modifications enregistrées");
    // The page reloads the partnership.
    await waitFor(() => expect(api.getPartnership.mock.calls.length).toBeGreaterThan(1));
  });

  it("refuses an amount the core cannot read and puts the server's error next to the amount, keeping what was typed", async () => {
    const user = userEvent.setup();
    api.updatePartnership.mockRejectedValue({
      kind: "invalid",
      message: "Certains champs sont à corriger.",
      messageEn: "Some fields need fixing.",
      fields: [
        {
          field: "contributions.1.valueCents",
          message: "Montant invraisemblable : 100 millions d'euros au plus.",
          messageEn: "Implausible amount.",
        },
      ],
    });
    renderPage();
    await user.click(await screen.findByTestId("contribution-add"));
    const dialog = await screen.findByTestId("contribution-form");
    const amount = within(dialog).getByTestId("field-valueCents");
    await user.type(amount, "douze");
    await user.click(within(dialog).getByTestId("form-submit"));
    expect((await within(dialog).findByTestId("error-valueCents")).textContent).toContain("Écrivez un montant en euros");
    expect(api.parsePartnershipRow).toHaveBeenLastCalledWith({ amount: "douze", hours: "" });
    expect(api.updatePartnership).not.toHaveBeenCalled();

    await user.clear(amount);
    await user.type(amount, "200 000 000");
    await user.click(within(dialog).getByTestId("form-submit"));
    await waitFor(() => expect(within(dialog).getByTestId("error-valueCents").textContent).toContain("Montant invraisemblable"));
    expect(api.updatePartnership.mock.calls[0]![2].contributions[1]!.valueCents).toBe(20_000_000_000);
    expect(amount.getAttribute("aria-invalid")).toBe("true");
    expect((amount as HTMLInputElement).value).toBe("200 000 000");
    expect(screen.getByTestId("contribution-form")).toBeTruthy();
  });

  it("says when the partnership was changed elsewhere and saves on the reloaded version, never over it", async () => {
    const user = userEvent.setup();
    api.updatePartnership.mockRejectedValueOnce({
      kind: "conflict",
      message: "Ce partenariat a été modifié entre-temps.",
      messageEn: "Changed meanwhile.",
      fields: [],
    });
    renderPage();
    await user.click(await screen.findByTestId("action-add"));
    const dialog = await screen.findByTestId("action-form");
    await user.type(within(dialog).getByTestId("field-text"), "Envoyer la convention");
    await user.type(within(dialog).getByTestId("field-dueOn"), "15/12/2026");
    await user.click(within(dialog).getByTestId("form-submit"));

    const conflict = await within(dialog).findByTestId("conflict");
    expect(conflict.textContent).toContain("Ce partenariat a été modifié ailleurs");
    // Someone else added an action meanwhile: version 7.
    const elsewhere = { text: "Appeler le cirque", owner: null, dueOn: null, done: false };
    api.getPartnership.mockResolvedValue(detail(partnership({ version: 7, nextActions: [elsewhere] })));
    await user.click(within(dialog).getByTestId("conflict-reload"));
    await within(dialog).findByTestId("conflict-reloaded");
    expect(within(dialog).getByTestId<HTMLInputElement>("field-text").value).toBe("Envoyer la convention");

    await user.click(within(dialog).getByTestId("form-submit"));
    await waitFor(() => expect(api.updatePartnership).toHaveBeenCalledTimes(2));
    const [, version, input] = api.updatePartnership.mock.calls[1]!;
    expect(version).toBe(7);
    expect(input.nextActions).toEqual([elsewhere, { text: "Envoyer la convention", owner: null, dueOn: "2026-12-15", done: false }]);
  });

  it("deletes a row with undo, and the mécénat warning follows the counterparts", async () => {
    const user = userEvent.setup();
    const gift = partnership({ counterparts: [{ givenBy: "a2", description: "Places offertes", valueCents: 40_000 }] });
    api.getPartnership.mockResolvedValue(detail(gift, OVER_LIMIT));
    renderPage();
    expect((await screen.findByTestId("mecenat-warning")).textContent).toContain("25 %");

    api.getPartnership.mockResolvedValue(detail(partnership({ version: 5 })));
    await user.click(screen.getByTestId("counterpart-remove"));
    await waitFor(() => expect(api.updatePartnership).toHaveBeenCalledTimes(1));
    expect(api.updatePartnership.mock.calls[0]![2].counterparts).toEqual([]);
    await waitFor(() => expect(screen.queryByTestId("mecenat-warning")).toBeNull());

    const toast = (await screen.findAllByTestId("toast")).find((x) => x.textContent.includes("supprimé"))!;
    await user.click(within(toast).getByTestId("toast-undo"));
    await waitFor(() => expect(api.updatePartnership).toHaveBeenCalledTimes(2));
    const [, version, input] = api.updatePartnership.mock.calls[1]!;
    expect(version).toBe(5);
    expect(input.counterparts).toEqual(gift.counterparts);
  });

  it("measures an indicator with the value and date the core read, and shows the core's error under the value", async () => {
    const user = userEvent.setup();
    const indicator = { name: "Enfants", unit: "enfants", baseline: null, target: 200, measures: [], level: null, theme: null };
    api.getPartnership.mockResolvedValue(detail(partnership({ indicators: [indicator] })));
    api.measurePartnership.mockReset().mockResolvedValue(partnership({ indicators: [indicator], version: 5 }));
    api.parsePartnershipRow.mockImplementation(
      coreReads({
        "": { field: "value", message: "Écrivez la valeur mesurée.", messageEn: "Write the measured value." },
        "12,5": { value: 12.5 },
        "01/03/2026": { on: "2026-03-01" },
      }),
    );
    renderPage();
    await user.click(await screen.findByTestId("indicator-measure"));
    const dialog = await screen.findByTestId("measure-form");
    const on = within(dialog).getByTestId("field-on");
    await user.clear(on);
    await user.type(on, "01/03/2026");
    await user.click(within(dialog).getByTestId("form-submit"));
    expect((await within(dialog).findByTestId("error-value")).textContent).toContain("Écrivez la valeur mesurée.");
    expect(api.measurePartnership).not.toHaveBeenCalled();

    await user.type(within(dialog).getByTestId("field-value"), "12,5");
    await user.click(within(dialog).getByTestId("form-submit"));
    await waitFor(() => expect(api.measurePartnership).toHaveBeenCalledWith("p1", 4, 0, "2026-03-01", 12.5));
  });
});
