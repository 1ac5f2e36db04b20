import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import { DataProvider } from "../../app/data";
import { I18nProvider } from "../../i18n";
import { ClassifyDialog } from "./ClassifyDialog";
import { blankPartnership, QUESTIONS } from "./testFixtures";

vi.mock("../../api/gateway", () => ({
  classifyPartnership: vi.fn(),
  listClassificationQuestions: vi.fn(),
  updatePartnership: vi.fn(),
}));

const api = vi.mocked(gateway);

const P = blankPartnership({ title: "Paniers bio", stage: "exploration", version: 7 });

beforeEach(() => {
  api.classifyPartnership.mockReset().mockImplementation((yes) =>
    Promise.resolve(
      yes.includes("q1")
        ? { primary: "mecenat", secondary: [], mecenatKinds: yes.includes("q5") ? ["financier"] : [], reason: "C'est un mécénat.", reasonEn: "" }
        : { primary: null, secondary: [], mecenatKinds: [], reason: "Aucune réponse.", reasonEn: "" },
    ),
  );
  api.listClassificationQuestions.mockReset().mockResolvedValue(QUESTIONS);
  api.updatePartnership.mockReset();
});

function renderDialog(onSaved = vi.fn(), onReload = vi.fn(() => Promise.resolve())) {
  render(
    <I18nProvider initial="fr">
      <DataProvider>
        <ClassifyDialog partnership={P} onClose={vi.fn()} onSaved={onSaved} onReload={onReload} />
      </DataProvider>
    </I18nProvider>,
  );
  return { onSaved, onReload };
}

describe("ClassifyDialog", () => {
  it("shows q5–q8 only after q1 is yes and updates the proposal live", async () => {
    const user = userEvent.setup();
    renderDialog();
    expect(screen.queryByTestId("question-q5")).toBeNull();
    await waitFor(() => expect(screen.getByTestId("classify-proposal").textContent).toContain("Aucune réponse"));
    expect(screen.getByTestId<HTMLButtonElement>("classify-apply").disabled).toBe(true);
    await user.click(screen.getByTestId("answer-q1-yes"));
    expect(screen.getByTestId("question-q5")).toBeTruthy();
    await user.click(screen.getByTestId("answer-q5-yes"));
    await waitFor(() => expect(api.classifyPartnership).toHaveBeenLastCalledWith(["q1", "q5"]));
    await waitFor(() => expect(screen.getByTestId("classify-proposal").textContent).toContain("C'est un mécénat."));
    await user.click(screen.getByTestId("answer-q1-no"));
    expect(screen.queryByTestId("question-q5")).toBeNull();
  });

  it("applies with the loaded version", async () => {
    const user = userEvent.setup();
    api.updatePartnership.mockResolvedValue(P);
    const { onSaved } = renderDialog();
    await user.click(await screen.findByTestId("answer-q1-yes"));
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>("classify-apply").disabled).toBe(false));
    await user.click(screen.getByTestId("classify-apply"));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [id, version, input] = api.updatePartnership.mock.calls[0]!;
    expect([id, version]).toEqual(["p1", 7]);
    expect(input.modes).toEqual({ primary: "mecenat", secondary: [], mecenatKinds: [] });
  });

  it("reloads and says so on a conflict", async () => {
    const user = userEvent.setup();
    api.updatePartnership.mockRejectedValue({ kind: "conflict", message: "Modifié.", messageEn: "Changed.", fields: [] });
    const { onSaved, onReload } = renderDialog();
    await user.click(await screen.findByTestId("answer-q1-yes"));
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>("classify-apply").disabled).toBe(false));
    await user.click(screen.getByTestId("classify-apply"));
    await waitFor(() => expect(screen.getByTestId("form-error").textContent).toContain("rechargé"));
    expect(onReload).toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });
});
