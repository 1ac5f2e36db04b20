// « Exporter », « Doublons » and « Données personnelles » against a mocked
// gateway: an export's toast, a merge with its choices and undo, a refused
// merge, a dismissed pair, a person's data and the erasure's gate.
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import type { Actor } from "../../bindings/Actor";
import type { Contact } from "../../bindings/Contact";
import type { Duplicates } from "../../bindings/Duplicates";
import type { MergePreview } from "../../bindings/MergePreview";
import type { ExportSummary } from "../../bindings/ExportSummary";
import type { PersonExport } from "../../bindings/PersonExport";
import { renderWithProviders } from "../partnership/testFixtures";
import { DuplicatesTab } from "../duplicate/DuplicatesTab";
import { ExportTab } from "../export/ExportTab";
import { PrivacyTab } from "../person/PrivacyTab";

vi.mock("../../api/gateway", async () => {
  const { gatewayMock } = await import("../partnership/testFixtures");
  return gatewayMock(
    "saveExport",
    "saveExportAll",
    "scanDuplicates",
    "getMergePreview",
    "mergeDuplicates",
    "undoMerge",
    "listMerges",
    "dismissDuplicate",
    "getActor",
    "getPerson",
    "savePersonExport",
    "erasePerson",
    "matchPersonName",
    "search",
  );
});

const api = vi.mocked(gateway);

const actor = (over: Partial<Actor>): Actor => ({
  id: "a",
  kind: "entreprise",
  name: "Boulangerie Koenig & Fils",
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
  commune: { insee: "67462", name: "Sélestat" },
  sector: null,
  sizeBand: null,
  website: null,
  needs: [],
  offers: [],
  stakes: null,
  tags: ["alimentation"],
  notes: null,
  namedPartnerSince: null,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
  ...over,
});

const contact = (over: Partial<Contact>): Contact => ({
  id: "c1",
  actorId: "a",
  actorName: "Boulangerie Koenig & Fils",
  firstName: "Jean",
  lastName: "Koenig",
  role: "Gérant",
  email: "jean@koenig.fr",
  phone: null,
  legalBasis: "interet_legitime",
  source: "evenement",
  informedOn: "2026-03-12",
  consents: ["newsletter"],
  lastInitiatedOn: "2026-04-02",
  notes: null,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
  ...over,
});

const SCAN: Duplicates = {
  actors: [
    {
      a: { actor: actor({ id: "a" }), contacts: 1, partnerships: 0 },
      b: { actor: actor({ id: "b", name: "Boulangerie Koenig et Fils", tags: ["circuits courts"], website: "https://k.fr" }), contacts: 2, partnerships: 1 },
      keep: "b",
      reasons: [{ kind: "sameSiren" }, { kind: "sameName" }],
      why: ["même SIREN", "même nom"],
      score: 110,
    },
  ],
  contacts: [{ a: contact({ id: "c1" }), b: contact({ id: "c2", role: "Co-gérant" }), keep: "a", reasons: [{ kind: "sameEmail" }], why: ["même e-mail"], score: 90 }],
  actorPairs: 412,
  contactPairs: 1,
  maxListed: 300,
};

/** The core's preview (get_merge_preview) of the actor pair, « b » kept. */
const ACTOR_PREVIEW: MergePreview = {
  keepId: "b",
  otherId: "a",
  fields: [
    {
      field: "name",
      kind: "scalar",
      keep: "Boulangerie Koenig et Fils",
      other: "Boulangerie Koenig & Fils",
      sides: ["keep", "other"],
      defaultSide: "keep",
      results: [
        { side: "keep", value: "Boulangerie Koenig et Fils", origin: "keep" },
        { side: "other", value: "Boulangerie Koenig & Fils", origin: "other" },
      ],
    },
    {
      field: "website",
      kind: "scalar",
      keep: "https://k.fr",
      other: null,
      sides: [],
      defaultSide: "keep",
      results: [{ side: "keep", value: "https://k.fr", origin: "keep" }],
    },
    {
      field: "tags",
      kind: "list",
      keep: [{ key: "circuits courts", text: "circuits courts" }],
      other: [{ key: "alimentation", text: "alimentation" }],
      sides: ["keep", "other", "both"],
      defaultSide: "both",
      results: [
        { side: "keep", value: [{ key: "circuits courts", text: "circuits courts" }], origin: "keep" },
        { side: "other", value: [{ key: "alimentation", text: "alimentation" }], origin: "other" },
        {
          side: "both",
          value: [
            { key: "circuits courts", text: "circuits courts" },
            { key: "alimentation", text: "alimentation" },
          ],
          origin: "both",
        },
      ],
    },
  ],
};

