import {
  Building,
  Building2,
  CircleDashed,
  Gem,
  HeartHandshake,
  Landmark,
  PiggyBank,
  type LucideIcon,
} from "lucide-react";

import type { ActorKind } from "../../bindings/ActorKind";
import { useI18n } from "../../i18n";

export const ACTOR_KINDS: readonly ActorKind[] = [
  "entreprise",
  "association",
  "collectivite",
  "fondation",
  "financeur",
  "etablissement_public",
  "autre",
];

export const KIND_ICONS: Record<ActorKind, LucideIcon> = {
  entreprise: Building2,
  association: HeartHandshake,
  collectivite: Landmark,
  fondation: Gem,
  financeur: PiggyBank,
  etablissement_public: Building,
  autre: CircleDashed,
};

export function isActorKind(value: string): value is ActorKind {
  return (ACTOR_KINDS as readonly string[]).includes(value);
}

export function KindIcon({ kind, size = 16 }: { kind: ActorKind; size?: number }) {
  const Icon = KIND_ICONS[kind];
  return <Icon size={size} aria-hidden="true" strokeWidth={1.75} />;
}

/** The kind as an icon and its word (never colour alone). */
export function KindBadge({ kind, size = "md" }: { kind: ActorKind; size?: "sm" | "md" }) {
  const { t } = useI18n();
  return (
    <span className={`kind-badge kind-badge--${size}`} data-kind={kind}>
      <KindIcon kind={kind} size={size === "sm" ? 14 : 16} />
      <span className="kind-badge__label">{t.labels.kinds[kind]}</span>
    </span>
  );
}
