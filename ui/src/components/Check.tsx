// A labelled checkbox of the forms (an indicator to show, a quote or a
// photo that may be published, an actor that agrees to be named).
import type { ReactNode } from "react";

export function Check({ testId, checked, onChange, children }: { testId: string; checked: boolean; onChange: (checked: boolean) => void; children: ReactNode }) {
  return (
    <label className="checkbox">
      <input type="checkbox" data-testid={testId} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{children}</span>
    </label>
  );
}
