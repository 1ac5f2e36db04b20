// First run: what Tisserand is for, and two ways to start.
import { ArrowRight, BookUser, Handshake, LoaderCircle, Map as MapIcon, Plus, ShieldCheck, Users } from "lucide-react";

import { errorText } from "../../api/errors";
import { Logo } from "../../app/Logo";
import { useI18n } from "../../i18n";
import { useDemoLoader } from "./useDemoLoader";

const STEP_ICONS = [BookUser, Users, Handshake];

export function Welcome({ onStartEmpty }: { onStartEmpty: () => void }) {
  const { t, lang } = useI18n();
  const demo = useDemoLoader();
  return (
    <div className="welcome">
      <div className="welcome__inner">
        <header className="welcome__header">
          <Logo size={44} />
          <h1 className="welcome__title">{t.welcome.title}</h1>
          <p className="welcome__lead">{t.welcome.lead}</p>
        </header>

        <ol className="welcome__steps">
          {t.welcome.steps.map(([title, text], i) => {
            const Icon = STEP_ICONS[i] ?? BookUser;
            return (
              <li key={title} className="welcome__step">
                <span className="welcome__step-icon">
                  <Icon size={18} aria-hidden="true" />
                </span>
                <span>
                  <strong>{title}</strong>
                  <span className="welcome__step-text">{text}</span>
                </span>
              </li>
            );
          })}
        </ol>

        <div className="welcome__actions">
          <button
            type="button"
            className="start-card start-card--primary"
            data-testid="welcome-demo"
            onClick={() => void demo.load()}
            disabled={demo.loading}
            aria-busy={demo.loading || undefined}
          >
            <span className="start-card__icon">
              {demo.loading ? (
                <LoaderCircle size={22} aria-hidden="true" className="spin" />
              ) : (
                <MapIcon size={22} aria-hidden="true" />
              )}
            </span>
            <span className="start-card__body">
              <span className="start-card__title">{demo.loading ? t.welcome.demoLoading : t.welcome.demo}</span>
              <span className="start-card__hint">{t.welcome.demoHint}</span>
            </span>
            <ArrowRight size={18} aria-hidden="true" className="start-card__arrow" />
          </button>
          <button
            type="button"
            className="start-card"
            data-testid="welcome-empty"
            onClick={onStartEmpty}
            disabled={demo.loading}
          >
            <span className="start-card__icon">
              <Plus size={22} aria-hidden="true" />
            </span>
            <span className="start-card__body">
              <span className="start-card__title">{t.welcome.empty}</span>
              <span className="start-card__hint">{t.welcome.emptyHint}</span>
            </span>
            <ArrowRight size={18} aria-hidden="true" className="start-card__arrow" />
          </button>
        </div>
        {demo.loading && (
          <div className="progress" role="progressbar" aria-label={t.welcome.demoLoading}>
            <span className="progress__bar" />
          </div>
        )}
        {demo.error && (
          <p className="banner banner--error" role="alert">
            {errorText(demo.error, lang)}
          </p>
        )}

        <p className="welcome__offline">
          <ShieldCheck size={16} aria-hidden="true" />
          {t.welcome.offline}
        </p>
      </div>
    </div>
  );
}
