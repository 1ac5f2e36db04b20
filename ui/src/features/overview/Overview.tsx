// « Vue d'ensemble »: every live partnership as a mode × stage matrix (the
// primary mode, in the scale's order, then « non classé »), counts by
// département and by facilitator, and the overdue count. Every number is a
// button that opens the board filtered on what it counts.
import { useQuery } from "@tanstack/react-query";
import { AlarmClock, CircleAlert, Columns3, MapPin, UserRound } from "lucide-react";

import { getPartnershipOverview } from "../../api/gateway";
import { errorText, toAppError } from "../../api/errors";
import type { CountBy } from "../../bindings/CountBy";
import type { PartnershipQuery } from "../../bindings/PartnershipQuery";
import type { RameauMode } from "../../bindings/RameauMode";
import type { Stage } from "../../bindings/Stage";
import { useI18n } from "../../i18n";
import { formatCount } from "../../lib/format";
import { partnershipKeys } from "../partnership/Board";
import { openBoardWith } from "../partnership/BoardState";
import { buildMatrix, MODE_LETTERS, modeStyle, STAGES } from "../partnership/model";
import { MODE_ICONS, StageIcon } from "../partnership/visuals";

/** The board's filters for one row (and stage) of the matrix. */
export function matrixFilter(mode: RameauMode | null, stage: Stage | null): Partial<PartnershipQuery> {
  const byMode: Partial<PartnershipQuery> = mode === null ? { unclassified: true } : { mode, primaryOnly: true };
  return stage === null ? byMode : { ...byMode, stage };
}

