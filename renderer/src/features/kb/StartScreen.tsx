import type { RecentKb } from '../../../../common/domain/schemas';

interface StartScreenProps {
  recent: RecentKb[];
  onNew(): void;
  onOpen(): void;
  onOpenRecent(path: string): void;
}

/** Shown when no knowledge base is open: what to do next, and the files used recently. */
export function StartScreen({ recent, onNew, onOpen, onOpenRecent }: StartScreenProps) {
  return (
    <main className="start">
      <div className="start-card">
        <h1>No knowledge base open</h1>
        <p className="muted">A knowledge base is one .casebook file holding your cases, fields and notes.</p>
        <div className="start-actions">
          <button type="button" className="primary" onClick={onNew}>
            New knowledge base…
          </button>
          <button type="button" onClick={onOpen}>
            Open knowledge base…
          </button>
        </div>
        {recent.length > 0 && (
          <section aria-labelledby="recent-heading">
            <h2 id="recent-heading">Recent</h2>
            <ul className="recent-list">
              {recent.map((r) => (
                <li key={r.path}>
                  <button type="button" className="link-button" disabled={!r.exists} onClick={() => onOpenRecent(r.path)} title={r.path}>
                    {r.name}
                  </button>
                  <span className="muted recent-path">
                    {r.path}
                    {!r.exists && ' (missing)'}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
