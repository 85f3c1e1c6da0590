import { useState } from 'react';
import type { KbInfo } from '../../../../common/domain/schemas';
import { useClient } from '../../app/PlatformContext';
import { ImportProgress } from '../import/ImportProgress';
import { useImportJob } from '../import/useImportJob';
import { errorText, jobFailure, plural } from './shareText';
import '../import/import.css';
import './share.css';

interface ShareBannersProps {
  kb: KbInfo;
  /** Opens the conflict review. */
  onReview(): void;
  /** The local copy was written and is the open knowledge base now. */
  onLocalCopy(kb: KbInfo, cloudFolder: string): void;
}

/**
 * Banners under the header about sharing: merge conflicts waiting for review, and a knowledge base
 * open from a cloud-sync folder (with the way out: work on a local copy). The read-only banner
 * stays the app's own.
 */
export function ShareBanners({ kb, onReview, onLocalCopy }: ShareBannersProps) {
  return (
    <>
      {kb.cloudFolder && <CloudFolderBanner key={kb.path} kb={kb} cloudFolder={kb.cloudFolder} onLocalCopy={onLocalCopy} />}
      {kb.conflicts > 0 && (
        <div className="banner share-banner" role="status">
          <span>
            {plural(kb.conflicts, 'merge conflict')} {kb.conflicts === 1 ? 'waits' : 'wait'} for review.
          </span>
          <button type="button" onClick={onReview}>
            Review
          </button>
        </div>
      )}
    </>
  );
}

function CloudFolderBanner({ kb, cloudFolder, onLocalCopy }: { kb: KbInfo; cloudFolder: string; onLocalCopy: ShareBannersProps['onLocalCopy'] }) {
  const client = useClient();
  const job = useImportJob();
  const [dismissed, setDismissed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (dismissed) return null;

  async function workLocally() {
    setError(null);
    try {
      const info = await job.run('Copying to a local folder', (jobId) => client.call('kb.localCopy', { jobId }));
      onLocalCopy(info, cloudFolder);
    } catch (e) {
      setError(jobFailure(e, `The file in the ${cloudFolder} folder is still the one open.`));
    }
  }

  return (
    <section className="banner banner-warning share-banner" aria-label="Cloud sync warning">
      <p>
        <strong>This knowledge base is in a {cloudFolder} folder.</strong> Sync services can corrupt or fork a file that is open: they copy it while Casebook
        writes to it, and edits on two computers turn into conflicting copies. Work on a local copy, and share it with File ▸ Export for a Colleague… instead.
      </p>
      {job.running ? (
        <div className="share-banner-job">
          <ImportProgress job={job.running} />
          <button type="button" onClick={() => void job.cancel().catch((e: unknown) => setError(errorText(e)))}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="share-banner-actions">
          <button type="button" className="primary" onClick={() => void workLocally()}>
            Work on a local copy
          </button>
          <button type="button" onClick={() => setDismissed(true)} aria-label={`Dismiss the ${cloudFolder} warning for ${kb.name}`}>
            Dismiss
          </button>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
