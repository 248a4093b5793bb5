import type { ThemeConfig } from 'antd';

/**
 * The system's own fonts (nothing is fetched on a closed intranet), and a primary colour
 * dark enough for white text and for links on white to pass WCAG AA contrast.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b5cad',
    colorLink: '#0b5cad',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // antd's defaults for these (table placeholders, danger buttons, 100 % progress) fall
    // below 4.5:1 on white; these keep their hue and pass.
    colorTextDisabled: 'rgba(0, 0, 0, 0.56)',
    colorError: '#c21d1d',
    colorSuccess: '#237a1e',
    fontFamily:
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
};
