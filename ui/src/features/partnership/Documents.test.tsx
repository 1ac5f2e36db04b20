// The PDF documents of a partnership (« Fiche PDF », « Convention PDF »),
// the agreement's text editor, and the board's briefs export, against a
// mocked gateway.
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import type { AgreementText } from "../../bindings/AgreementText";
import type { BriefsExport } from "../../bindings/BriefsExport";
import { ExportBriefs } from "./ExportBriefs";
import { emptyPartnershipQuery } from "./model";
import { PartnershipPage } from "./PartnershipPage";
import { detail, partnership, renderWithProviders, WITHIN_LIMIT } from "./testFixtures";

vi.mock("../../api/gateway", async () => {
  const { gatewayMock, PAGE_GATEWAY } = await import("./testFixtures");
  return gatewayMock(
    ...PAGE_GATEWAY,
    "saveDocument",
    "setPartnershipAgreement",
    "exportBriefs",
    "onBriefsProgress",
    "cancelBriefsExport",
  );
});

const api = vi.mocked(gateway);

const AGREEMENT: AgreementText = {
  preamble: "Depuis 2019, le cirque joue pour les écoles.",
  clauses: [
    { title: "Assurances", body: "Chacun assure ses biens." },
    { title: "Mention du mécène", body: "Logo au dos du programme." },
  ],
};

beforeEach(() => {
  api.getPartnership.mockReset().mockResolvedValue(detail(partnership(), WITHIN_LIMIT, AGREEMENT));
  api.validatePartnership.mockReset().mockResolvedValue([]);
  api.searchCommunes.mockReset().mockResolvedValue([]);
  api.search.mockReset().mockResolvedValue([]);
  api.saveDocument.mockReset();
  api.setPartnershipAgreement.mockReset().mockImplementation((_id, version) => Promise.resolve(partnership({ version: version + 1 })));
  api.exportBriefs.mockReset();
  api.onBriefsProgress.mockReset();
});

