import { useEffect, useRef, useState } from 'react';

export type MenuEntry =
  | { label: string; shortcut?: string; disabled?: boolean; onSelect: () => void }
  | { label: string; submenu: MenuEntry[] }
  | { separator: true };

export interface MenuDef {
  label: string;
  items: MenuEntry[];
}

/**
 * The in-app menu bar of the browser host (Electron has native menus). Menus open on click,
 * arrow keys move between items, Escape closes and returns focus to the menu's button.
 */
export function MenuBar({ menus }: { menus: MenuDef[] }) {
  const [open, setOpen] = useState<number | null>(null);
  const barRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open === null) return;
    const onDown = (e: MouseEvent) => {
      if (!barRef.current?.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  return (
    <div className="menubar" role="menubar" aria-label="Application menu" ref={barRef}>
      {menus.map((menu, i) => (
        <div className="menubar-item" key={menu.label}>
          <button
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={open === i}
            className="menubar-button"
            onClick={() => setOpen(open === i ? null : i)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                setOpen(i);
              }
            }}
            onMouseEnter={() => open !== null && setOpen(i)}
          >
            {menu.label}
          </button>
          {open === i && <MenuList label={menu.label} items={menu.items} onDone={() => setOpen(null)} autoFocus />}
        </div>
      ))}
    </div>
  );
}

function MenuList({ label, items, onDone, autoFocus }: { label: string; items: MenuEntry[]; onDone: () => void; autoFocus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const [openSub, setOpenSub] = useState<number | null>(null);

  useEffect(() => {
    if (autoFocus) ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
  }, [autoFocus]);

  function onKeyDown(e: React.KeyboardEvent) {
    const all = [...(ref.current?.querySelectorAll<HTMLElement>(':scope > [role="menuitem"]:not([disabled]), :scope > .submenu-wrap > [role="menuitem"]') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      const next = all[(at + (e.key === 'ArrowDown' ? 1 : -1) + all.length) % all.length];
      next?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onDone();
      (ref.current?.parentElement?.querySelector('.menubar-button') as HTMLElement | null)?.focus();
    }
  }

  return (
    <div className="menu" role="menu" aria-label={label} ref={ref} onKeyDown={onKeyDown}>
      {items.map((item, i) => {
        if ('separator' in item) return <div key={`sep${i}`} role="separator" className="menu-separator" />;
        if ('submenu' in item) {
          return (
            <div className="submenu-wrap" key={item.label} onMouseEnter={() => setOpenSub(i)} onMouseLeave={() => setOpenSub(null)}>
              <button
                type="button"
                role="menuitem"
                aria-haspopup="menu"
                aria-expanded={openSub === i}
                className="menu-item"
                onClick={() => setOpenSub(openSub === i ? null : i)}
                onKeyDown={(e) => {
                  if (e.key === 'ArrowRight' || e.key === 'Enter') {
                    e.preventDefault();
                    setOpenSub(i);
                  }
                }}
              >
                <span>{item.label}</span>
                <span className="menu-shortcut">▸</span>
              </button>
              {openSub === i && (
                <div className="submenu" onKeyDown={(e) => e.key === 'ArrowLeft' && setOpenSub(null)}>
                  <MenuList label={item.label} items={item.submenu} onDone={onDone} autoFocus />
                </div>
              )}
            </div>
          );
        }
        return (
          <button
            key={item.label}
            type="button"
            role="menuitem"
            className="menu-item"
            disabled={item.disabled}
            onClick={() => {
              onDone();
              item.onSelect();
            }}
          >
            <span>{item.label}</span>
            {item.shortcut && <span className="menu-shortcut">{item.shortcut}</span>}
          </button>
        );
      })}
    </div>
  );
}
