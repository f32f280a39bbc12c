// What the screen may show right now. Presentation mode (for the beamer) shows initials and
// class only; quick-hide blanks the whole window at once. Both live only in memory.
export const privacy = $state({ presentation: false, hidden: false });

/** The name to show for a casus or pupil: initials in presentation mode. */
export function shown(label: string, initials: string): string {
  return privacy.presentation ? initials : label;
}

/** F8 toggles quick-hide; any key or click while hidden shows the window again. */
export function quickHideKey(event: KeyboardEvent): boolean {
  return event.key === 'F8';
}
