import { useId } from 'react';
import type { MergeCounts, MergeReport } from '../../../../common/domain/sharing';
import { plural, summarizeMerge } from './shareText';

const ROWS: { key: 'added' | 'updated' | 'deleted'; label: string }[] = [
  { key: 'added', label: 'Added' },
  { key: 'updated', label: 'Updated' },
  { key: 'deleted', label: 'Deleted' },
];

const COLUMNS: { key: keyof MergeCounts; label: string }[] = [
  { key: 'cases', label: 'Cases' },
  { key: 'sources', label: 'Sources' },
  { key: 'other', label: 'Other records' },
];

/**
 * What a merge did: a headline, the counts of records added, updated and deleted (tombstoned) by
 * kind, duplicate sources merged into ours, conflicts waiting, the backup taken first, and notes.
 */
export function MergeReportView({ report }: { report: MergeReport }) {
  const ids = useId();
  return (
    <section className="share-report" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Merge report</h3>
      <p role="status">{summarizeMerge(report)}</p>
      <table className="share-counts">
        <caption className="visually-hidden">Records taken in from {report.peerName}</caption>
        <thead>
          <tr>
            <td />
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {COLUMNS.map((c) => (
                <td key={c.key}>{report[r.key][c.key].toLocaleString('en-US')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {report.duplicates.length > 0 && (
        <section aria-labelledby={`${ids}-duplicates`}>
          <h4 id={`${ids}-duplicates`}>Duplicate sources merged ({report.duplicates.length.toLocaleString('en-US')})</h4>
          <p className="muted">Their copy of each source was merged into yours; their citations now point at yours.</p>
          <ul className="share-list">
            {report.duplicates.map((d) => (
              <li key={`${d.kept}|${d.merged}`}>
                <code>{d.kept}</code> ← <code>{d.merged}</code>: {d.title}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.conflicts.length > 0 ? (
        <p className="share-conflicts-note">
          {plural(report.conflicts.length, 'record')} changed on both sides {report.conflicts.length === 1 ? 'waits' : 'wait'} for your review. Until you
          review {report.conflicts.length === 1 ? 'it' : 'them'}, your version stays.
        </p>
      ) : (
        <p>No conflicts: every change was made on one side only.</p>
      )}
      {report.backupPath && (
        <p>
          Your knowledge base was backed up (and the backup checked) before the merge: <code className="export-path">{report.backupPath}</code>
        </p>
      )}
      {report.notes.length > 0 && (
        <section aria-labelledby={`${ids}-notes`}>
          <h4 id={`${ids}-notes`}>Notes</h4>
          <ul className="share-list">
            {report.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
