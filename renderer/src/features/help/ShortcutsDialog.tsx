import { Dialog } from '../../ui/Dialog';

const SHORTCUTS: [string, string][] = [
  ['Ctrl+N', 'New case'],
  ['Ctrl+F', 'Search cases'],
  ['Ctrl+E', 'Export (the selected cases, or sources from the Sources view)'],
  ['↑ / ↓', 'Move between cases'],
  ['Home / End', 'First / last case'],
  ['Page Up / Page Down', 'Move a page at a time'],
  ['Shift+↑ / Shift+↓, Shift-click', 'Extend the selection'],
  ['Ctrl-click, Ctrl+Space', 'Add or remove a case from the selection'],
  ['Ctrl+A', 'Select all cases'],
  ['Enter', 'Open the case and edit its title'],
  ['Delete', 'Move the selected cases to the Trash'],
  ['Shift-click a column header', 'Add a secondary sort'],
  ['← / → on a column edge', 'Resize the column'],
  ['Escape', 'Close a dialog or menu; undo typing in a field'],
  ['Ctrl+Alt+F', 'In a case note: insert a footnote (or edit the selected one)'],
  ['Ctrl+Shift+M', 'Merge from a colleague’s file'],
  ['↑ / ↓, Home / End', 'In Review Conflicts: move between conflicts'],
  ['Ctrl+Enter', 'In Review Conflicts: resolve with the chosen values and go to the next'],
  ['Ctrl+/', 'This list'],
];

/** Help ▸ Keyboard shortcuts. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
