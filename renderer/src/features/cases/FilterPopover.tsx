import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ColumnFilter } from '../../../../common/domain/schemas';
import type { CaseColumnSpec, ColumnKind } from './caseColumns';

type Op = ColumnFilter['op'];

const OP_LABELS: Record<Op, string> = {
  contains: 'contains',
  equals: 'is',
  gt: 'greater than',
  lt: 'less than',
  empty: 'is empty',
  notEmpty: 'is not empty',
};

const OPS_BY_KIND: Record<ColumnKind, Op[]> = {
  text: ['contains', 'empty', 'notEmpty'],
  url: ['contains', 'empty', 'notEmpty'],
  list: ['contains', 'empty', 'notEmpty'],
  multi: ['contains', 'empty', 'notEmpty'],
  select: ['equals', 'empty', 'notEmpty'],
  status: ['equals'],
  number: ['gt', 'lt', 'equals', 'empty', 'notEmpty'],
  date: ['gt', 'lt', 'contains', 'empty', 'notEmpty'],
  timestamp: ['gt', 'lt'],
  boolean: ['equals', 'empty'],
};

/** Words that fit the column: "after" for dates, "greater than" for numbers. */
function opLabel(op: Op, kind: ColumnKind): string {
  if (kind === 'date' || kind === 'timestamp') {
    if (op === 'gt') return 'after';
    if (op === 'lt') return 'before';
  }
  return OP_LABELS[op];
}

/** Describes an active filter in words, for chips and tooltips. */
export function describeFilter(filter: ColumnFilter, spec: CaseColumnSpec): string {
  const op = opLabel(filter.op, spec.kind);
  if (filter.op === 'empty' || filter.op === 'notEmpty') return `${spec.label} ${op}`;
  let value = String(filter.value ?? '');
  if (spec.kind === 'boolean') value = filter.value === true ? 'Yes' : 'No';
  else value = spec.options.find((o) => o.value === value)?.label ?? value;
  return `${spec.label} ${op} ${spec.kind === 'text' || spec.kind === 'list' ? `“${value}”` : value}`;
}

interface FilterPopoverProps {
  spec: CaseColumnSpec;
  filter: ColumnFilter | undefined;
  onChange(filter: ColumnFilter | null): void;
}

/** A column's filter: a small button in the header opening a form with an operator and a value. */
export function FilterPopover({ spec, filter, onChange }: FilterPopoverProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={filter ? 'filter-button active' : 'filter-button'}
        aria-label={`Filter ${spec.label}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        title={filter ? describeFilter(filter, spec) : `Filter ${spec.label}`}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(!open);
        }}
      >
        ▾
      </button>
      {open &&
        createPortal(
          <FilterForm
            spec={spec}
            filter={filter}
            anchor={buttonRef.current}
            onClose={() => {
              setOpen(false);
              buttonRef.current?.focus();
            }}
            onChange={onChange}
          />,
          document.body,
        )}
    </>
  );
}

function FilterForm({ spec, filter, anchor, onClose, onChange }: FilterPopoverProps & { anchor: HTMLElement | null; onClose(): void }) {
  const ops = OPS_BY_KIND[spec.kind];
  const [op, setOp] = useState<Op>(filter?.op ?? ops[0] ?? 'contains');
  const [value, setValue] = useState<string>(filter?.value === undefined ? (spec.options[0]?.value ?? (spec.kind === 'boolean' ? 'true' : '')) : String(filter.value));
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLFormElement>(null);
  const titleId = useId();
  const rect = anchor?.getBoundingClientRect();

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('select, input')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node) && e.target !== anchor) onClose();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [anchor, onClose]);

  const needsValue = op !== 'empty' && op !== 'notEmpty';

  function apply(e: React.FormEvent) {
    e.preventDefault();
    if (!needsValue) {
      onChange({ column: spec.id, op });
      onClose();
      return;
    }
    let typed: string | number | boolean = value.trim();
    if (spec.kind === 'number') {
      const n = Number(typed);
      if (typed === '' || Number.isNaN(n)) {
        setError('Enter a number.');
        return;
      }
      typed = n;
    } else if (spec.kind === 'boolean') {
      typed = value === 'true';
    } else if (typed === '') {
      setError('Enter a value, or choose “is empty”.');
      return;
    }
    onChange({ column: spec.id, op, value: typed });
    onClose();
  }

  const choices = spec.kind === 'boolean' ? [{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }] : spec.options;

  return (
    <form
      ref={ref}
      className="popover filter-form"
      role="dialog"
      aria-labelledby={titleId}
      style={{ top: (rect?.bottom ?? 0) + 4, left: Math.max(8, Math.min((rect?.left ?? 0) - 120, window.innerWidth - 280)) }}
      onSubmit={apply}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h3 id={titleId}>Filter {spec.label}</h3>
      <label>
        Condition
        <select value={op} onChange={(e) => setOp(e.target.value as Op)}>
          {ops.map((o) => (
            <option key={o} value={o}>
              {opLabel(o, spec.kind)}
            </option>
          ))}
        </select>
      </label>
      {needsValue && (
        <label>
          Value
          {choices.length > 0 && (op === 'equals' || spec.kind === 'multi') ? (
            <select value={value} onChange={(e) => setValue(e.target.value)}>
              {choices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          ) : (
            <input
              type={spec.kind === 'number' ? 'number' : 'text'}
              value={value}
              placeholder={spec.kind === 'date' ? 'YYYY or YYYY-MM-DD' : spec.kind === 'timestamp' ? 'YYYY-MM-DD' : ''}
              onChange={(e) => {
                setValue(e.target.value);
                setError(null);
              }}
            />
          )}
        </label>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="popover-actions">
        {filter && (
          <button
            type="button"
            onClick={() => {
              onChange(null);
              onClose();
            }}
          >
            Clear
          </button>
        )}
        <button type="submit" className="primary">
          Apply
        </button>
      </div>
    </form>
  );
}