describe("PDF documents of a partnership", () => {
  it("saves the brief through the shell and says where it went", async () => {
    const user = userEvent.setup();
    let finish: (path: string | null) => void = () => undefined;
    api.saveDocument.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    renderWithProviders(<PartnershipPage id="p1" />);
    const brief = await screen.findByTestId("pdf-brief");
    await user.click(brief);
    expect(api.saveDocument).toHaveBeenCalledWith("p1", "brief");
    // Busy while the shell works: both buttons wait.
    expect(brief.getAttribute("aria-busy")).toBe("true");
    expect(screen.getByTestId<HTMLButtonElement>("pdf-agreement").disabled).toBe(true);
    await act(async () => finish("/home/moi/Documents/fiche-spectacle.pdf"));
    const toast = await screen.findByTestId("toast");
    expect(toast.textContent).toContain("Fiche enregistrée\u00a0: /home/moi/Documents/fiche-spectacle.pdf");
    expect(screen.getByTestId<HTMLButtonElement>("pdf-brief").disabled).toBe(false);
  });

  it("asks for the agreement kind, and a cancelled save dialog shows nothing", async () => {
    const user = userEvent.setup();
    api.saveDocument.mockResolvedValue(null);
    renderWithProviders(<PartnershipPage id="p1" />);
    await user.click(await screen.findByTestId("pdf-agreement"));
    await waitFor(() => expect(api.saveDocument).toHaveBeenCalledWith("p1", "agreement"));
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>("pdf-agreement").disabled).toBe(false));
    expect(screen.queryByTestId("toast")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("the agreement's text", () => {
  it("previews it on the page and saves the clauses in the order shown, on the loaded version", async () => {
    const user = userEvent.setup();
    renderWithProviders(<PartnershipPage id="p1" />);
    expect((await screen.findByTestId("agreement-preamble")).textContent).toContain("Depuis 2019");
    expect(screen.getByTestId("agreement-clauses").textContent).toContain("Mention du mécène");

    await user.click(screen.getByTestId("agreement-edit"));
    const dialog = await screen.findByTestId("agreement-form");
    expect(within(dialog).getByTestId("preamble-count").textContent).toContain("/ 50\u202f000");
    await user.click(within(dialog).getByTestId("clause-add"));
    await user.type(within(dialog).getByTestId("field-clauses.2.title"), "Résiliation");
    await user.type(within(dialog).getByTestId("field-clauses.2.body"), "Un mois de préavis.");
    // The new clause goes first: two steps up.
    await user.click(within(dialog).getByTestId("clause-up-2"));
    await user.click(within(dialog).getByTestId("clause-up-1"));
    await user.keyboard("{Control>}{Enter}{/Control}");

    await waitFor(() => expect(api.setPartnershipAgreement).toHaveBeenCalledTimes(1));
    const [id, version, text] = api.setPartnershipAgreement.mock.calls[0]!;
    expect(id).toBe("p1");
    expect(version).toBe(4);
    expect(text).toEqual({
      preamble: "Depuis 2019, le cirque joue pour les écoles.",
      clauses: [
        { title: "Résiliation", body: "Un mois de préavis." },
        { title: "Assurances", body: "Chacun assure ses biens." },
        { title: "Mention du mécène", body: "Logo au dos du programme." },
      ],
    });
    await waitFor(() => expect(screen.queryByTestId("agreement-form")).toBeNull());
    expect((await screen.findByTestId("toast")).textContent).toContain("Texte de la convention enregistré");
  });

  it("puts the core's field error under the right clause's title and keeps the dialog open", async () => {
    const user = userEvent.setup();
    api.setPartnershipAgreement.mockRejectedValue({
      kind: "invalid",
      message: "Certains champs sont à corriger.",
      messageEn: "Some fields need fixing.",
      fields: [
        {
          field: "clauses.1.title",
          message: "Le titre de la clause est trop long : 200 caractères au plus.",
          messageEn: "The clause's title is too long: at most 200 characters.",
        },
      ],
    });
    renderWithProviders(<PartnershipPage id="p1" />);
    await user.click(await screen.findByTestId("agreement-edit"));
    const dialog = await screen.findByTestId("agreement-form");
    await user.click(within(dialog).getByTestId("form-submit"));

    const error = await within(dialog).findByTestId("error-clauses.1.title");
    expect(error.textContent).toContain("trop long");
    const second = within(dialog).getAllByTestId("clause-item")[1]!;
    expect(second.contains(error)).toBe(true);
    const title = within(second).getByTestId<HTMLInputElement>("field-clauses.1.title");
    expect(title.value).toBe("Mention du mécène");
    expect(title.getAttribute("aria-invalid")).toBe("true");
    expect(within(dialog).queryByTestId("error-clauses.0.title")).toBeNull();
    expect(screen.getByTestId("agreement-form")).toBeTruthy();
  });

  it("says a stale version was refused and saves on the reloaded one", async () => {
    const user = userEvent.setup();
    api.setPartnershipAgreement.mockRejectedValueOnce({
      kind: "conflict",
      message: "Ce partenariat a été modifié entre-temps.",
      messageEn: "Changed meanwhile.",
      fields: [],
    });
    renderWithProviders(<PartnershipPage id="p1" />);
    await user.click(await screen.findByTestId("agreement-edit"));
    const dialog = await screen.findByTestId("agreement-form");
    await user.click(within(dialog).getByTestId("form-submit"));
    await within(dialog).findByTestId("conflict");
    api.getPartnership.mockResolvedValue(detail(partnership({ version: 9 }), WITHIN_LIMIT, AGREEMENT));
    await user.click(within(dialog).getByTestId("conflict-reload"));
    await within(dialog).findByTestId("conflict-reloaded");
    await user.click(within(dialog).getByTestId("form-submit"));
    await waitFor(() => expect(api.setPartnershipAgreement).toHaveBeenCalledTimes(2));
    expect(api.setPartnershipAgreement.mock.calls[1]![1]).toBe(9);
  });
});

describe("exporting the board's briefs", () => {
  it("is disabled when the filters match nothing", () => {
    renderWithProviders(<ExportBriefs query={emptyPartnershipQuery()} total={0} filtered />);
    expect(screen.getByTestId<HTMLButtonElement>("briefs-export").disabled).toBe(true);
  });

  it("exports the current filter as one PDF and shows the progress the shell reports", async () => {
    const user = userEvent.setup();
    let progress: (p: gateway.BriefsProgress) => void = () => undefined;
    const stop = vi.fn();
    api.onBriefsProgress.mockImplementation((handler) => {
      progress = handler;
      return Promise.resolve(stop);
    });
    let finish: (r: BriefsExport | null) => void = () => undefined;
    api.exportBriefs.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const query = { ...emptyPartnershipQuery(), mode: "mecenat" as const };
    renderWithProviders(<ExportBriefs query={query} total={26} filtered />);

    await user.click(screen.getByTestId("briefs-export"));
    const dialog = await screen.findByTestId("briefs-export-dialog");
    await user.click(within(dialog).getByTestId("briefs-export-combined"));
    await user.click(within(dialog).getByTestId("briefs-export-go"));
    await waitFor(() => expect(api.exportBriefs).toHaveBeenCalledWith(query, true));
    expect(screen.queryByTestId("briefs-export-dialog")).toBeNull();

    act(() => progress({ done: 12, total: 26 }));
    expect(screen.getByTestId("briefs-progress-text").textContent).toBe("12 / 26 fiches");
    const bar = screen.getByRole("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("12");
    expect(bar.getAttribute("aria-valuemax")).toBe("26");
    act(() => progress({ done: 26, total: 26 }));
    expect(screen.getByTestId("briefs-progress-text").textContent).toBe("26 / 26 fiches");

    await act(async () => finish({ path: "/home/moi/Documents/fiches-partenariats.pdf", count: 26 }));
    expect((await screen.findByTestId("toast")).textContent).toContain("26 fiches exportées\u00a0: /home/moi/Documents/fiches-partenariats.pdf");
    expect(stop).toHaveBeenCalled();
    expect(screen.queryByTestId("briefs-progress")).toBeNull();
    expect(screen.getByTestId("briefs-export")).toBeTruthy();
  });

  it("cancels a running export and says no file was kept", async () => {
    const user = userEvent.setup();
    let progress: (p: gateway.BriefsProgress) => void = () => undefined;
    api.onBriefsProgress.mockImplementation((handler) => {
      progress = handler;
      return Promise.resolve(() => undefined);
    });
    let finish: (r: BriefsExport | null) => void = () => undefined;
    api.exportBriefs.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    api.cancelBriefsExport.mockImplementation(() => {
      finish(null);
      return Promise.resolve();
    });
    renderWithProviders(<ExportBriefs query={emptyPartnershipQuery()} total={26} filtered={false} />);
    await user.click(screen.getByTestId("briefs-export"));
    await user.click(await screen.findByTestId("briefs-export-go"));
    act(() => progress({ done: 3, total: 26 }));
    await user.click(screen.getByTestId("briefs-export-cancel"));
    expect(api.cancelBriefsExport).toHaveBeenCalled();
    expect((await screen.findByTestId("toast")).textContent).toContain("Export annulé");
    expect(screen.queryByTestId("briefs-progress")).toBeNull();
  });

  it("says nothing when the folder dialog is cancelled", async () => {
    const user = userEvent.setup();
    api.onBriefsProgress.mockResolvedValue(() => undefined);
    api.exportBriefs.mockResolvedValue(null);
    renderWithProviders(<ExportBriefs query={emptyPartnershipQuery()} total={3} filtered={false} />);
    await user.click(screen.getByTestId("briefs-export"));
    await user.click(await screen.findByTestId("briefs-export-go"));
    await waitFor(() => expect(api.exportBriefs).toHaveBeenCalledWith(emptyPartnershipQuery(), false));
    await waitFor(() => expect(screen.getByTestId("briefs-export")).toBeTruthy());
    expect(screen.queryByTestId("toast")).toBeNull();
  });
});
