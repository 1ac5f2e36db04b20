// How modes and stages look everywhere: a mode is its colour, its lucide
// icon AND its letter (never colour alone); a stage is an icon on a neutral
// grey→slate progression.
import {
  ChartBar,
  CircleX,
  ClipboardList,
  Compass,
  Gift,
  Handshake,
  Leaf,
  Lightbulb,
  PenLine,
  Play,
  Sparkles,
  Sprout,
  type LucideIcon,
} from "lucide-react";

import type { RameauMode } from "../../bindings/RameauMode";
import type { Stage } from "../../bindings/Stage";
import { useI18n } from "../../i18n";
import { MODE_LETTERS, modeStyle, STAGES } from "./model";

export const MODE_ICONS: Record<RameauMode, LucideIcon> = {
  mecenat: Gift,
  cooperation_economique: Handshake,
  innovation_societale: Lightbulb,
  pratiques_responsables: Leaf,
};

export const STAGE_ICONS: Record<Stage, LucideIcon> = {
  rencontre: Sparkles,
  exploration: Compass,
  preparation: ClipboardList,
  contractualisation: PenLine,
  mise_en_oeuvre: Play,
  evaluation: ChartBar,
  essaimage: Sprout,
  abandonne: CircleX,
};

/** Grey to dark slate along the pipeline (all AA on white as icon colours). */
const STAGE_TONES = ["#6b7280", "#646d7b", "#5b6577", "#525d72", "#48546b", "#3e4a63", "#334155", "#6b7280"];

export function stageTone(stage: Stage): string {
  return STAGE_TONES[STAGES.indexOf(stage)] ?? "#6b7280";
}

export function StageIcon({ stage, size = 16 }: { stage: Stage; size?: number }) {
  const Icon = STAGE_ICONS[stage];
  return <Icon size={size} aria-hidden="true" style={{ color: stageTone(stage) }} strokeWidth={2} />;
}

/** The primary mode: coloured pill with icon, letter and (optionally) name. */
export function ModeBadge({ mode, showName = true }: { mode: RameauMode; showName?: boolean }) {
  const { t } = useI18n();
  const Icon = MODE_ICONS[mode];
  const name = t.partnership.labels.modes[mode];
  return (
    <span
      className="mode-badge"
      style={modeStyle(mode)}
      title={t.partnership.primaryMode(name)}
    >
      <Icon size={14} aria-hidden="true" />
      <span className="mode-badge__letter" aria-hidden="true">
        {MODE_LETTERS[mode]}
      </span>
      {showName ? <span className="mode-badge__name">{name}</span> : <span className="visually-hidden">{name}</span>}
    </span>
  );
}

/** A secondary mode as a small outlined letter. */
export function ModeLetter({ mode }: { mode: RameauMode }) {
  const { t } = useI18n();
  const name = t.partnership.labels.modes[mode];
  return (
    <span className="mode-letter" style={modeStyle(mode)} title={name}>
      <span aria-hidden="true">{MODE_LETTERS[mode]}</span>
      <span className="visually-hidden">{name}</span>
    </span>
  );
}
