import type { BibliographyFormat, ExportFormat, ExportResult } from '../../../../common/domain/exports';

/**
 * Puts an export's text on the clipboard. A bibliography (and a web page) goes as rich text too,
 * so it pastes formatted into a word processor and as text into a plain editor; a plain-text
 * bibliography and the data formats go as text only. Falls back to plain text where the browser
 * has no `ClipboardItem` or refuses rich content.
 */
export async function copyExportResult(result: ExportResult, format: ExportFormat, bibliographyFormat: BibliographyFormat): Promise<void> {
  const text = result.text ?? '';
  if (text === '' && !result.html) throw new Error('There is nothing to copy: the export is empty.');
  const rich = result.html && (format === 'html' || (format === 'bibliography' && bibliographyFormat !== 'text')) ? result.html : null;
  if (rich && typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([rich], { type: 'text/html' }),
          'text/plain': new Blob([text || rich], { type: 'text/plain' }),
        }),
      ]);
      return;
    } catch {
      // Some hosts refuse rich clipboard content; the text still helps.
    }
  }
  if (!navigator.clipboard?.writeText) throw new Error('This window has no access to the clipboard; export to a file instead.');
  await navigator.clipboard.writeText(text || rich || '');
}
