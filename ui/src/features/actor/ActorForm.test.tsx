import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import { ConfirmProvider } from "../../app/confirm";
import type { Actor } from "../../bindings/Actor";
import { I18nProvider, type Lang } from "../../i18n";
import { ActorForm } from "./ActorForm";
import { toActorInput, emptyActorForm, actorFormFrom } from "./actorFormModel";
import { withSuggestedCourt } from "./RegisterFields";

vi.mock("../../api/gateway", () => ({
  validateActor: vi.fn(),
  createActor: vi.fn(),
  updateActor: vi.fn(),
  searchCommunes: vi.fn(),
  getAssociationRegisterHint: vi.fn(),
}));

const api = vi.mocked(gateway);

function wrap(children: ReactNode, lang: Lang = "fr") {
  return (
    <I18nProvider initial={lang}>
      <ConfirmProvider>{children}</ConfirmProvider>
    </I18nProvider>
  );
}

const INVALID = {
  kind: "invalid" as const,
  message: "Certains champs sont à corriger.",
  messageEn: "Some fields need fixing.",
  fields: [
    { field: "communeInsee", message: "Choisissez la commune dans la liste.", messageEn: "Pick the commune." },
    {
      field: "siren",
      message: "Le SIREN 123 456 789 est invalide : la clé de contrôle ne correspond pas.",
      messageEn: "SIREN 123 456 789 is invalid: its check digit does not match.",
    },
  ],
};

const ALSACE_COURTS = ["strasbourg", "saverne", "colmar", "mulhouse"] as const;

beforeEach(() => {
  api.validateActor.mockResolvedValue([]);
  api.searchCommunes.mockResolvedValue([]);
  api.getAssociationRegisterHint.mockImplementation((insee) =>
    Promise.resolve(
      insee === "67462"
        ? { regime: "droit_local", courts: [...ALSACE_COURTS], suggestedCourt: "colmar" }
        : { regime: insee === null ? null : "loi_1901", courts: [...ALSACE_COURTS, "metz", "thionville", "sarreguemines"], suggestedCourt: null },
    ),
  );
});

async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(screen.getByTestId("field-kind"), "entreprise");
  await user.type(screen.getByTestId("field-name"), "Boulangerie Koenig");
  await user.type(screen.getByTestId("field-siren"), "123 456 789");
}

