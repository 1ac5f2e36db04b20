import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import { ToastProvider } from "../../app/toasts";
import type { SearchHit } from "../../bindings/SearchHit";
import { I18nProvider } from "../../i18n";
import { GlobalSearch } from "./GlobalSearch";

vi.mock("../../api/gateway", () => ({ search: vi.fn() }));

const api = vi.mocked(gateway);

const hit = {
  entity: "actor",
  id: "a1",
  actorId: null,
  kind: "association",
  title: "Les Restos du Cœur du Ried",
  subtitle: "Sélestat",
} as unknown as SearchHit;

function renderSearch() {
  return render(
    <I18nProvider>
      <ToastProvider>
        <GlobalSearch />
      </ToastProvider>
    </I18nProvider>,
  );
}

describe("the top bar's search", () => {
  beforeEach(() => {
    api.search.mockReset();
    api.search.mockResolvedValue([hit]);
  });

  it("opens empty on Ctrl+K after a search was left with Esc", async () => {
    const user = userEvent.setup();
    renderSearch();
    const input = screen.getByTestId<HTMLInputElement>("global-search");
    await user.click(input);
    await user.type(input, "restos");
    await waitFor(() => expect(screen.getAllByTestId("search-result")).toHaveLength(1));
    await user.keyboard("{Escape}");
    fireEvent.keyDown(window, { key: "k", ctrlKey: true });
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe("");
    expect(screen.queryByTestId("search-result")).toBeNull();
  });

  it("forgets the query when the person clicks elsewhere", async () => {
    const user = userEvent.setup();
    renderSearch();
    const input = screen.getByTestId<HTMLInputElement>("global-search");
    await user.click(input);
    await user.type(input, "restos");
    await waitFor(() => expect(screen.getAllByTestId("search-result")).toHaveLength(1));
    await user.click(document.body);
    expect(input.value).toBe("");
    fireEvent.keyDown(window, { key: "k", ctrlKey: true });
    expect(screen.queryByTestId("search-result")).toBeNull();
  });
});