/** The core's preview of the contact pair, « c1 » kept: only the role differs. */
const CONTACT_PREVIEW: MergePreview = {
  keepId: "c1",
  otherId: "c2",
  fields: [
    {
      field: "lastName",
      kind: "scalar",
      keep: "Jean Koenig",
      other: "Jean Koenig",
      sides: [],
      defaultSide: "keep",
      results: [{ side: "keep", value: "Jean Koenig", origin: "keep" }],
    },
    {
      field: "role",
      kind: "scalar",
      keep: "Gérant",
      other: "Co-gérant",
      sides: ["keep", "other"],
      defaultSide: "keep",
      results: [
        { side: "keep", value: "Gérant", origin: "keep" },
        { side: "other", value: "Co-gérant", origin: "other" },
      ],
    },
  ],
};

beforeEach(() => {
  vi.resetAllMocks();
  window.location.hash = "";
  api.listMerges.mockResolvedValue([]);
  api.scanDuplicates.mockResolvedValue(structuredClone(SCAN));
  api.getMergePreview.mockImplementation((entity) => Promise.resolve(structuredClone(entity === "actor" ? ACTOR_PREVIEW : CONTACT_PREVIEW)));
});

describe("export", () => {
  it("disables every button while one runs, then names the rows and the file", async () => {
    let finish: (s: ExportSummary | null) => void = () => undefined;
    api.saveExport.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const user = userEvent.setup();
    renderWithProviders(<ExportTab />);
    await user.click(screen.getByTestId("export-actors-csv"));
    expect(api.saveExport).toHaveBeenCalledWith("actors", "csv");
    expect(screen.getByTestId<HTMLButtonElement>("export-contacts-json").disabled).toBe(true);
    expect(screen.getByTestId<HTMLButtonElement>("export-all").disabled).toBe(true);
    await act(async () => finish({ path: "/home/moi/acteurs.csv", rows: 66 }));
    expect((await screen.findByTestId("toast")).textContent).toContain("66 acteurs exportés dans /home/moi/acteurs.csv");
    expect(screen.getByTestId<HTMLButtonElement>("export-all").disabled).toBe(false);
  });

  it("says nothing when the dialog is cancelled, and why an export failed", async () => {
    api.saveExportAll.mockResolvedValueOnce(null);
    const user = userEvent.setup();
    renderWithProviders(<ExportTab />);
    await user.click(screen.getByTestId("export-all"));
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>("export-all").disabled).toBe(false));
    expect(screen.queryByTestId("toast")).toBeNull();
    api.saveExport.mockRejectedValueOnce({ kind: "diskFull", message: "Le disque est plein.", messageEn: "Disk full.", fields: [] });
    await user.click(screen.getByTestId("export-partnerships-xlsx"));
    expect((await screen.findByTestId("export-error")).textContent).toContain("Le disque est plein.");
  });
});