export function Overview() {
  const { t, lang } = useI18n();
  const v = t.partnership.views;
  const query = useQuery({ queryKey: partnershipKeys.overview, queryFn: getPartnershipOverview });
  const data = query.data;

  const header = (
    <header className="page-header">
      <div className="page-header__titles">
        <h1 className="page-title">{v.overview}</h1>
        <p className="page-subtitle tabular">{data ? v.overviewSubtitle(data.total) : t.common.loading}</p>
      </div>
      <button type="button" className="button button--secondary" data-testid="overview-board" onClick={() => openBoardWith({})}>
        <Columns3 size={16} aria-hidden="true" />
        {v.openBoard}
      </button>
    </header>
  );

  if (query.isError) {
    return (
      <div className="page page--overview">
        {header}
        <div className="banner banner--error" role="alert">
          <CircleAlert size={20} aria-hidden="true" className="banner__icon" />
          <div>
            <p>
              <strong>{v.overviewLoadError}</strong>
            </p>
            <p>{errorText(toAppError(query.error), lang)}</p>
            <button type="button" className="button button--secondary button--small" onClick={() => void query.refetch()}>
              {t.common.retry}
            </button>
          </div>
        </div>
      </div>
    );
  }

  const matrix = buildMatrix(data?.matrix ?? []);
  const modeName = (mode: RameauMode | null) => (mode === null ? v.unclassified : t.partnership.labels.modes[mode]);
  const stageName = (stage: Stage) => t.partnership.labels.stages[stage];

  return (
    <div className="page page--overview" data-testid="overview">
      {header}
      <section className="card overview-matrix" aria-labelledby="overview-matrix-title">
        <h2 className="card__title" id="overview-matrix-title">
          {v.matrix}
        </h2>
        <p className="small muted overview-hint">{v.matrixHint}</p>
        <div className="overview-matrix__scroll">
          <table className="matrix" data-testid="overview-matrix" aria-busy={data === undefined}>
            <thead>
              <tr>
                <th scope="col" className="matrix__corner">
                  {v.mode}
                </th>
                {STAGES.map((stage) => (
                  <th key={stage} scope="col" className={`matrix__stage${stage === "abandonne" ? " matrix__abandoned" : ""}`}>
                    <span className="matrix__stage-inner">
                      <StageIcon stage={stage} size={14} />
                      <span>{stageName(stage)}</span>
                    </span>
                  </th>
                ))}
                <th scope="col" className="matrix__total">
                  {v.total}
                </th>
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((row) => (
                <tr key={row.mode ?? "none"} data-mode={row.mode ?? ""}>
                  <th scope="row" className="matrix__mode">
                    <ModeHeading mode={row.mode} name={modeName(row.mode)} />
                  </th>
                  {STAGES.map((stage) => (
                    <td key={stage} className={stage === "abandonne" ? "matrix__abandoned" : undefined}>
                      <CountButton
                        count={row.counts[stage]}
                        label={v.cellLabel(row.counts[stage], modeName(row.mode), stageName(stage))}
                        testId="matrix-cell"
                        data={{ "data-mode": row.mode ?? "", "data-stage": stage }}
                        tint={row.mode}
                        inBody
                        max={matrix.total}
                        onOpen={() => openBoardWith(matrixFilter(row.mode, stage))}
                      />
                    </td>
                  ))}
                  <td className="matrix__total">
                    <CountButton
                      count={row.total}
                      label={v.totalLabel(row.total, modeName(row.mode))}
                      testId="matrix-row-total"
                      data={{ "data-mode": row.mode ?? "" }}
                      onOpen={() => openBoardWith(matrixFilter(row.mode, null))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="matrix__mode">
                  {v.total}
                </th>
                {STAGES.map((stage) => (
                  <td key={stage} className={`matrix__total${stage === "abandonne" ? " matrix__abandoned" : ""}`}>
                    <CountButton
                      count={matrix.columnTotals[stage]}
                      label={v.totalLabel(matrix.columnTotals[stage], stageName(stage))}
                      testId="matrix-column-total"
                      data={{ "data-stage": stage }}
                      onOpen={() => openBoardWith({ stage })}
                    />
                  </td>
                ))}
                <td className="matrix__total matrix__grand">
                  <CountButton
                    count={matrix.total}
                    label={v.totalLabel(matrix.total, v.total)}
                    testId="matrix-total"
                    data={{}}
                    onOpen={() => openBoardWith({})}
                  />
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <div className="overview-grid">
        <CountBars
          title={v.byDepartement}
          icon={<MapPin size={16} aria-hidden="true" />}
          counts={data?.byDepartement}
          testId="overview-departement"
          labelOf={(c) => (c.code === "" ? v.noTerritory : `${c.label} (${c.code})`)}
          onOpen={(code) => openBoardWith({ departement: code })}
        />
        <CountBars
          title={v.byFacilitator}
          icon={<UserRound size={16} aria-hidden="true" />}
          counts={data?.byFacilitator}
          testId="overview-facilitator"
          labelOf={(c) => (c.code === "" ? v.nobody : c.label)}
          onOpen={(code) => openBoardWith({ facilitator: code })}
        />
        <section className="card overview-overdue" aria-labelledby="overview-overdue-title">
          <h2 className="card__title" id="overview-overdue-title">
            <AlarmClock size={16} aria-hidden="true" />
            {v.overdueTitle}
          </h2>
          <button
            type="button"
            className={`overview-overdue__count${data && data.overdue > 0 ? " is-late" : ""}`}
            data-testid="overview-overdue"
            disabled={!data || data.overdue === 0}
            onClick={() => openBoardWith({ overdue: true })}
          >
            <span className="overview-overdue__number tabular">{data ? formatCount(data.overdue, lang) : "…"}</span>
            <span className="overview-overdue__text">{data ? v.overdueCount(data.overdue) : t.common.loading}</span>
            {data && data.overdue > 0 && <span className="overview-overdue__open">{v.overdueOpen} →</span>}
          </button>
        </section>
      </div>
    </div>
  );
}

function ModeHeading({ mode, name }: { mode: RameauMode | null; name: string }) {
  if (mode === null) {
    return (
      <span className="matrix__mode-inner">
        <span className="mode-letter matrix__none" aria-hidden="true">
          ?
        </span>
        <span>{name}</span>
      </span>
    );
  }
  const Icon = MODE_ICONS[mode];
  return (
    <span className="matrix__mode-inner">
      <span className="mode-badge" style={modeStyle(mode)} aria-hidden="true">
        <Icon size={14} />
        <span className="mode-badge__letter">{MODE_LETTERS[mode]}</span>
      </span>
      <span>{name}</span>
    </span>
  );
}

function CountButton({
  count,
  label,
  testId,
  data,
  tint,
  inBody = false,
  max,
  onOpen,
}: {
  count: number;
  label: string;
  testId: string;
  data: Record<string, string>;
  tint?: RameauMode | null;
  inBody?: boolean;
  max?: number;
  onOpen: () => void;
}) {
  const { lang } = useI18n();
  if (count === 0) {
    return (
      <span className="matrix__zero">
        <span aria-hidden="true">·</span>
        <span className="visually-hidden">0</span>
      </span>
    );
  }
  // The cell's tint grows with its share of all partnerships (never colour alone: the number says it).
  const strength = tint && max ? Math.min(0.45, 0.1 + (count / max) * 0.9) : 0;
  const style: Record<string, string> | undefined = tint
    ? { ...modeStyle(tint), "--strength": `${Math.round(strength * 100)}%` }
    : undefined;
  return (
    <button
      type="button"
      className={`matrix__cell${tint ? " matrix__cell--tinted" : inBody ? " matrix__cell--plain" : ""}`}
      data-testid={testId}
      {...data}
      style={style}
      aria-label={label}
      title={label}
      onClick={onOpen}
    >
      {formatCount(count, lang)}
    </button>
  );
}

function CountBars({
  title,
  icon,
  counts,
  testId,
  labelOf,
  onOpen,
}: {
  title: string;
  icon: React.ReactNode;
  counts: CountBy[] | undefined;
  testId: string;
  labelOf: (c: CountBy) => string;
  onOpen: (code: string) => void;
}) {
  const { t, lang } = useI18n();
  const v = t.partnership.views;
  const max = Math.max(1, ...(counts ?? []).map((c) => c.count));
  const id = `${testId}-title`;
  return (
    <section className="card overview-bars" aria-labelledby={id}>
      <h2 className="card__title" id={id}>
        {icon}
        {title}
      </h2>
      {counts === undefined ? (
        <p className="small muted">{t.common.loading}</p>
      ) : counts.length === 0 ? (
        <p className="small muted">{v.noneYet}</p>
      ) : (
        <ul className="bars" data-testid={testId}>
          {counts.map((c) => {
            const name = labelOf(c);
            return (
              <li key={c.code || "none"}>
                <button
                  type="button"
                  className="bars__item"
                  data-code={c.code}
                  aria-label={v.totalLabel(c.count, name)}
                  title={v.totalLabel(c.count, name)}
                  onClick={() => onOpen(c.code)}
                >
                  <span className={`bars__label${c.code === "" ? " muted" : ""}`}>{name}</span>
                  <span className="bars__track" aria-hidden="true">
                    <span className="bars__fill" style={{ width: `${Math.max(2, (c.count / max) * 100)}%` }} />
                  </span>
                  <span className="bars__count tabular">{formatCount(c.count, lang)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
