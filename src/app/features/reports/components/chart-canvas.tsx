import { tokens } from '@fluentui/react-components';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Pie,
  PieChart,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';

/**
 * The drawing of a chart (recharts). Loaded lazily by ChartFigure: recharts is large and no first screen needs
 * it. The drawing is decorative for assistive technology (ChartFigure hides it and offers the data as a table),
 * so recharts' own keyboard layer is off: a focusable element inside aria-hidden would trap screen readers.
 */

export interface ChartDatum {
  label: string;
  value: number;
}

// Fluent palette tokens (CSS variables), so the colours follow the light, dark and high-contrast themes.
const SERIES = [
  tokens.colorPaletteBlueBorderActive,
  tokens.colorPaletteGreenBorderActive,
  tokens.colorPaletteMarigoldBorderActive,
  tokens.colorPaletteBerryBorderActive,
  tokens.colorPaletteTealBorderActive,
  tokens.colorPaletteDarkOrangeBorderActive,
  tokens.colorPaletteLavenderBorderActive,
  tokens.colorPaletteSteelBorderActive,
];

export default function ChartCanvas({
  kind,
  data,
  max,
}: {
  kind: 'bar' | 'pie';
  data: readonly ChartDatum[];
  max?: number | undefined;
}) {
  const rows = data.map((d) => ({ ...d }));
  if (kind === 'pie')
    return (
      <ResponsiveContainer width="100%" height={220}>
        <PieChart accessibilityLayer={false}>
          <Pie
            data={rows}
            dataKey="value"
            nameKey="label"
            rootTabIndex={-1}
            outerRadius={90}
            isAnimationActive={false}
            stroke={tokens.colorNeutralBackground1}
          >
            {rows.map((r, i) => (
              <Cell key={r.label} fill={SERIES[i % SERIES.length]} />
            ))}
          </Pie>
        </PieChart>
      </ResponsiveContainer>
    );
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, 28 * rows.length + 40)}>
      <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ left: 8, right: 16 }}>
        <CartesianGrid horizontal={false} stroke={tokens.colorNeutralStroke2} />
        <XAxis
          type="number"
          allowDecimals={max !== undefined}
          domain={max !== undefined ? [0, max] : [0, 'auto']}
          tick={{ fill: tokens.colorNeutralForeground2 }}
          stroke={tokens.colorNeutralStroke1}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={160}
          tick={{ fill: tokens.colorNeutralForeground2, fontSize: 12 }}
          stroke={tokens.colorNeutralStroke1}
        />
        <Bar dataKey="value" fill={tokens.colorBrandBackground} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
