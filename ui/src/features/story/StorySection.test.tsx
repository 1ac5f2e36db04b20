// The « Belles histoires » section of a partnership page, against a mocked
// gateway: the list, a story opened with the values the core sends, writing
// one with a quote, the core's field error under its field, a photo refused
// with the core's message, and printing for publication.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import type { Indicator } from "../../bindings/Indicator";
import type { Story } from "../../bindings/Story";
import type { StoryDetail } from "../../bindings/StoryDetail";
import { renderWithProviders } from "../partnership/testFixtures";
import { StorySection } from "./StorySection";

vi.mock("../../api/gateway", async () => {
  const { gatewayMock } = await import("../partnership/testFixtures");
  return gatewayMock(
    "listStories",
    "getStory",
    "validateStory",
    "createStory",
    "updateStory",
    "deleteStory",
    "restoreStory",
    "pickFile",
    "addStoryPhoto",
    "updateStoryPhoto",
    "deleteStoryPhoto",
    "restoreStoryPhoto",
    "getStoryPhoto",
    "saveStoryPdf",
  );
});

const api = vi.mocked(gateway);

const INDICATORS: Indicator[] = [
  { name: "Élèves accueillis", unit: "élèves", baseline: 0, target: 40, measures: [{ on: "2026-01-15", value: 31 }], level: null, theme: null },
];

function story(patch: Partial<Story> = {}): Story {
  return {
    id: "s1",
    partnershipId: "p1",
    headline: "Des élèves sous le chapiteau",
    need: "Pas de sortie culturelle.",
    action: "Le cirque ouvre ses répétitions.",
    change: "Les classes y vont chaque trimestre.",
    indicators: ["Élèves accueillis"],
    quotes: [
      { text: "Ils en parlent encore", author: "Marie, enseignante", publishable: true },
      { text: "Le budget est serré", author: "Le directeur", publishable: false },
    ],
    photos: [{ id: "ph1", caption: "La piste", credit: "Jean", publishable: true, width: 1600, height: 1067, fileName: "piste.jpg" }],
    version: 3,
    createdAt: "2026-02-01T10:00:00Z",
    updatedAt: "2026-02-01T10:00:00Z",
    ...patch,
  };
}

function detail(s: Story = story()): StoryDetail {
  return {
    story: s,
    partnershipTitle: "Le cirque à l'école",
    partners: ["Cirque Gruss", "École Jean Macé"],
    indicators: [{ name: "Élèves accueillis", unit: "élèves", baseline: 0, target: 40, value: 31, measuredOn: "2026-01-15", missing: false }],
  };
}

const SUMMARY = { id: "s1", headline: "Des élèves sous le chapiteau", quoteCount: 2, photoCount: 1, publishableCount: 2, updatedAt: "2026-02-01T10:00:00Z" };

beforeEach(() => {
  api.listStories.mockReset().mockResolvedValue([SUMMARY]);
  api.getStory.mockReset().mockResolvedValue(detail());
  api.validateStory.mockReset().mockResolvedValue([]);
  api.createStory.mockReset();
  api.pickFile.mockReset();
  api.addStoryPhoto.mockReset();
  api.getStoryPhoto.mockReset().mockResolvedValue("data:image/jpeg;base64,AAAA");
  api.saveStoryPdf.mockReset();
});

