// The report's presence line: only recorded presence counts, and it says
// so when none was recorded (an event where everyone is still « attendu »).
import { cleanup, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import type { EventReport } from "../../bindings/EventReport";
import { I18nProvider } from "../../i18n";
import { FunnelView } from "./ReportTab";

function report(participants: number, present: number, absent: number): EventReport {
  return {
    title: "Speed-dating",
    events: 1,
    participants,
    present,
    absent,
    unrecorded: participants - present - absent,
    funnel: { meetings: 12, ticked: 4, mutual: 1, leads: 1, alive: 1, contracted: 0, followUps: 2, followUpsDone: 1 },
    byMode: [],
  };
}

function presence(r: EventReport, lang: "fr" | "en" = "fr"): string {
  cleanup();
  render(
    <I18nProvider initial={lang}>
      <FunnelView report={r} />
    </I18nProvider>,
  );
  return screen.getByTestId("funnel-presence").textContent;
}

describe("the report's presence", () => {
  it("says presence was not recorded rather than counting « attendu » as present", () => {
    expect(presence(report(16, 0, 0))).toBe("16 participants, présence non relevée");
  });

  it("counts only those marked present, and says how many were not recorded", () => {
    expect(presence(report(16, 2, 0))).toBe("16 participants, 2 présents, présence non relevée pour 14");
  });

  it("gives present and absent when everyone's presence was recorded", () => {
    expect(presence(report(16, 15, 1))).toBe("16 participants, 15 présents, 1 absent");
  });

  it("speaks English too", () => {
    expect(presence(report(16, 0, 0), "en")).toBe("16 participants, presence not recorded");
    expect(presence(report(3, 1, 1), "en")).toBe("3 participants, 1 present, 1 absent, presence not recorded for 1");
  });

  it("has nothing to say about presence without participants", () => {
    expect(presence(report(0, 0, 0))).toBe("0 participant");
  });
});
