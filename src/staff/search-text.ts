// C0 and C1 control characters (NUL included): nothing a person searches for, and NUL
// breaks SQLite's string handling (a 500 on ?q=%00%00 before this)
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

// long enough for any real search; a pasted page is cut, not run as a huge FTS phrase
export const MAX_SEARCH_CHARS = 200;

/** A search box's text made safe to search with: controls become spaces, trimmed, bounded; undefined when empty. */
export function searchText(raw: string | undefined): string | undefined {
  const s = (raw ?? '').replace(CONTROL, ' ').trim().slice(0, MAX_SEARCH_CHARS).trim();
  return s || undefined;
}
