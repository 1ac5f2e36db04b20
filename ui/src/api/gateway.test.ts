// The gateway is the one module allowed to call `invoke`: this test mocks
// Tauri's `invoke` to check names, arguments and error normalisation.
import { beforeEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) as unknown }));
const listen = vi.fn();
vi.mock("@tauri-apps/api/event", () => ({ listen: (...args: unknown[]) => listen(...args) as unknown }));

const gateway = await import("./gateway");

beforeEach(() => {
  invoke.mockReset();
});

describe("gateway", () => {
  it("calls each command by its snake_case name with camelCase arguments", async () => {
    invoke.mockResolvedValue({ total: 0, offset: 0, rows: [] });
    const query = { text: "emmaüs", kind: null, communeInsee: null, departement: "67", tag: null, offset: 100, limit: 100 };
    await gateway.listActors(query);
    expect(invoke).toHaveBeenLastCalledWith("list_actors", { query });

    invoke.mockResolvedValue({});
    await gateway.updateActor("a1", {} as never);
    expect(invoke).toHaveBeenLastCalledWith("update_actor", { id: "a1", input: {} });

    invoke.mockResolvedValue([]);
    await gateway.search("wolff", 12);
    expect(invoke).toHaveBeenLastCalledWith("search", { text: "wolff", limit: 12 });
    await gateway.searchCommunes("selest", 8);
    expect(invoke).toHaveBeenLastCalledWith("search_communes", { text: "selest", limit: 8 });

    invoke.mockResolvedValue(null);
    await expect(gateway.deleteActor("a1")).resolves.toBeUndefined();
    expect(invoke).toHaveBeenLastCalledWith("delete_actor", { id: "a1" });
    await gateway.restoreContact("c1");
    expect(invoke).toHaveBeenLastCalledWith("restore_contact", { id: "c1" });

    invoke.mockResolvedValue({ actors: 30, contacts: 12 });
    await expect(gateway.loadDemo()).resolves.toEqual({ actors: 30, contacts: 12 });
    expect(invoke).toHaveBeenLastCalledWith("load_demo", undefined);
  });

  it("calls the document commands and hands over the briefs-progress payloads", async () => {
    invoke.mockResolvedValue(null);
    await expect(gateway.saveDocument("p1", "agreement")).resolves.toBeNull();
    expect(invoke).toHaveBeenLastCalledWith("save_document", { id: "p1", kind: "agreement" });
    const query = { mode: "mecenat", stage: null } as never;
    await gateway.exportBriefs(query, true);
    expect(invoke).toHaveBeenLastCalledWith("export_briefs", { query, combined: true });
    const text = { preamble: null, clauses: [{ title: "Assurances", body: "" }] };
    await gateway.setPartnershipAgreement("p1", 3, text);
    expect(invoke).toHaveBeenLastCalledWith("set_partnership_agreement", { id: "p1", version: 3, text });

    const unlisten = vi.fn();
    listen.mockImplementation((_event: string, handler: (e: { payload: unknown }) => void) => {
      handler({ payload: { done: 2, total: 5 } });
      return Promise.resolve(unlisten);
    });
    const seen: unknown[] = [];
    const stop = await gateway.onBriefsProgress((p) => seen.push(p));
    expect(listen).toHaveBeenCalledWith("briefs-progress", expect.any(Function));
    expect(seen).toEqual([{ done: 2, total: 5 }]);
    stop();
    expect(unlisten).toHaveBeenCalled();
  });

  it("passes an AppError rejection through unchanged", async () => {
    const error = {
      kind: "notFound",
      message: "Cet acteur n'existe pas ou a été supprimé.",
      messageEn: "This actor does not exist or was deleted.",
      fields: [],
    };
    invoke.mockRejectedValue(error);
    await expect(gateway.getActor("x")).rejects.toEqual(error);
  });

  it("normalises a string rejection into an internal AppError", async () => {
    invoke.mockRejectedValue("invalid args `id` for command `get_actor`");
    await expect(gateway.getActor("x")).rejects.toEqual({
      kind: "internal",
      message: "invalid args `id` for command `get_actor`",
      messageEn: "invalid args `id` for command `get_actor`",
      fields: [],
    });
  });

  it("normalises a thrown exception (no Tauri runtime) into an internal AppError", async () => {
    invoke.mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'invoke')");
    });
    await expect(gateway.getAppInfo()).rejects.toMatchObject({
      kind: "internal",
      message: "Cannot read properties of undefined (reading 'invoke')",
      fields: [],
    });
  });
});
