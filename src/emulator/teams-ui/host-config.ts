/**
 * Adaptive Cards host config approximating Microsoft Teams' light theme (Segoe UI, Teams purple accent, its
 * spacing), so that cards look and wrap here roughly as they do in the Teams client. Colours are chosen to keep
 * WCAG AA contrast on the white and light-grey card backgrounds.
 */
export const TEAMS_HOST_CONFIG = {
  supportsInteractivity: true,
  fontFamily: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', sans-serif",
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 160 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        dark: { default: '#242424', subtle: '#424242' },
        light: { default: '#FFFFFF', subtle: '#F5F5F5' },
        accent: { default: '#4F52B2', subtle: '#4F52B2' },
        good: { default: '#0E700E', subtle: '#0E700E' },
        warning: { default: '#8A3707', subtle: '#8A3707' },
        attention: { default: '#C4314B', subtle: '#B10E1C' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: {
        default: { default: '#242424', subtle: '#5C5C5C' },
        dark: { default: '#242424', subtle: '#424242' },
        light: { default: '#FFFFFF', subtle: '#F5F5F5' },
        accent: { default: '#4F52B2', subtle: '#4F52B2' },
        good: { default: '#0E700E', subtle: '#0E700E' },
        warning: { default: '#8A3707', subtle: '#8A3707' },
        attention: { default: '#B10E1C', subtle: '#B10E1C' },
      },
    },
    accent: {
      backgroundColor: '#E8EBFA',
      foregroundColors: { default: { default: '#242424', subtle: '#424242' } },
    },
    good: {
      backgroundColor: '#E7F2DA',
      foregroundColors: { default: { default: '#242424', subtle: '#424242' } },
    },
    attention: {
      backgroundColor: '#FDF3F4',
      foregroundColors: { default: { default: '#242424', subtle: '#424242' } },
    },
    warning: {
      backgroundColor: '#FBF6D9',
      foregroundColors: { default: { default: '#242424', subtle: '#424242' } },
    },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    iconPlacement: 'leftOfTitle',
  },
  adaptiveCard: { allowCustomStyle: true },
  inputs: {
    label: {
      requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' },
      optionalInputs: { weight: 'bolder' },
    },
    errorMessage: { color: 'attention', size: 'small' },
  },
  textBlock: { headingLevel: 2 },
} as const;
