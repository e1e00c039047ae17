import type { ExportedFile } from '../../../shared/api/history-methods';

/** How long the browser gets to start saving a download before its object URL is released. */
const RELEASE_URL_AFTER_MS = 60_000;

/** Hands an exported file to the browser as a download (the browser host has no save dialog). */
export function downloadFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), RELEASE_URL_AFTER_MS);
}