describe("duplicates", () => {
  it("scans on opening and shows counts, the truncation and both records with why", async () => {
    renderWithProviders(<DuplicatesTab />);
    const counts = await screen.findByTestId("duplicates-counts");
    expect(counts.textContent).toContain("412 doublons possibles d'organisations, 1 de contacts");
    expect(counts.textContent).toContain("Les 300 plus probables");
    const card = screen.getByTestId("duplicate-actor");
    expect(within(card).getAllByTestId("pair-side")).toHaveLength(2);
    expect(within(card).getAllByTestId("duplicate-reason").map((c) => c.textContent)).toEqual(["même SIREN", "même nom"]);
    expect(card.textContent).toContain("1 partenariat · 2 contacts");
  });

  it("merges into the record with more partnerships with the chosen values, then offers undo", async () => {
    api.mergeDuplicates.mockResolvedValue({ mergeId: "mrg-1", keptId: "b", backup: null });
    api.undoMerge.mockResolvedValue({ id: "mrg-1", entity: "actor", keptId: "b", mergedId: "a", createdAt: "", undoneAt: "" });
    const user = userEvent.setup();
    renderWithProviders(<DuplicatesTab />);
    await user.click(within(await screen.findByTestId("duplicate-actor")).getByTestId("duplicate-merge"));
    const dialog = await screen.findByTestId("merge-dialog");
    expect(within(dialog).getByTestId<HTMLInputElement>("merge-keep-b").querySelector("input")?.checked).toBe(true);
    const rows = (await within(dialog).findAllByTestId("merge-field")).map((r) => r.dataset.field);
    expect(api.getMergePreview).toHaveBeenCalledWith("actor", "b", "a");
    expect(rows).toEqual(["name", "tags"]);
    expect(within(dialog).getByTestId<HTMLInputElement>("merge-side-tags-both").checked).toBe(true);
    expect(within(dialog).queryByTestId("merge-side-name-both")).toBeNull();
    await user.click(within(dialog).getByTestId("merge-side-name-other"));
    expect(within(screen.getByTestId("merge-preview")).getByText("Boulangerie Koenig & Fils")).toBeTruthy();
    await user.click(within(dialog).getByTestId("merge-confirm"));
    expect(api.mergeDuplicates).toHaveBeenCalledWith("actor", "b", "a", { fields: { name: "other", tags: "both" } });
    const toast = await screen.findByTestId("toast");
    expect(toast.textContent).toContain("«\u00a0Boulangerie Koenig & Fils\u00a0»");
    await user.click(within(toast).getByText("Annuler la fusion"));
    expect(api.undoMerge).toHaveBeenCalledWith("mrg-1");
    expect((await screen.findByText("Fusion annulée : les deux fiches sont de nouveau séparées.")).textContent).toBeTruthy();
  });

  it("keeps the dialog open with the backend's message when a merge is refused; Esc closes it", async () => {
    api.mergeDuplicates.mockRejectedValue({ kind: "invalid", message: "Le SIRET ne commence pas par le SIREN.", messageEn: "x", fields: [] });
    const user = userEvent.setup();
    renderWithProviders(<DuplicatesTab />);
    await user.click(within(await screen.findByTestId("duplicate-contact")).getByTestId("duplicate-merge"));
    const dialog = await screen.findByTestId("merge-dialog");
    await within(dialog).findAllByTestId("merge-field");
    await user.keyboard("{Enter}");
    expect((await within(dialog).findByTestId("merge-error")).textContent).toContain("Le SIRET ne commence pas par le SIREN.");
    expect(api.mergeDuplicates).toHaveBeenCalledWith("contact", "c1", "c2", { fields: { role: "keep" } });
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("merge-dialog")).toBeNull());
  });

  it("shows the core's preview of the record chosen to keep, and why a preview failed", async () => {
    // Asked both ways at once: « a » kept first (refused), then « b » kept.
    api.getMergePreview.mockRejectedValueOnce({ kind: "notFound", message: "Cette fiche n'existe plus.", messageEn: "Gone.", fields: [] });
    const user = userEvent.setup();
    renderWithProviders(<DuplicatesTab />);
    await user.click(within(await screen.findByTestId("duplicate-actor")).getByTestId("duplicate-merge"));
    const dialog = await screen.findByTestId("merge-dialog");
    expect(await within(dialog).findAllByTestId("merge-field")).toHaveLength(2);
    expect(api.getMergePreview).toHaveBeenCalledWith("actor", "a", "b");
    await user.click(within(within(dialog).getByTestId("merge-keep-a")).getByRole("radio"));
    expect((await within(dialog).findByTestId("merge-preview-error")).textContent).toContain("Cette fiche n'existe plus.");
    expect(within(dialog).queryByTestId("merge-field")).toBeNull();
    expect(within(dialog).getByTestId<HTMLButtonElement>("merge-confirm").disabled).toBe(true);
  });

  it("dismisses a pair for good", async () => {
    api.dismissDuplicate.mockResolvedValue(undefined);
    // The rescan after the dismissal no longer finds the pair.
    api.scanDuplicates.mockResolvedValueOnce(structuredClone(SCAN)).mockResolvedValue({ ...structuredClone(SCAN), contacts: [], contactPairs: 0 });
    const user = userEvent.setup();
    renderWithProviders(<DuplicatesTab />);
    await user.click(within(await screen.findByTestId("duplicate-contact")).getByTestId("duplicate-dismiss"));
    expect(api.dismissDuplicate).toHaveBeenCalledWith("contact", "c1", "c2");
    await waitFor(() => expect(screen.queryByTestId("duplicate-contact")).toBeNull());
  });
});

