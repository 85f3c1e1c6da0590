import type { CslItem, CslName } from '../../../../common/domain/sources';
import { SaveOnBlurInput } from '../../ui/SaveOnBlurInput';
import { dateProblem, dateToText, namesOf, textToDate } from './cslValues';
import { NamesEditor } from './NamesEditor';
import type { SourceFieldSpec } from './sourceFields';

interface SourceFieldsEditorProps {
  fields: SourceFieldSpec[];
  csl: CslItem;
  disabled?: boolean;
  /** Sets (or with `undefined` removes) variables; rejects with the message to show at the field. */
  onSave(patch: Record<string, unknown>): Promise<void>;
}

/**
 * The editors for one source type's fields: names as structured rows, dates as partial dates
 * (YYYY, YYYY-MM, YYYY-MM-DD), the rest as text. Each saves on blur or Enter and shows the
 * server's answer under the field it came from.
 */
export function SourceFieldsEditor({ fields, csl, disabled, onSave }: SourceFieldsEditorProps) {
  return (
    <div className="source-fields">
      {fields.map((spec) => (
        <SourceFieldEditor key={spec.variable} spec={spec} value={csl[spec.variable]} disabled={disabled} onSave={onSave} />
      ))}
    </div>
  );
}

interface SourceFieldEditorProps {
  spec: SourceFieldSpec;
  value: unknown;
  disabled?: boolean;
  onSave(patch: Record<string, unknown>): Promise<void>;
}

function SourceFieldEditor({ spec, value, disabled, onSave }: SourceFieldEditorProps) {
  switch (spec.kind) {
    case 'names':
      return (
        <NamesEditor
          label={spec.label}
          names={namesOf(value)}
          disabled={disabled}
          onSave={(names: CslName[]) => onSave({ [spec.variable]: names.length > 0 ? names : undefined })}
        />
      );
    case 'date':
      return (
        <SaveOnBlurInput
          label={spec.label}
          value={dateToText(value)}
          placeholder="YYYY, YYYY-MM or YYYY-MM-DD"
          disabled={disabled}
          validate={(v) => dateProblem(spec.label, v)}
          onSave={(v) => onSave({ [spec.variable]: textToDate(v) ?? undefined })}
        />
      );
    default:
      return (
        <SaveOnBlurInput
          label={spec.label}
          value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
          multiline={spec.kind === 'multiline'}
          type={spec.kind === 'url' ? 'url' : 'text'}
          placeholder={spec.placeholder}
          disabled={disabled}
          onSave={(v) => onSave({ [spec.variable]: v.trim() === '' ? undefined : v.trim() })}
        />
      );
  }
}
