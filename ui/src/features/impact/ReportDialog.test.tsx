import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import type { ReportStoryChoice } from "../../bindings/ReportStoryChoice";
import { renderWithProviders } from "../partnership/testFixtures";
import { emptyImpactFilters } from "./model";
import { ReportDialog } from "./ReportDialog";

vi.mock("../../api/gateway", async () => {
  const { gatewayMock } = await import("../partnership/testFixtures");
  return gatewayMock("listImpactStories", "saveImpactReport");
});

const api = vi.mocked(gateway);

const choice = (id: string, headline: string, publishableCount: number): ReportStoryChoice => ({
  partnershipId: `p-${id}`,
  partnershipTitle: `Partenariat ${id}`,
  story: { id, headline, quoteCount: 1, photoCount: 1, publishableCount, updatedAt: "2026-11-30T10:00:00Z" },
});

beforeEach(() => {
  window.localStorage.clear();
  api.listImpactStories.mockReset().mockResolvedValue([choice("s1", "Souffler enfin", 2), choice("s2", "Le pain du lundi", 0)]);
  api.saveImpactReport.mockReset().mockResolvedValue("/tmp/rapport-impact-2026.pdf");
});

describe("ReportDialog", () => {
  it("sends the page's filters, the typed texts and the stories left ticked, then remembers the publisher", async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    const filters = { ...emptyImpactFilters(), departement: "68" };
    renderWithProviders(<ReportDialog filters={filters} onClose={onClose} />);
    expect(api.listImpactStories).toHaveBeenCalledWith(filters);
    const boxes = await screen.findAllByTestId("impact-report-story");
    expect(boxes).toHaveLength(2);
    expect(screen.getByText(/rien de publiable/)).toBeTruthy();
    await user.click(boxes[1]!);
    await user.type(screen.getByTestId("field-report-publisher"), "Labo d'Alsace");
    await user.click(screen.getByTestId("impact-report-save"));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.saveImpactReport).toHaveBeenCalledWith({ filters, title: "", publisher: "Labo d'Alsace", stories: ["s1"] });
    expect(window.localStorage.getItem("tisserand.impact.publisher")).toBe("Labo d'Alsace");
  });

  it("shows the core's refusal under the field it names and keeps the dialog open", async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    api.saveImpactReport.mockRejectedValue({
      kind: "invalid",
      message: "Le titre dépasse 120 caractères : raccourcissez-le.",
      messageEn: "The title is longer than 120 characters: shorten it.",
      fields: [{ field: "title", message: "Le titre dépasse 120 caractères : raccourcissez-le.", messageEn: "The title is longer than 120 characters: shorten it." }],
    });
    renderWithProviders(<ReportDialog filters={emptyImpactFilters()} onClose={onClose} />);
    await screen.findAllByTestId("impact-report-story");
    await user.type(screen.getByTestId("field-report-title"), "Un titre{Enter}");
    expect((await screen.findByTestId("error-report-title")).textContent).toContain("raccourcissez");
    expect(onClose).not.toHaveBeenCalled();
  });

  it("says so when no story is written for the filters", async () => {
    api.listImpactStories.mockResolvedValue([]);
    renderWithProviders(<ReportDialog filters={emptyImpactFilters()} onClose={vi.fn()} />);
    expect((await screen.findByTestId("impact-report-no-story")).textContent).toContain("Aucune histoire");
  });
});
