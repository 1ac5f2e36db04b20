// A card with a title and, under it, a hint: the sections of Accueil and of
// Réglages. `testId` names the card; its title is `<testId>-title`.
import type { ReactNode } from "react";

export function SectionCard({ title, hint, testId, className, children }: { title: ReactNode; hint?: string; testId: string; className?: string; children: ReactNode }) {
  const id = `${testId}-title`;
  return (
    <section className={`card section-card${className ? ` ${className}` : ""}`} aria-labelledby={id} data-testid={testId}>
      <header className="card__header">
        <h2 className="card__title" id={id}>
          {title}
        </h2>
        {hint && <span className="muted small">{hint}</span>}
      </header>
      {children}
    </section>
  );
}
