import { useState } from 'react';
import { FIELD_TYPES, FIELD_TYPE_LABELS, type FieldDef, type FieldType } from '../../../../common/domain/schemas';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { SaveOnBlurInput } from '../../ui/SaveOnBlurInput';
import { useToasts } from '../../ui/Toasts';
import { useFields } from './FieldsContext';

const hasOptions = (type: FieldType) => type === 'single_select' || type === 'multi_select';

/** Options typed one per line (or separated by commas), trimmed, without blanks or repeats. */
export function parseOptions(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[\n,]/)
    .map((o) => o.trim())
    .filter((o) => o && !seen.has(o) && (seen.add(o), true));
}

/** Create, rename, reorder, edit options of and delete the knowledge base's own fields. */
export function FieldsDialog({ readOnly, onClose }: { readOnly: boolean; onClose(): void }) {
  const api = useFields();
  const toasts = useToasts();
  const [deleting, setDeleting] = useState<FieldDef | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);

  function move(id: string, to: number) {
    const ids = api.fields.map((f) => f.id);
    const from = ids.indexOf(id);
    if (from < 0 || to < 0 || to >= ids.length || from === to) return;
    ids.splice(from, 1);
    ids.splice(to, 0, id);
    api.reorder(ids).catch(toasts.fail);
  }

  return (
    <Dialog title="Fields" onClose={onClose} wide footer={<button type="button" onClick={onClose}>Done</button>}>
      <p className="muted">Fields are your own columns: every case gets a value for each, and each can be shown in the table.</p>
      {api.fields.length === 0 && <p>No fields yet. Add one below.</p>}
      <ol className="fields-list" aria-label="Fields">
        {api.fields.map((field, i) => (
          <li
            key={field.id}
            className={dragging === field.id ? 'field-item dragging' : 'field-item'}
            draggable={!readOnly}
            onDragStart={(e) => {
              setDragging(field.id);
              e.dataTransfer.setData('text/x-casebook-field', field.id);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragEnd={() => setDragging(null)}
            onDragOver={(e) => {
              if (e.dataTransfer.types.includes('text/x-casebook-field')) e.preventDefault();
            }}
            onDrop={(e) => {
              const id = e.dataTransfer.getData('text/x-casebook-field');
              if (id) {
                e.preventDefault();
                move(id, i);
              }
            }}
          >
            <span className="drag-grip" aria-hidden="true">
              ⠿
            </span>
            <div className="field-item-main">
              <SaveOnBlurInput
                label={`Name of field ${i + 1}`}
                value={field.name}
                disabled={readOnly}
                validate={(v) => (v.trim() === '' ? 'A field needs a name.' : null)}
                onSave={async (name) => {
                  await api.update({ id: field.id, name });
                }}
              />
              <span className="field-type">{FIELD_TYPE_LABELS[field.type]}</span>
              {hasOptions(field.type) && (
                <SaveOnBlurInput
                  label={`Options of ${field.name} (one per line)`}
                  multiline
                  value={field.options.join('\n')}
                  disabled={readOnly}
                  onSave={async (text) => {
                    await api.update({ id: field.id, options: parseOptions(text) });
                  }}
                />
              )}
            </div>
            <div className="field-item-actions">
              <button type="button" className="icon-button" aria-label={`Move ${field.name} up`} disabled={readOnly || i === 0} onClick={() => move(field.id, i - 1)}>
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Move ${field.name} down`}
                disabled={readOnly || i === api.fields.length - 1}
                onClick={() => move(field.id, i + 1)}
              >
                ↓
              </button>
              <button type="button" className="danger" aria-label={`Delete field ${field.name}`} disabled={readOnly} onClick={() => setDeleting(field)}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ol>
      {!readOnly && <NewFieldForm />}
      {deleting && (
        <ConfirmDialog
          title={`Delete the field “${deleting.name}”?`}
          message={`Its values will be removed from every case. The column “${deleting.name}” disappears from the table.`}
          confirmLabel="Delete field"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.id;
            setDeleting(null);
            api.remove(id).catch(toasts.fail);
          }}
        />
      )}
    </Dialog>
  );
}

function NewFieldForm() {
  const api = useFields();
  const [name, setName] = useState('');
  const [type, setType] = useState<FieldType>('text');
  const [options, setOptions] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (name.trim() === '') {
      setError('Give the new field a name.');
      return;
    }
    try {
      await api.create({ name: name.trim(), type, options: hasOptions(type) ? parseOptions(options) : [] });
      setName('');
      setOptions('');
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <form className="new-field" aria-label="New field" onSubmit={(e) => void submit(e)}>
      <h3>New field</h3>
      <div className="form-grid">
        <label>
          Field name
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Field type
          <select value={type} onChange={(e) => setType(e.target.value as FieldType)}>
            {FIELD_TYPES.map((t) => (
              <option key={t} value={t}>
                {FIELD_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {hasOptions(type) && (
        <label>
          Options (one per line)
          <textarea rows={3} value={options} onChange={(e) => setOptions(e.target.value)} />
        </label>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        Add field
      </button>
    </form>
  );
}
