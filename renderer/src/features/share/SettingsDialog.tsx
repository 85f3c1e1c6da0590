import { useEffect, useId, useState } from 'react';
import { useClient } from '../../app/PlatformContext';
import { Dialog } from '../../ui/Dialog';
import { errorText } from './shareText';

interface SettingsDialogProps {
  onClose(): void;
  /** The name was saved (for a confirmation toast). */
  onSaved(displayName: string): void;
}

/**
 * File ▸ Settings…: the name every record you change is signed with ("Last changed by …"), here
 * and in colleagues' knowledge bases after they merge yours. Per user, not per knowledge base.
 */
export function SettingsDialog({ onClose, onSaved }: SettingsDialogProps) {
  const client = useClient();
  const ids = useId();
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    client.call('settings.get', {}).then(
      (s) => live && setName(s.displayName),
      (e: unknown) => {
        if (!live) return;
        setName('');
        setError(errorText(e));
      },
    );
    return () => {
      live = false;
    };
  }, [client]);

  async function save() {
    if (name === null || saving) return;
    if (name.trim() === '') {
      setError('Type the name colleagues should see on your changes.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = await client.call('settings.set', { displayName: name.trim() });
      onSaved(saved.displayName);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog
      title="Settings"
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${ids}-form`} className="primary" disabled={name === null || saving}>
            Save
          </button>
        </>
      }
    >
      <form
        id={`${ids}-form`}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="form-row">
          <label htmlFor={`${ids}-name`}>Your name</label>
          {/* Rendered once the current name is known, so autofocus lands in a filled field. */}
          {name === null ? (
            <input key="loading" id={`${ids}-name`} disabled value="" placeholder="Loading…" />
          ) : (
            <input
              key="loaded"
              id={`${ids}-name`}
              value={name}
              maxLength={100}
              autoFocus
              aria-invalid={error ? true : undefined}
              aria-describedby={`${ids}-help${error ? ` ${ids}-error` : ''}`}
              onChange={(e) => {
                setName(e.target.value);
                setError(null);
              }}
            />
          )}
          <p id={`${ids}-help`} className="muted">
            Shown on every record you change as “Last changed by …”, in this knowledge base and in colleagues’ after they merge yours.
          </p>
          {error && (
            <p id={`${ids}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      </form>
    </Dialog>
  );
}
