/**
 * Text from an inventory printed to a terminal (text mode of `timeline`, `check-inventory`, `publish`): control
 * characters are removed, so a cell cannot move the cursor, recolour, retitle the window or fake an extra line
 * (ESC sequences, C1 controls, bidirectional overrides). Line breaks and tabs inside a value become spaces.
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function sanitizeTerminal(text: string): string {
  return text.replace(/[\t\n\r]/g, ' ').replace(CONTROLS, '');
}
