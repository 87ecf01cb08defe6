/**
 * Terminal safety: document text never reaches the terminal with control characters.
 * C0 controls (but tab and newline), DEL, C1 controls and bidirectional overrides are
 * removed, so an ESC sequence in a title cannot clear the screen, set a link or hide text.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function stripControl(s: string): string {
  return s.replace(CONTROL, '');
}

/** For one-line contexts: also fold newlines and tabs to spaces. */
export function oneLine(s: string): string {
  return stripControl(s).replace(/[\t\n]+/g, ' ');
}

/** Trailing blanks removed from every line (a wrapped table cell pads its lines). */
export function trimLines(s: string): string {
  return s.replace(/(?<![ \t])[ \t]+$/gm, '');
}