const PERSON: PersonExport = {
  about: "Données personnelles",
  exportedAt: "2026-11-26T10:00:00Z",
  contact: contact({}),
  mergedRecords: [contact({ id: "c0", email: "jk@old.fr" })],
  partnerships: [{ id: "prt-1", title: "Paniers solidaires", stage: "exploration", role: "Référent" }],
  mentions: [{ entity: "partnership", id: "prt-1", title: "Paniers solidaires", field: "timeline", text: "Appel de Jean Koenig", at: "2026-05-02" }],
};

describe("personal data", () => {
  it("finds a contact by typing and opens it with the arrow keys and Enter", async () => {
    api.search.mockResolvedValue([
      { entity: "actor", id: "a", actorId: null, kind: "entreprise", title: "Koenig SA", subtitle: "" },
      { entity: "contact", id: "c1", actorId: "a", kind: "entreprise", title: "Jean Koenig", subtitle: "Gérant" },
      { entity: "contact", id: "c9", actorId: "a", kind: "entreprise", title: "Anne Koenig", subtitle: "" },
    ]);
    const user = userEvent.setup();
    renderWithProviders(<PrivacyTab personId={null} />);
    await user.type(screen.getByTestId("privacy-search"), "koenig");
    await waitFor(() => expect(screen.getAllByTestId("privacy-result")).toHaveLength(2));
    await user.keyboard("{ArrowDown}{Enter}");
    expect(window.location.hash).toBe("#/donnees/personnes/c9");
  });

  it("shows the record, merged records, partnerships and mentions, and exports them", async () => {
    api.getPerson.mockResolvedValue(PERSON);
    api.savePersonExport.mockResolvedValue("/home/moi/jean.json");
    const user = userEvent.setup();
    renderWithProviders(<PrivacyTab personId="c1" />);
    expect((await screen.findByTestId("person-name")).textContent).toBe("Jean Koenig");
    expect(screen.getByTestId("person-facts").textContent).toContain("Événement");
    expect(screen.getByTestId("person-merged").textContent).toContain("jk@old.fr");
    expect(within(screen.getByTestId("person-partnerships")).getByRole("link", { name: "Paniers solidaires" }).getAttribute("href")).toBe("#/partenariats/prt-1");
    expect(screen.getByTestId("person-mention").textContent).toContain("Appel de Jean Koenig");
    await user.click(screen.getByTestId("person-export"));
    expect((await screen.findByTestId("toast")).textContent).toContain("/home/moi/jean.json");
  });

  it("erases only once the name is typed and the box ticked, then sums up and resets", async () => {
    api.getPerson.mockResolvedValue(PERSON);
    api.erasePerson.mockResolvedValue({ records: 5, backup: "/b.sqlite3" });
    // The core's answer (domain::contact::erasure_name_matches, tested there).
    api.matchPersonName.mockImplementation((_expected, typed) => Promise.resolve(typed === "jean koenig"));
    const user = userEvent.setup();
    renderWithProviders(<PrivacyTab personId="c1" />);
    await user.click(await screen.findByTestId("person-erase"));
    const confirm = screen.getByTestId<HTMLButtonElement>("erase-confirm");
    expect(screen.getByTestId("erase-steps").textContent).toContain("1 fiche fusionnée");
    expect(confirm.disabled).toBe(true);
    await user.click(screen.getByTestId("erase-understand"));
    expect(confirm.disabled).toBe(true);
    await user.type(screen.getByTestId("erase-name"), "jean koenig");
    await waitFor(() => expect(confirm.disabled).toBe(false));
    await user.click(confirm);
    expect(api.erasePerson).toHaveBeenCalledWith("c1");
    await waitFor(() => expect(window.location.hash).toBe("#/donnees/personnes"));
  });
});
