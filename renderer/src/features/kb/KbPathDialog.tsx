import { useState } from 'react';
import { Dialog } from '../../ui/Dialog';

interface KbPathDialogProps {
  mode: 'new' | 'open';
  onSubmit(path: string, sample: boolean): Promise<void>;
  onClose(): void;
}

/**
 * Where the host has no native file dialog (the browser host), the user types or pastes the path
 * of the knowledge base file. Errors from the server (not a Casebook file, already exists…) show here.
 */
export function KbPathDialog({ mode, onSubmit, onClose }: KbPathDialogProps) {
  const [path, setPath] = useState('');
  const [sample, setSample] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = mode === 'new' ? 'New knowledge base' : 'Open knowledge base';

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (path.trim() === '') {
      setError('Type the path of a .casebook file.');
      return;
    }
    setBusy(true);
    try {
      await onSubmit(path.trim(), sample);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} className="kb-path-form">
        <label>
          File path
          <input
            value={path}
            data-autofocus
            placeholder={mode === 'new' ? '/home/me/Research/piracy.casebook' : 'Path of a .casebook file'}
            aria-describedby={error ? 'kb-path-error' : undefined}
            onChange={(e) => {
              setPath(e.target.value);
              setError(null);
            }}
          />
        </label>
        {mode === 'new' && (
          <label className="checkbox-label">
            <input type="checkbox" checked={sample} onChange={(e) => setSample(e.target.checked)} />
            Start with the sample cases
          </label>
        )}
        {error && (
          <p id="kb-path-error" className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-footer">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {mode === 'new' ? 'Create' : 'Open'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
