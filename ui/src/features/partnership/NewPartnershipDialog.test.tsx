import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import { ConfirmProvider } from "../../app/confirm";
import { I18nProvider } from "../../i18n";
import { emptyPartnershipForm, NewPartnershipDialog, toPartnershipInput } from "./NewPartnershipDialog";

vi.mock("../../api/gateway", () => ({
  validatePartnership: vi.fn(),
  createPartnership: vi.fn(),
  search: vi.fn(),
}));

const api = vi.mocked(gateway);

beforeEach(() => {
  api.validatePartnership.mockReset().mockResolvedValue([]);
  api.createPartnership.mockReset();
  api.search.mockReset().mockResolvedValue([
    { entity: "contact", id: "c1", actorId: "a9", kind: null, title: "Anne Koenig", subtitle: "" },
    { entity: "actor", id: "a1", actorId: null, kind: "entreprise", title: "Boulangerie Koenig", subtitle: "Entreprise" },
  ]);
});

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
    render(
      <I18nProvider initial="fr">
        <ConfirmProvider>
          <NewPartnershipDialog onClose={vi.fn()} onCreated={vi.fn()} />
        </ConfirmProvider>
      </I18nProvider>,
    );
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
});
