// The directory with no actor yet: what it is for and the first action.
import { BookUser, LoaderCircle, Plus } from "lucide-react";

import { errorText } from "../../api/errors";
import { useI18n } from "../../i18n";
import { useDemoLoader } from "../welcome/useDemoLoader";
import { useActorFormHost } from "./actorFormHost";

export function EmptyDirectory() {
  const { t, lang } = useI18n();
  const { openCreate } = useActorFormHost();
  const demo = useDemoLoader();
  return (
    <div className="page page--directory">
      <header className="page-header">
        <div className="page-header__titles">
          <h1 className="page-title">{t.list.title}</h1>
          <p className="page-subtitle">{t.list.count(0, "0")}</p>
        </div>
      </header>
      <div className="empty-state">
        <div className="empty-state__icon">
          <BookUser size={28} aria-hidden="true" strokeWidth={1.5} />
        </div>
        <h2 className="empty-state__title">{t.list.emptyTitle}</h2>
        <p className="empty-state__text">{t.list.emptyText}</p>
        <div className="empty-state__actions">
          <button type="button" className="button button--primary button--large" data-testid="actor-new" onClick={openCreate}>
            <Plus size={18} aria-hidden="true" />
            {t.list.newActor}
            <kbd className="kbd-on-accent">Ctrl N</kbd>
          </button>
          <button
            type="button"
            className="button button--link"
            onClick={() => void demo.load()}
            disabled={demo.loading}
            aria-busy={demo.loading || undefined}
          >
            {demo.loading && <LoaderCircle size={16} aria-hidden="true" className="spin" />}
            {demo.loading ? t.welcome.demoLoading : t.list.emptyDemo}
          </button>
        </div>
        {demo.error && (
          <p className="banner banner--error" role="alert">
            {errorText(demo.error, lang)}
          </p>
        )}
      </div>
    </div>
  );
}
