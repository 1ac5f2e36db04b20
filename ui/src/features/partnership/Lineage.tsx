// A partnership's lineage: the one it was spread from (« Essaimé depuis »)
// and those spread from it (« Essaimages »).
import { GitFork, MapPin, Sprout } from "lucide-react";

import { routeHash } from "../../app/router";
import type { PartnershipDetail } from "../../bindings/PartnershipDetail";
import type { PartnershipLink } from "../../bindings/PartnershipLink";
import { useI18n } from "../../i18n";
import { StageIcon } from "./visuals";

function linkHref(link: PartnershipLink): string {
  return routeHash({ name: "partnership", id: link.id });
}

/** « Essaimé depuis <origin> », under the title; nothing when it was not spread. */
export function SpawnedFrom({ detail }: { detail: PartnershipDetail }) {
  const { t } = useI18n();
  const origin = detail.spawnedFrom;
  if (!origin) return null;
  return (
    <p className="lineage-origin small" data-testid="spawned-from">
      <GitFork size={14} aria-hidden="true" />
      <span>
        <span className="muted">{t.possibles.lineage.spawnedFrom} </span>
        <a href={linkHref(origin)} data-testid="spawned-from-link">
          {origin.title}
        </a>
        {origin.places.length > 0 && <span className="muted"> · {origin.places.join(", ")}</span>}
      </span>
    </p>
  );
}

/** The partnerships spread from this one, oldest first; nothing when there are none. */
export function EssaimagesCard({ detail }: { detail: PartnershipDetail }) {
  const { t } = useI18n();
  const links = detail.children;
  if (links.length === 0) return null;
  return (
    <section className="card" aria-labelledby="essaimages-title" data-testid="essaimages">
      <h2 id="essaimages-title" className="card__title">
        <Sprout size={16} aria-hidden="true" />
        {t.possibles.lineage.children}
        <span className="count-pill">{links.length}</span>
      </h2>
      <ul className="lineage-list">
        {links.map((link) => (
          <li key={link.id} className="lineage-list__item" data-testid="essaimage-child">
            <a href={linkHref(link)}>{link.title}</a>
            <span className="lineage-list__meta small muted">
              <span className="icon-text">
                <StageIcon stage={link.stage} size={14} />
                {t.partnership.labels.stages[link.stage]}
              </span>
              <span className="icon-text">
                <MapPin size={14} aria-hidden="true" />
                {link.places.length > 0 ? link.places.join(", ") : t.possibles.lineage.noPlace}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
