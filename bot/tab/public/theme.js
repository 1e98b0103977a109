// Follows the Teams theme (default, dark, contrast); ?theme= forces one outside Teams.

/** Themes the board knows; anything else falls back to default. */
export const THEMES = ['default', 'dark', 'contrast'];

/**
 * Applies a theme by name to the page and tells listeners.
 * @param {string} name
 * @returns {string} the theme applied
 */
export function applyTheme(name) {
  const theme = THEMES.includes(name) ? name : 'default';
  document.documentElement.dataset.theme = theme;
  document.dispatchEvent(new CustomEvent('board-theme', { detail: theme }));
  return theme;
}

/** The theme asked for on the URL (?theme=dark), or null. */
export function themeFromUrl() {
  const asked = new URLSearchParams(window.location.search).get('theme');
  return asked && THEMES.includes(asked) ? asked : null;
}

window.__setTheme = applyTheme;
