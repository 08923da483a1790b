/** Light or dark, following Office's theme when the pane runs inside Office. */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** Perceived brightness of "#RRGGBB" from 0 (black) to 1 (white). */
export function brightness(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return undefined;
  const n = parseInt(m[1]!, 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
}

export function themeFor(backgroundColor: string | undefined): Theme {
  const b = backgroundColor ? brightness(backgroundColor) : undefined;
  return b !== undefined && b < 0.5 ? webDarkTheme : webLightTheme;
}

/** The theme of the Office host, or light outside Office. */
export function officeTheme(): Theme {
  try {
    if (typeof Office !== 'undefined' && Office.context?.officeTheme)
      return themeFor(Office.context.officeTheme.bodyBackgroundColor);
  } catch {
    // Older hosts have no officeTheme.
  }
  return webLightTheme;
}
