// Microsoft Teams' Adaptive Card colours per theme, as published by Microsoft, for the contrast test.
//
// Light and dark: the Teams host configs Microsoft publishes with the Adaptive Cards designer,
//   github.com/microsoft/AdaptiveCards  samples/HostConfig/microsoft-teams-light.json and microsoft-teams-dark.json
//   (commit 644d933e185a8482c4dcf4c375d177aac37fd095; the same values are in microsoft/Teams-AdaptiveCards-Mobile
//   samples/HostConfig/ and in the light host config bundled with the Agents Playground 0.2.28).
// High contrast: Microsoft publishes no Adaptive Card host config for it. Teams' high-contrast theme is black and
// white with yellow, green and cyan for states (github.com/microsoft/fluentui
//   packages/fluentui/react-northstar/src/themes/teams-high-contrast/colors.ts: background #000, foreground #fff,
//   accessibleYellow #ffff00, accessibleGreen #3ff23f, accessibleCyan #1aebff). Forced colours draw every container on the
//   theme background in the theme foreground; the named colours below are that palette's, the closest published values.
// Colours are "#AARRGGBB" (alpha first) or "#RRGGBB", as in host configs.

export type Named = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type ContainerStyle = 'default' | 'emphasis' | 'accent' | 'good' | 'attention' | 'warning';

export interface Theme {
  name: string;
  styles: Record<ContainerStyle, { background: string; foreground: Record<Named, { default: string; subtle: string }> }>;
}

const lightForeground = {
  default: { default: '#ff252424', subtle: '#bf252424' },
  dark: { default: '#252424', subtle: '#bf252424' },
  light: { default: '#ffffff', subtle: '#fff3f2f1' },
  accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#92c353', subtle: '#e592c353' },
  warning: { default: '#f8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#c4314b', subtle: '#e5c4314b' },
};

const darkOnDark = {
  default: { default: '#ffffffff', subtle: '#bfffffff' },
  dark: { default: '#ff201f1f', subtle: '#ff2d2c2c' },
  light: { default: '#ffffffff', subtle: '#bfffffff' },
  accent: { default: '#ffa6a7dc', subtle: '#ff8b8cc7' },
  good: { default: '#ff92c353', subtle: '#e592c353' },
  warning: { default: '#fff8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#ffd74654', subtle: '#e5d74654' },
};
/** In the dark theme the coloured bands stay light, and their default text is dark. */
const darkOnBand = { ...darkOnDark, default: { default: '#ff201f1f', subtle: '#ff2d2c2c' } };

const white = { default: '#ffffff', subtle: '#ffffff' };
const highContrastForeground = {
  default: white,
  dark: white,
  light: white,
  accent: { default: '#1aebff', subtle: '#1aebff' },
  good: { default: '#3ff23f', subtle: '#3ff23f' },
  warning: { default: '#ffff00', subtle: '#ffff00' },
  attention: { default: '#ffff00', subtle: '#ffff00' },
};

export const TEAMS_THEMES: Theme[] = [
  {
    name: 'light',
    styles: {
      default: { background: '#ffffff', foreground: lightForeground },
      emphasis: { background: '#fff9f8f7', foreground: lightForeground },
      accent: { background: '#C7DEF9', foreground: lightForeground },
      good: { background: '#CCFFCC', foreground: lightForeground },
      attention: { background: '#FFC5B2', foreground: lightForeground },
      warning: { background: '#FFE2B2', foreground: lightForeground },
    },
  },
  {
    name: 'dark',
    styles: {
      default: { background: '#ff2d2c2c', foreground: darkOnDark },
      emphasis: { background: '#ff292828', foreground: darkOnDark },
      accent: { background: '#C7DEF9', foreground: darkOnBand },
      good: { background: '#CCFFCC', foreground: darkOnBand },
      attention: { background: '#FFC5B2', foreground: darkOnBand },
      warning: { background: '#FFE2B2', foreground: darkOnBand },
    },
  },
  {
    name: 'high contrast',
    styles: Object.fromEntries(
      (['default', 'emphasis', 'accent', 'good', 'attention', 'warning'] as const).map((style) => [
        style,
        { background: '#000000', foreground: highContrastForeground },
      ]),
    ) as Theme['styles'],
  },
];

type Rgb = [number, number, number];

function parse(colour: string): { rgb: Rgb; alpha: number } {
  const hex = colour.replace('#', '');
  const [a, rest] = hex.length === 8 ? [Number.parseInt(hex.slice(0, 2), 16) / 255, hex.slice(2)] : [1, hex];
  const rgb = [0, 2, 4].map((i) => Number.parseInt(rest.slice(i, i + 2), 16)) as Rgb;
  return { rgb, alpha: a };
}

/** A colour as seen on a background (alpha blended), as 0–255 channels. */
function over(colour: string, background: string): Rgb {
  const fg = parse(colour);
  const bg = parse(background).rgb;
  return fg.rgb.map((c, i) => c * fg.alpha + (bg[i] ?? 0) * (1 - fg.alpha)) as Rgb;
}

/** WCAG 2 relative luminance. */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG 2 contrast ratio of text in `colour` on `background` (1 to 21). */
export function contrast(colour: string, background: string): number {
  const bg = parse(background).rgb;
  const a = luminance(over(colour, background));
  const b = luminance(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
