/**
 * Terminal control sequences: CSI (`ESC [ ... final`, colours and cursor moves), OSC (`ESC ] ...`
 * up to BEL or ST: window titles, hyperlinks, clipboard writes), other two-byte escapes, and the
 * remaining C0/C1 control characters except tab and newline. Candidate answers and golden-set
 * fields are untrusted: shown in a terminal or a Markdown page, they must stay text.
 */
const CONTROL = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b\[[0-?]*[ -/]*[@-~]?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}

/** Control sequences stripped, every run of white space (newlines too) one space. */
export function oneLine(text: string): string {
  return stripControl(text).replace(/\s+/g, ' ');
}

/** One Markdown table cell: one line, pipes escaped so they do not split the cell. */
export function escapeCell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}
