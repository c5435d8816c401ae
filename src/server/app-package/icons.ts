import { PNG } from 'pngjs';

/**
 * Stagemap's icons, drawn in code so they can be regenerated (`npm run draw-icons`) and checked pixel for pixel:
 * a map pin over a calendar. Shapes are tested per sample and 4×4 supersampled, which gives smooth edges without a
 * graphics library; the outline icon's edges stay pure white with partial alpha, as Teams requires.
 */

/** Stagemap's accent colour; the manifest's `accentColor` is the same value. */
export const ACCENT_COLOR = '#117A65';

type Rgba = readonly [number, number, number, number];
type Shape = (x: number, y: number) => boolean;
interface Layer {
  shape: Shape;
  color: Rgba;
}

const hex = (value: string, alpha = 255): Rgba => [
  parseInt(value.slice(1, 3), 16),
  parseInt(value.slice(3, 5), 16),
  parseInt(value.slice(5, 7), 16),
  alpha,
];

const ACCENT = hex(ACCENT_COLOR);
const ACCENT_DARK = hex('#0B5345');
const PIN = hex('#F5B041');
const WHITE = hex('#FFFFFF');
/** Painting this erases what is below: used to cut gaps in the outline icon. */
const CLEAR: Rgba = [0, 0, 0, 0];

const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x < x1 && y >= y0 && y < y1;

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const roundedRect = (x0: number, y0: number, x1: number, y1: number, r: number): Shape => {
  const core = [rect(x0 + r, y0, x1 - r, y1), rect(x0, y0 + r, x1, y1 - r)];
  const corners = [
    circle(x0 + r, y0 + r, r),
    circle(x1 - r, y0 + r, r),
    circle(x0 + r, y1 - r, r),
    circle(x1 - r, y1 - r, r),
  ];
  return union(...core, ...corners);
};

/** Convex polygon, points in either winding order. */
const polygon = (points: ReadonlyArray<readonly [number, number]>): Shape => {
  return (x, y) => {
    let sign = 0;
    for (let i = 0; i < points.length; i++) {
      const [ax, ay] = points[i]!;
      const [bx, by] = points[(i + 1) % points.length]!;
      const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
      if (cross === 0) continue;
      if (sign === 0) sign = Math.sign(cross);
      else if (Math.sign(cross) !== sign) return false;
    }
    return true;
  };
};

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));

/** A teardrop map pin: a circle of radius r at (cx, cy) whose tangents meet at the tip (cx, tipY). */
const pin = (cx: number, cy: number, r: number, tipY: number): Shape => {
  const d = tipY - cy;
  const phi = Math.asin(r / d);
  const left: [number, number] = [cx - r * Math.cos(phi), cy + r * Math.sin(phi)];
  const right: [number, number] = [cx + r * Math.cos(phi), cy + r * Math.sin(phi)];
  return union(circle(cx, cy, r), polygon([left, right, [cx, tipY]]));
};

/** Index of the topmost layer containing (x, y), or -1 for the background. */
const topLayer = (layers: Layer[], x: number, y: number): number => {
  for (let i = layers.length - 1; i >= 0; i--) if (layers[i]!.shape(x, y)) return i;
  return -1;
};

/**
 * Paints layers (later on top) into an RGBA buffer; `background` fills where no layer is. A pixel whose four corners
 * fall in the same layer is painted flat; only edge pixels are supersampled, which keeps the 1024×768 preview fast.
 * Every feature is wider than a pixel, so no shape can hide between corners.
 */
function render(width: number, height: number, layers: Layer[], background: Rgba = CLEAR): Buffer {
  const samples = 4;
  const colorOf = (index: number): Rgba => (index < 0 ? background : layers[index]!.color);
  const corners = new Int16Array((width + 1) * (height + 1));
  for (let y = 0; y <= height; y++) {
    for (let x = 0; x <= width; x++) corners[y * (width + 1) + x] = topLayer(layers, x, y);
  }
  const data = Buffer.alloc(width * height * 4);
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const o = (py * width + px) * 4;
      const c = corners[py * (width + 1) + px]!;
      if (
        c === corners[py * (width + 1) + px + 1] &&
        c === corners[(py + 1) * (width + 1) + px] &&
        c === corners[(py + 1) * (width + 1) + px + 1]
      ) {
        const color = colorOf(c);
        data[o] = color[3] === 0 ? 0 : color[0];
        data[o + 1] = color[3] === 0 ? 0 : color[1];
        data[o + 2] = color[3] === 0 ? 0 : color[2];
        data[o + 3] = color[3];
        continue;
      }
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const color = colorOf(topLayer(layers, px + (sx + 0.5) / samples, py + (sy + 0.5) / samples));
          // Premultiplied accumulation, so a transparent sample never darkens a white edge.
          const alpha = color[3] / 255;
          r += color[0] * alpha;
          g += color[1] * alpha;
          b += color[2] * alpha;
          a += alpha;
        }
      }
      data[o] = a === 0 ? 0 : Math.round(r / a);
      data[o + 1] = a === 0 ? 0 : Math.round(g / a);
      data[o + 2] = a === 0 ? 0 : Math.round(b / a);
      data[o + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return data;
}

