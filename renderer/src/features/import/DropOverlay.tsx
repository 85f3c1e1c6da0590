import './import.css';

/** Shown while files hover over the window; the drop itself is handled by `useFileDrop`. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" role="presentation">
      <p role="status">Drop a .bib, .ris or .json file to import its sources</p>
    </div>
  );
}
