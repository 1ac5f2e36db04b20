import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import * as gateway from "../../api/gateway";
import type { SettingsInput } from "../../bindings/SettingsInput";
import type { SettingsView } from "../../bindings/SettingsView";
import { renderWithProviders } from "../partnership/testFixtures";
import { SettingsPage } from "./SettingsPage";

vi.mock("../../api/gateway", async () => {
  const { gatewayMock } = await import("../partnership/testFixtures");
  return gatewayMock("getSettings", "validateSettings", "saveSettings", "setLogo", "removeLogo", "pickFile", "pickFolder", "copyBackupNow", "openDataFolder", "getAppInfo");
});

const api = vi.mocked(gateway);

const EMPTY: SettingsInput = {
  facilitatorName: "",
  facilitatorEmail: "",
  facilitatorPhone: "",
  organisationName: "",
  organisationAddress: "",
  organisationSiret: "",
  agreementPlace: "",
  agreementCourt: "",
  agreementOriginals: "",
  backupFolder: "",
  backupKeep: "",
  homeDepartement: "",
  homeEpci: "",
};

const VIEW: SettingsView = {
  settings: {
    facilitator: { name: "", email: null, phone: null },
    organisation: { name: "", address: null, siret: null },
    agreement: { place: null, court: null, originals: null },
    backupCopy: { folder: null, keep: null },
    home: { departement: null, epci: null },
    eventDefaults: null,
  },
  input: EMPTY,
  logoFile: null,
  copyStatus: null,
  homeName: null,
  newEvent: {
    name: "",
    date: "",
    venue: null,
    startTime: "14:00",
    roundMinutes: 7,
    changeoverMinutes: 2,
    rounds: 8,
    tables: 10,
    breaks: [],
    seatedSide: "associations",
    allowPartners: false,
    notes: null,
  },
};

beforeEach(() => {
  api.getSettings.mockReset().mockResolvedValue(VIEW);
  api.validateSettings.mockReset().mockResolvedValue([]);
  api.saveSettings.mockReset();
  api.setLogo.mockReset();
  api.pickFile.mockReset();
  api.getAppInfo.mockReset().mockResolvedValue({ version: "0.1.0", dataDir: "/home/lea/.local/share/tisserand", dbPath: "", actorCount: 3, contactCount: 0, demo: false });
});

describe("SettingsPage", () => {
  it("saves the form as typed and shows where the data lives", async () => {
    const user = userEvent.setup();
    api.saveSettings.mockImplementation((input) => Promise.resolve({ ...VIEW, input }));
    renderWithProviders(<SettingsPage />, { confirm: false });
    await user.type(await screen.findByTestId("field-organisationName"), "Labo d'Alsace");
    await user.type(screen.getByTestId("field-agreementPlace"), "Colmar");
    await user.click(screen.getByTestId("settings-save"));
    await waitFor(() =>
      expect(api.saveSettings).toHaveBeenCalledWith({ ...EMPTY, organisationName: "Labo d'Alsace", agreementPlace: "Colmar" }),
    );
    expect(await screen.findByText("Réglages enregistrés")).toBeTruthy();
    expect(screen.getByTestId("settings-data-folder").textContent).toContain("/home/lea/.local/share/tisserand");
  });

  it("shows the core's error next to the SIRET and keeps what was typed", async () => {
    const user = userEvent.setup();
    const message = "Le SIRET 732 829 320 00075 est invalide : la clé de contrôle ne correspond pas.";
    api.saveSettings.mockRejectedValue({ kind: "invalid", message, messageEn: "Invalid SIRET.", fields: [{ field: "organisationSiret", message, messageEn: "Invalid SIRET." }] });
    renderWithProviders(<SettingsPage />, { confirm: false });
    await user.type(await screen.findByTestId("field-organisationSiret"), "732 829 320 00075");
    await user.click(screen.getByTestId("settings-save"));
    expect((await screen.findByTestId("error-organisationSiret")).textContent).toContain("la clé de contrôle ne correspond pas");
    expect(screen.getByTestId<HTMLInputElement>("field-organisationSiret").value).toBe("732 829 320 00075");
  });

  it("sets the logo from the file chosen and says which one it is", async () => {
    const user = userEvent.setup();
    api.pickFile.mockResolvedValue("/home/lea/logo.png");
    const withLogo = { ...VIEW, logoFile: "logo.png" };
    // The core has the logo from then on: a later read says so too.
    api.setLogo.mockImplementation(() => {
      api.getSettings.mockResolvedValue(withLogo);
      return Promise.resolve(withLogo);
    });
    renderWithProviders(<SettingsPage />, { confirm: false });
    expect((await screen.findByTestId("settings-logo-file")).textContent).toContain("Aucun logo");
    await user.click(screen.getByTestId("settings-logo-choose"));
    expect(api.setLogo).toHaveBeenCalledWith("/home/lea/logo.png");
    await waitFor(() => expect(screen.getByTestId("settings-logo-file").textContent).toContain("logo.png"));
  });

  it("says plainly when the copy folder is missing", async () => {
    const user = userEvent.setup();
    const missing = "Le dossier de copie « /media/lea/CLE » est introuvable : la clé USB ou le lecteur réseau est-il branché ? La sauvegarde sur cet ordinateur, elle, est faite.";
    const withFolder: SettingsView = {
      ...VIEW,
      settings: { ...VIEW.settings, backupCopy: { folder: "/media/lea/CLE", keep: null } },
      input: { ...EMPTY, backupFolder: "/media/lea/CLE" },
    };
    api.getSettings.mockResolvedValue(withFolder);
    // The core remembers the failed copy: a later read shows it.
    api.copyBackupNow.mockRejectedValue({ kind: "storage", message: missing, messageEn: "missing", fields: [] });
    api.getSettings.mockResolvedValueOnce(withFolder).mockResolvedValue({
      ...withFolder,
      copyStatus: { at: "2026-12-08T09:00:00Z", file: null, error: missing, errorEn: "missing" },
    });
    renderWithProviders(<SettingsPage />, { confirm: false });
    await user.click(await screen.findByTestId("settings-backup-copy"));
    expect((await screen.findByTestId("settings-backup-status")).textContent).toContain("est introuvable");
    expect(screen.getAllByText(/branché/).length).toBeGreaterThanOrEqual(1);
  });

  it("says what new events start from", async () => {
    renderWithProviders(<SettingsPage />, { confirm: false });
    const text = (await screen.findByTestId("settings-events-defaults")).textContent;
    expect(text).toContain("8 tours de 7 minutes");
    expect(text).toContain("réglages d'origine");
    expect(screen.queryByTestId("settings-events-reset")).toBeNull();
  });
});