describe("ActorForm", () => {
  it("puts the server's field errors next to their fields and focuses the first one", async () => {
    const user = userEvent.setup();
    api.createActor.mockRejectedValue(INVALID);
    render(wrap(<ActorForm mode="create" onClose={vi.fn()} onSaved={vi.fn()} />));
    await fillRequired(user);
    await user.click(screen.getByTestId("form-submit"));

    expect(await screen.findByTestId("error-siren")).toHaveProperty(
      "textContent",
      "Le SIREN 123 456 789 est invalide : la clé de contrôle ne correspond pas.",
    );
    expect(screen.getByTestId("error-commune").textContent).toBe("Choisissez la commune dans la liste.");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("field-siren")));
    expect(screen.getByTestId("field-siren").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByTestId("form-error")).toBeNull();
    expect(api.createActor).toHaveBeenCalledWith(
      expect.objectContaining({ kind: "entreprise", name: "Boulangerie Koenig", siren: "123 456 789", siret: null }),
    );
  });

  it("shows the English message when the interface is in English", async () => {
    const user = userEvent.setup();
    api.createActor.mockRejectedValue(INVALID);
    render(wrap(<ActorForm mode="create" onClose={vi.fn()} onSaved={vi.fn()} />, "en"));
    await fillRequired(user);
    await user.click(screen.getByTestId("form-submit"));
    expect((await screen.findByTestId("error-siren")).textContent).toBe(
      "SIREN 123 456 789 is invalid: its check digit does not match.",
    );
  });

  it("shows other errors in a banner at the top of the form", async () => {
    const user = userEvent.setup();
    api.createActor.mockRejectedValue({
      kind: "diskFull",
      message: "L'enregistrement a échoué : le disque est plein.",
      messageEn: "Saving failed: the disk is full.",
      fields: [],
    });
    render(wrap(<ActorForm mode="create" onClose={vi.fn()} onSaved={vi.fn()} />));
    await fillRequired(user);
    await user.click(screen.getByTestId("form-submit"));
    expect((await screen.findByTestId("form-error")).textContent).toContain(
      "L'enregistrement a échoué : le disque est plein.",
    );
  });

  it("validates as you type and shows errors only for fields already touched", async () => {
    const user = userEvent.setup();
    api.validateActor.mockResolvedValue([
      { field: "name", message: "Le nom est obligatoire.", messageEn: "The name is required." },
      { field: "siren", message: "Le SIREN doit comporter 9 chiffres ; « 12 » en a 2.", messageEn: "x" },
    ]);
    render(wrap(<ActorForm mode="create" onClose={vi.fn()} onSaved={vi.fn()} />));
    await user.type(screen.getByTestId("field-siren"), "12");
    expect((await screen.findByTestId("error-siren")).textContent).toContain("« 12 » en a 2");
    expect(screen.queryByTestId("error-name")).toBeNull();
    expect(api.validateActor).toHaveBeenLastCalledWith(expect.objectContaining({ siren: "12" }));
  });

  it("saves an edit with the actor's id and hands back the result", async () => {
    const user = userEvent.setup();
    const actor: Actor = {
      id: "a1",
      kind: "association",
      name: "Emmaüs",
      siren: null,
      siret: null,
      rna: null,
      legalRegime: "droit_local",
      legalRegimeChosen: false,
      registerCourt: "colmar",
      registerVolume: "12",
      registerFolio: "34",
      registerNumber: null,
      address: null,
      commune: { insee: "67462", name: "Sélestat" },
      sector: null,
      sizeBand: null,
      website: null,
      needs: [{ category: "locaux", text: "Un entrepôt" }],
      offers: [],
      stakes: null,
      tags: ["réemploi"],
      notes: null,
      namedPartnerSince: null,
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-01T00:00:00Z",
    };
    api.updateActor.mockResolvedValue({ ...actor, name: "Emmaüs Centre-Alsace" });
    const onSaved = vi.fn();
    render(wrap(<ActorForm mode="edit" actor={actor} commune={null} onClose={vi.fn()} onSaved={onSaved} />));
    expect(screen.getByTestId("form-submit").textContent).toBe("Enregistrer");
    await user.type(screen.getByTestId("field-name"), " Centre-Alsace");
    await user.type(screen.getByTestId("field-tags"), "insertion,");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.updateActor).toHaveBeenCalledWith(
      "a1",
      expect.objectContaining({
        name: "Emmaüs Centre-Alsace",
        communeInsee: "67462",
        tags: ["réemploi", "insertion"],
        needs: [{ category: "locaux", text: "Un entrepôt" }],
      }),
    );
  });
});

