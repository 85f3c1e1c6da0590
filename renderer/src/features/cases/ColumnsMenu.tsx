import { useEffect, useRef, useState } from 'react';
import type { CaseColumnSpec } from './caseColumns';
import type { TableLayoutApi } from './useTableLayout';

/**
 * Show, hide and reorder columns. The Move buttons are the keyboard way to reorder (dragging headers
 * is the mouse way); both edit the same saved layout.
 */
export function ColumnsMenu({ specs, layout }: { specs: CaseColumnSpec[]; layout: TableLayoutApi }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    ref.current?.querySelector<HTMLElement>('input')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node) && !buttonRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const known = new Set(specs.map((s) => s.id));
  const saved = layout.layout.columnOrder.filter((id) => known.has(id));
  const order = [...saved, ...specs.map((s) => s.id).filter((id) => !saved.includes(id))];
  const byId = new Map(specs.map((s) => [s.id, s]));
  const hidden = new Set(layout.layout.hidden);

  function move(id: string, delta: number) {
    const next = [...order];
    const at = next.indexOf(id);
    const to = at + delta;
    if (at < 0 || to < 0 || to >= next.length) return;
    next.splice(at, 1);
    next.splice(to, 0, id);
    layout.setColumnOrder(next);
  }

  return (
    <div className="popover-anchor">
      <button ref={buttonRef} type="button" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)}>
        Columns
      </button>
      {open && (
        <div
          ref={ref}
          className="popover columns-menu"
          role="dialog"
          aria-label="Columns"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
              buttonRef.current?.focus();
            }
          }}
        >
          <ul>
            {order.map((id, i) => {
              const spec = byId.get(id);
              if (!spec) return null;
              return (
                <li key={id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={!hidden.has(id)}
                      disabled={id === 'title'}
                      onChange={(e) =>
                        layout.setHidden(e.target.checked ? layout.layout.hidden.filter((h) => h !== id) : [...layout.layout.hidden, id])
                      }
                    />
                    {spec.label}
                  </label>
                  <span className="columns-move">
                    <button type="button" className="icon-button" aria-label={`Move ${spec.label} left`} disabled={i === 0} onClick={() => move(id, -1)}>
                      ↑
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Move ${spec.label} right`}
                      disabled={i === order.length - 1}
                      onClick={() => move(id, 1)}
                    >
                      ↓
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
