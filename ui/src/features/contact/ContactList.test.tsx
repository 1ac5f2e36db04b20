// Annuaire › Contacts against a mocked gateway: filters reach the query,
// Space ticks a row, Ctrl+A ticks every matching one, the export sends that
// selection and shows what the core left out, and why.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import type { ContactQuery } from "../../bindings/ContactQuery";
import type { ContactSummary } from "../../bindings/ContactSummary";
import { renderWithProviders } from "../partnership/testFixtures";
import { ContactList, forgetContactFilters, NO_CONTACT_FILTERS, toSelection } from "./ContactList";

vi.mock("../../api/gateway", async () => {
  const { gatewayMock } = await import("../partnership/testFixtures");
  return gatewayMock("listContacts", "getActorFacets", "saveContactsExport");
});

const api = vi.mocked(gateway);

function contact(id: string, first: string, last: string, extra: Partial<ContactSummary> = {}): ContactSummary {
  return {
    id,
    firstName: first,
    lastName: last,
    role: null,
    email: `${first.toLowerCase()}@example.fr`,
    phone: null,
    actorId: "act-1",
    actorName: "Épicerie solidaire",
    actorKind: "association",
    commune: { insee: "67462", name: "Sélestat" },
    legalBasis: "interet_legitime",
    consents: [],
    mailingExclusion: null,
    ...extra,
  };
}

const ROWS = [
  contact("c1", "Anne", "Bauer", { consents: ["newsletter"] }),
  contact("c2", "Paul", "Henry", { consents: ["objection"], mailingExclusion: "objected" }),
  contact("c3", "Inès", "Roth"),
];

// The virtual list measures its box: give it one.
const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "clientHeight");
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => 600 });
});
afterAll(() => {
  if (height) Object.defineProperty(HTMLElement.prototype, "clientHeight", height);
});

beforeEach(() => {
  vi.resetAllMocks();
  forgetContactFilters();
  api.getActorFacets.mockResolvedValue({
    kinds: [{ value: "association", label: "association", count: 2 }],
    departements: [],
    communes: [{ value: "67462", label: "Sélestat (67)", count: 2 }],
    tags: [{ value: "reemploi", label: "réemploi", count: 1 }],
  });
  api.listContacts.mockImplementation((q: ContactQuery) => {
    const rows = q.consent === "objection" ? ROWS.filter((r) => r.consents.includes("objection")) : ROWS;
    return Promise.resolve({ total: rows.length, offset: q.offset, rows: rows.slice(q.offset, q.offset + (q.limit || 100)) });
  });
});

describe("contacts list", () => {
  it("sends ticked rows or every matching one", () => {
    expect(toSelection(NO_CONTACT_FILTERS, { all: false, ids: new Set() }).ids).toBeNull();
    expect(toSelection({ ...NO_CONTACT_FILTERS, text: " anne " }, { all: true })).toEqual({
      query: { text: "anne", kind: null, communeInsee: null, tag: null, consent: null, offset: 0, limit: 0 },
      ids: null,
    });
    expect(toSelection(NO_CONTACT_FILTERS, { all: false, ids: new Set(["c2"]) }).ids).toEqual(["c2"]);
  });

  it("lists contacts with their organisation and why a mailing leaves them out; filters reach the query", async () => {
    const user = userEvent.setup();
    renderWithProviders(<ContactList />);
    const rows = await screen.findAllByTestId("contact-row");
    expect(rows).toHaveLength(3);
    expect(rows[0]!.textContent).toContain("Anne Bauer");
    expect(rows[0]!.textContent).toContain("Épicerie solidaire");
    expect(rows[0]!.textContent).toContain("Lettre");
    expect(within(rows[1]!).getByTestId("contact-excluded").textContent).toBe("opposition aux envois");
    expect(rows[0]!.textContent).toContain("Invitable");
    expect(screen.getByTestId("contacts-count").textContent).toBe("3 contacts");

    await user.selectOptions(screen.getByTestId("contacts-filter-consent"), "objection");
    await waitFor(() => expect(screen.getAllByTestId("contact-row")).toHaveLength(1));
    expect(api.listContacts).toHaveBeenLastCalledWith(expect.objectContaining({ consent: "objection", kind: null }));
    await user.selectOptions(screen.getByTestId("contacts-filter-kind"), "association");
    await waitFor(() => expect(api.listContacts).toHaveBeenLastCalledWith(expect.objectContaining({ consent: "objection", kind: "association" })));
  });

  it("ticks rows by keyboard, exports them, and says who was left out and why", async () => {
    api.saveContactsExport.mockResolvedValue({
      path: "/docs/invitations-2026-12-07.csv",
      rows: 1,
      leftOut: [{ reason: "objected", count: 1 }],
    });
    const user = userEvent.setup();
    renderWithProviders(<ContactList />);
    await screen.findAllByTestId("contact-row");
    const list = screen.getByTestId("contact-list");
    fireEvent.keyDown(list, { key: "ArrowDown" });
    fireEvent.keyDown(list, { key: " " });
    fireEvent.keyDown(list, { key: "ArrowDown" });
    fireEvent.keyDown(list, { key: " " });
    expect(screen.getByTestId("contacts-selection").textContent).toContain("2 contacts sélectionnés");
    const button = screen.getByTestId("contacts-export");
    expect(button.textContent).toContain("Exporter 2 contacts pour un publipostage");
    await user.selectOptions(screen.getByTestId("contacts-export-format"), "xlsx");
    await user.click(button);
    expect(api.saveContactsExport).toHaveBeenCalledWith(expect.objectContaining({ ids: ["c1", "c2"] }), "xlsx");
    const result = await screen.findByTestId("contacts-export-result");
    expect(result.textContent).toContain("1 contact exporté dans «\u00a0invitations-2026-12-07.csv\u00a0».");
    expect(result.textContent).toContain("1 contact laissé de côté\u00a0:");
    expect(within(result).getByTestId("contacts-left-out").textContent).toContain("opposition aux envois (1)");

    // Ctrl+A: every matching contact, whatever is loaded.
    fireEvent.keyDown(list, { key: "a", ctrlKey: true });
    expect(screen.getByTestId("contacts-selection").textContent).toContain("Les 3 contacts correspondants sont sélectionnés");
    await user.click(screen.getByTestId("contacts-export"));
    expect(api.saveContactsExport).toHaveBeenLastCalledWith(expect.objectContaining({ ids: null }), "xlsx");
  });

  it("shows a refused export next to the list", async () => {
    api.saveContactsExport.mockRejectedValue({
      kind: "invalid",
      message: "Aucun contact de la sélection ne peut recevoir d'invitation : opposition aux envois (1) ; rien n'a été écrit.",
      messageEn: "No contact.",
      fields: [],
    });
    const user = userEvent.setup();
    renderWithProviders(<ContactList />);
    await screen.findAllByTestId("contact-row");
    await user.click(screen.getByTestId("contacts-export"));
    expect((await screen.findByTestId("contacts-export-error")).textContent).toContain("opposition aux envois (1)");
  });
});