describe("Belles histoires", () => {
  it("lists the stories and opens one with the indicator values the core read", async () => {
    const user = userEvent.setup();
    renderWithProviders(<StorySection partnershipId="p1" indicators={INDICATORS} />);
    const row = await screen.findByTestId("story-row");
    expect(row.textContent).toContain("Des élèves sous le chapiteau");
    expect(row.textContent).toContain("2 citations · 1 photo");
    await user.click(within(row).getByTestId("story-open"));
    expect(api.getStory).toHaveBeenCalledWith("s1");
    const view = await screen.findByTestId("story-view");
    expect(within(view).getByTestId("story-indicator-value").textContent).toContain("31\u00a0élèves");
    const quotes = within(view).getAllByTestId("story-view-quote").map((q) => q.textContent);
    expect(quotes[0]).toContain("«\u00a0Ils en parlent encore\u00a0»");
    expect(quotes[0]).toContain("Publiable");
    expect(quotes[1]).toContain("Non publiable");
    const img = await within(view).findByTestId<HTMLImageElement>("story-photo-img");
    expect(img.src).toBe("data:image/jpeg;base64,AAAA");
    expect(img.alt).toBe("La piste");
    expect(api.getStoryPhoto).toHaveBeenCalledWith("ph1", true);
    expect(within(row).getByTestId("story-open").getAttribute("aria-expanded")).toBe("true");
  });

  it("writes a story with an indicator and a publishable quote, and shows the core's field error first", async () => {
    const user = userEvent.setup();
    api.listStories.mockResolvedValueOnce([]);
    api.createStory
      .mockRejectedValueOnce({
        kind: "invalid",
        message: "Le titre est vide.",
        messageEn: "The headline is empty.",
        fields: [{ field: "headline", message: "Le titre est vide : donnez un titre à l'histoire.", messageEn: "The headline is empty." }],
      })
      .mockResolvedValueOnce(story({ id: "s2", headline: "Souffler enfin" }));
    renderWithProviders(<StorySection partnershipId="p1" indicators={INDICATORS} />);
    expect((await screen.findByTestId("partnership-stories")).textContent).toContain("Aucune histoire");
    await user.click(screen.getByTestId("story-add"));
    const dialog = await screen.findByTestId("story-dialog");
    await user.click(within(dialog).getByTestId("story-indicator"));
    await user.click(within(dialog).getByTestId("story-quote-add"));
    await user.type(within(dialog).getByTestId("field-quotes.0.text"), "Une vraie nuit");
    await user.type(within(dialog).getByTestId("field-quotes.0.author"), "Une aidante");
    await user.click(within(dialog).getByTestId("story-quote-publishable"));
    await user.click(within(dialog).getByTestId("form-submit"));
    expect((await within(dialog).findByTestId("error-headline")).textContent).toContain("Le titre est vide");
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByTestId("field-headline")));

    await user.type(within(dialog).getByTestId("field-headline"), "Souffler enfin");
    api.listStories.mockResolvedValue([{ ...SUMMARY, id: "s2", headline: "Souffler enfin" }]);
    api.getStory.mockResolvedValue(detail(story({ id: "s2", headline: "Souffler enfin" })));
    await user.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(api.createStory).toHaveBeenCalledTimes(2));
    expect(api.createStory.mock.calls[1]).toEqual([
      "p1",
      {
        headline: "Souffler enfin",
        need: "",
        action: "",
        change: "",
        indicators: ["Élèves accueillis"],
        quotes: [{ text: "Une vraie nuit", author: "Une aidante", publishable: true }],
      },
    ]);
    await waitFor(() => expect(screen.queryByTestId("story-dialog")).toBeNull());
    expect((await screen.findByTestId("story-view")).textContent).toContain("Pas de sortie culturelle");
  });

  it("adds a photo chosen in the open dialog and shows the core's refusal of a file that is not one", async () => {
    const user = userEvent.setup();
    api.pickFile.mockResolvedValue("/home/moi/compte-rendu.jpg");
    api.addStoryPhoto.mockRejectedValueOnce({
      kind: "invalid",
      message: "« compte-rendu.jpg » n'est pas une photo JPEG ou PNG : choisissez un fichier .jpg, .jpeg ou .png. Rien n'a été ajouté.",
      messageEn: "\"compte-rendu.jpg\" is not a JPEG or PNG photo.",
      fields: [],
    });
    renderWithProviders(<StorySection partnershipId="p1" indicators={INDICATORS} />);
    await user.click(await screen.findByTestId("story-open"));
    await user.click(await screen.findByTestId("story-photo-add"));
    expect(api.pickFile).toHaveBeenCalledWith("photo");
    const dialog = await screen.findByTestId("photo-dialog");
    expect(dialog.textContent).toContain("Ajouter «\u00a0compte-rendu.jpg\u00a0»");
    await user.type(within(dialog).getByTestId("field-caption"), "Le carnet");
    await user.click(within(dialog).getByTestId("form-submit"));
    expect((await within(dialog).findByTestId("form-error")).textContent).toContain("« compte-rendu.jpg » n'est pas une photo JPEG ou PNG");
    expect(api.addStoryPhoto).toHaveBeenCalledWith("s1", "/home/moi/compte-rendu.jpg", { caption: "Le carnet", credit: "", publishable: false });

    api.addStoryPhoto.mockResolvedValueOnce(story());
    await user.click(within(dialog).getByTestId("form-submit"));
    await waitFor(() => expect(screen.queryByTestId("photo-dialog")).toBeNull());
    expect((await screen.findByTestId("toast")).textContent).toContain("Photo «\u00a0compte-rendu.jpg\u00a0» ajoutée");
  });

  it("deletes a story after asking, with undo", async () => {
    const user = userEvent.setup();
    api.deleteStory.mockReset().mockResolvedValue(undefined);
    api.restoreStory.mockReset().mockResolvedValue(story());
    renderWithProviders(<StorySection partnershipId="p1" indicators={INDICATORS} />);
    await user.click(await screen.findByTestId("story-open"));
    api.listStories.mockResolvedValue([]);
    await user.click(await screen.findByTestId("story-remove"));
    await user.click(await screen.findByTestId("confirm-ok"));
    await waitFor(() => expect(api.deleteStory).toHaveBeenCalledWith("s1"));
    const toast = await screen.findByTestId("toast");
    expect(toast.textContent).toContain("Histoire «\u00a0Des élèves sous le chapiteau\u00a0» supprimée.");
    expect(screen.queryByTestId("story-row")).toBeNull();
    api.listStories.mockResolvedValue([SUMMARY]);
    await user.click(within(toast).getByRole("button", { name: /Annuler/ }));
    await waitFor(() => expect(api.restoreStory).toHaveBeenCalledWith("s1"));
    expect(await screen.findByTestId("story-view")).toBeTruthy();
  });

  it("prints for publication or internal use through the shell", async () => {
    const user = userEvent.setup();
    api.saveStoryPdf.mockResolvedValue("/home/moi/histoire.pdf");
    renderWithProviders(<StorySection partnershipId="p1" indicators={INDICATORS} />);
    await user.click(await screen.findByTestId("story-open"));
    await user.click(await screen.findByTestId("story-print-publication"));
    expect(api.saveStoryPdf).toHaveBeenCalledWith("s1", true);
    expect((await screen.findByTestId("toast")).textContent).toContain("/home/moi/histoire.pdf");
    await user.click(screen.getByTestId("story-print-internal"));
    expect(api.saveStoryPdf).toHaveBeenLastCalledWith("s1", false);
  });
});
