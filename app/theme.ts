import { createTheme } from "@mantine/core";

// Calm institutional palette; contrast of primary on white meets WCAG AA.
export const theme = createTheme({
  primaryColor: "teal",
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: { fontWeight: "650" },
  focusRing: "auto",
});