describe("an association's regime and register", () => {
  const sample: Actor = {
    id: "a2",
    kind: "association",
    name: "Le Petit Chapiteau",
    siren: null,
    siret: null,
    rna: null,
    legalRegime: "droit_local",
    legalRegimeChosen: false,
    registerCourt: null,
    registerVolume: null,
    registerFolio: null,
    registerNumber: null,
    address: null,
    commune: { insee: "67462", name: "Sélestat" },
    sector: null,
    sizeBand: null,
    website: null,
    needs: [],
    offers: [],
    stakes: null,
    tags: [],
    notes: null,
    namedPartnerSince: null,
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
  };

  it("asks for the register entry, not an RNA number, of an association seated in Alsace", async () => {
    const user = userEvent.setup();
    api.updateActor.mockResolvedValue(sample);
    const onSaved = vi.fn();
    render(wrap(<ActorForm mode="edit" actor={sample} commune={null} onClose={vi.fn()} onSaved={onSaved} />));
    const court = await screen.findByTestId<HTMLSelectElement>("field-registerCourt");
    expect(api.getAssociationRegisterHint).toHaveBeenCalledWith("67462");
    expect(screen.queryByTestId("field-rna")).toBeNull();
    expect(screen.getByTestId<HTMLSelectElement>("field-legalRegime").selectedOptions[0]?.textContent).toBe(
      "D'après le siège (droit local)",
    );
    // The seat did not change: the suggestion is shown, not filled in.
    expect(court.value).toBe("");
    expect(screen.getByText("Proposé d'après le siège : Colmar")).toBeTruthy();
    expect([...court.options].map((o) => o.value)).toEqual(["", ...ALSACE_COURTS]);
    await user.selectOptions(court, "colmar");
    await user.type(screen.getByTestId("field-registerVolume"), "42");
    await user.type(screen.getByTestId("field-registerFolio"), "17");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.updateActor).toHaveBeenCalledWith(
      "a2",
      expect.objectContaining({
        rna: null,
        legalRegime: null,
        registerCourt: "colmar",
        registerVolume: "42",
        registerFolio: "17",
        registerNumber: null,
      }),
    );
  });

  it("shows the RNA field again for a 1901-law association, and sends no register for other kinds", async () => {
    const user = userEvent.setup();
    render(wrap(<ActorForm mode="edit" actor={sample} commune={null} onClose={vi.fn()} onSaved={vi.fn()} />));
    await screen.findByTestId("field-registerCourt");
    await user.selectOptions(screen.getByTestId("field-legalRegime"), "loi_1901");
    expect(screen.getByTestId("field-rna")).toBeTruthy();
    expect(screen.queryByTestId("field-registerCourt")).toBeNull();
    const state = { ...actorFormFrom(sample, null), registerCourt: "colmar" as const, kind: "entreprise" as const };
    expect(toActorInput(state)).toEqual(expect.objectContaining({ legalRegime: null, registerCourt: null }));
  });

  it("keeps a register entry in sight when the regime says there should be none", async () => {
    const user = userEvent.setup();
    const inscribed: Actor = { ...sample, registerCourt: "colmar", registerVolume: "42", registerFolio: "17" };
    render(wrap(<ActorForm mode="edit" actor={inscribed} commune={null} onClose={vi.fn()} onSaved={vi.fn()} />));
    await screen.findByTestId("field-registerCourt");
    await user.selectOptions(screen.getByTestId("field-legalRegime"), "loi_1901");
    // Not silently dropped: still shown (the core says to clear it), and still sent.
    expect(screen.getByTestId<HTMLSelectElement>("field-registerCourt").value).toBe("colmar");
    await waitFor(() =>
      expect(api.validateActor).toHaveBeenLastCalledWith(
        expect.objectContaining({ legalRegime: "loi_1901", registerCourt: "colmar", registerFolio: "17" }),
      ),
    );
  });

  it("fills in the suggested court when the association is new", () => {
    const form = { ...emptyActorForm(), kind: "association" as const, commune: { insee: "67462", label: "Sélestat" } };
    const hint = { regime: "droit_local" as const, courts: [...ALSACE_COURTS], suggestedCourt: "colmar" as const };
    expect(withSuggestedCourt(form, "67462", hint).registerCourt).toBe("colmar");
    // Not over a court already chosen, nor for another seat, nor for a 1901-law association.
    expect(withSuggestedCourt({ ...form, registerCourt: "strasbourg" }, "67462", hint).registerCourt).toBe("strasbourg");
    expect(withSuggestedCourt(form, "67482", hint).registerCourt).toBe("");
    expect(withSuggestedCourt({ ...form, legalRegime: "loi_1901" }, "67462", hint).registerCourt).toBe("");
  });
});

describe("actor form model", () => {
  it("sends empty optional texts as null and keeps a tag still being typed", () => {
    const state = { ...emptyActorForm(), kind: "entreprise" as const, name: "X", siren: "  ", tags: ["a"], tagDraft: "b" };
    const input = toActorInput(state);
    expect(input.siren).toBeNull();
    expect(input.kind).toBe("entreprise");
    expect(input.tags).toEqual(["a", "b"]);
  });

  it("round-trips an actor through the form", () => {
    const form = actorFormFrom(
      {
        id: "a",
        kind: "fondation",
        name: "F",
        siren: "552032534",
        siret: null,
        rna: null,
        legalRegime: null,
        legalRegimeChosen: false,
        registerCourt: null,
        registerVolume: null,
        registerFolio: null,
        registerNumber: null,
        address: null,
        commune: { insee: "67482", name: "Strasbourg" },
        sector: "Philanthropie",
        sizeBand: "micro",
        website: null,
        needs: [],
        offers: [],
        stakes: null,
        tags: [],
        notes: "n",
        namedPartnerSince: null,
        createdAt: "",
        updatedAt: "",
      },
      null,
    );
    expect(toActorInput(form)).toEqual({
      kind: "fondation",
      name: "F",
      siren: "552032534",
      siret: null,
      rna: null,
      legalRegime: null,
      registerCourt: null,
      registerVolume: null,
      registerFolio: null,
      registerNumber: null,
      address: null,
      communeInsee: "67482",
      sector: "Philanthropie",
      sizeBand: "micro",
      website: null,
      needs: [],
      offers: [],
      stakes: null,
      tags: [],
      notes: "n",
      namedPartner: false,
    });
  });
});