const encode = (width: number, height: number, data: Buffer): Buffer => {
  const png = new PNG({ width, height, colorType: 6 });
  data.copy(png.data);
  return PNG.sync.write(png, { colorType: 6 });
};

/** The calendar-and-pin mark in a box of side `s` at (ox, oy), in colour on a given background. */
function mark(ox: number, oy: number, s: number, calendarTop: Rgba, grid: Rgba): Layer[] {
  const X = (u: number) => ox + u * s;
  const Y = (u: number) => oy + u * s;
  const L = (u: number) => u * s;
  const cells: Layer[] = [];
  for (let row = 0; row < 2; row++) {
    for (let col = 0; col < 3; col++) {
      const x0 = 0.27 + col * 0.13;
      const y0 = 0.48 + row * 0.12;
      cells.push({ shape: roundedRect(X(x0), Y(y0), X(x0 + 0.08), Y(y0 + 0.07), L(0.015)), color: grid });
    }
  }
  return [
    { shape: roundedRect(X(0.2), Y(0.28), X(0.72), Y(0.78), L(0.06)), color: WHITE },
    { shape: roundedRect(X(0.2), Y(0.28), X(0.72), Y(0.4), L(0.06)), color: calendarTop },
    { shape: rect(X(0.2), Y(0.36), X(0.72), Y(0.4)), color: calendarTop },
    { shape: roundedRect(X(0.3), Y(0.22), X(0.35), Y(0.33), L(0.02)), color: WHITE },
    { shape: roundedRect(X(0.57), Y(0.22), X(0.62), Y(0.33), L(0.02)), color: WHITE },
    ...cells,
    // The pin, with a white rim that separates it from the calendar below.
    { shape: pin(X(0.7), Y(0.52), L(0.165), Y(0.9)), color: WHITE },
    { shape: pin(X(0.7), Y(0.52), L(0.135), Y(0.86)), color: PIN },
    { shape: circle(X(0.7), Y(0.52), L(0.055)), color: WHITE },
  ];
}

/** Color icon: 192×192, full colour, the mark on the accent colour. */
export function drawColorIcon(): Buffer {
  const size = 192;
  return encode(size, size, render(size, size, mark(0, 0, size, ACCENT_DARK, ACCENT), ACCENT));
}

/** Outline icon: 32×32, white on transparent only. A calendar outline with the pin cut out of it. */
export function drawOutlineIcon(): Buffer {
  const size = 32;
  const layers: Layer[] = [
    { shape: roundedRect(3, 6, 23, 27, 3), color: WHITE },
    { shape: rect(5, 12, 21, 25), color: CLEAR },
    { shape: roundedRect(7, 3, 9.5, 9, 1), color: WHITE },
    { shape: roundedRect(16.5, 3, 19, 9, 1), color: WHITE },
    { shape: rect(8, 15, 11, 18), color: WHITE },
    { shape: rect(13, 15, 16, 18), color: WHITE },
    { shape: rect(8, 20, 11, 23), color: WHITE },
    // A transparent gap around the pin keeps the two shapes readable at 32 px.
    { shape: pin(22.5, 17, 8, 31.5), color: CLEAR },
    { shape: pin(22.5, 17, 6.2, 29.5), color: WHITE },
    { shape: circle(22.5, 17, 2.4), color: CLEAR },
  ];
  return encode(size, size, render(size, size, layers));
}

/** SharePoint preview image: 1024×768 (the size the manifest schema names), the mark beside a phase timeline. */
export function drawSharePointPreview(): Buffer {
  const width = 1024;
  const height = 768;
  const phases = [0.55, 0.7, 0.45, 0.85, 0.6];
  const bars: Layer[] = [{ shape: roundedRect(500, 164, 960, 604, 28), color: WHITE }];
  phases.forEach((share, i) => {
    const y = 204 + i * 80;
    bars.push({ shape: circle(548, y + 20, 14), color: i < 3 ? ACCENT : PIN });
    bars.push({ shape: roundedRect(584, y + 8, 584 + share * 336, y + 32, 12), color: i < 3 ? ACCENT : PIN });
  });
  return encode(
    width,
    height,
    render(width, height, [...mark(40, 184, 420, ACCENT_DARK, ACCENT), ...bars], ACCENT),
  );
}

/** Every asset, keyed by its file name in `assets/` and in the app package. */
export function drawAllIcons(): Record<string, Buffer> {
  return {
    'color.png': drawColorIcon(),
    'outline.png': drawOutlineIcon(),
    'sharepoint-preview.png': drawSharePointPreview(),
  };
}
