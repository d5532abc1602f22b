// Charts: vega-lite spec -> SVG (vector, for the PDF) and -> PNG (for Excel, which cannot show SVG).
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { ROBOTO } from './fonts.js';

export type VegaLiteSpec = vl.TopLevelSpec;

export const CHART_COLOURS = ['#1f4e79', '#9dc3e6', '#c55a11', '#70ad47', '#7f6000'];

const BASE_CONFIG = {
  font: 'Roboto',
  background: 'white',
  view: { stroke: null },
  axis: {
    labelFontSize: 9,
    titleFontSize: 10,
    labelColor: '#333',
    titleColor: '#333',
    gridColor: '#e6e6e6',
    domainColor: '#999',
    tickColor: '#999',
  },
  legend: { labelFontSize: 9, titleFontSize: 10, orient: 'top' },
  title: { fontSize: 11, anchor: 'start', color: '#1f1f1f', fontWeight: 'bold' },
};

export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const compiled = vl.compile({ ...spec, config: { ...BASE_CONFIG, ...(spec.config ?? {}) } } as VegaLiteSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { fontFiles: [ROBOTO.normal, ROBOTO.bold], loadSystemFonts: false, defaultFontFamily: 'Roboto' },
  });
  return resvg.render().asPng();
}

/** Pixel size of an SVG from its width/height attributes (vega always writes them). */
export function svgSize(svg: string): { width: number; height: number } {
  const w = Number(/width="([\d.]+)"/.exec(svg)?.[1] ?? 600);
  const h = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 300);
  return { width: w, height: h };
}
