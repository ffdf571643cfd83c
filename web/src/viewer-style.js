// How entity types look: one colour (Okabe–Ito palette, distinguishable
// with the common colour-vision deficiencies) and one shape each, so that
// type never rests on colour alone. The graph, the legend and the details
// panel all draw from this table.

export const TYPES = [
  { type: 'AGENCY', label: 'Agency', color: '#0072B2', shape: 'ellipse' },
  { type: 'LAW', label: 'Law', color: '#D55E00', shape: 'round-rectangle' },
  { type: 'PROGRAM', label: 'Program', color: '#009E73', shape: 'diamond' },
  { type: 'REGION', label: 'Region', color: '#E69F00', shape: 'hexagon' },
  { type: 'PERSON', label: 'Person', color: '#CC79A7', shape: 'triangle' },
  { type: 'ORGANIZATION', label: 'Organization', color: '#56B4E9', shape: 'pentagon' },
];

const OTHER = { label: 'Other', color: '#8c959f', shape: 'ellipse' };

export function typeInfo(type) {
  return TYPES.find((t) => t.type === type) || { ...OTHER, type, label: String(type) };
}

const edgeColor = '#8c959f';
const selectColor = '#cf222e';

// graphStyle is the Cytoscape stylesheet.
export function graphStyle() {
  return [
    {
      selector: 'node',
      style: {
        width: 28,
        height: 28,
        'background-color': OTHER.color,
        'border-width': 2,
        'border-color': '#ffffff',
        label: 'data(name)',
        'font-size': 11,
        color: '#1f2328',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': 140,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': 1,
        'min-zoomed-font-size': 6,
      },
    },
    ...TYPES.map((t) => ({
      selector: `node[type = "${t.type}"]`,
      style: { 'background-color': t.color, shape: t.shape },
    })),
    // A dashed outline: the entity has relations the graph does not show yet.
    { selector: 'node[?more]', style: { 'border-style': 'dashed', 'border-color': '#24292f' } },
    { selector: 'node.root', style: { width: 40, height: 40, 'font-weight': 'bold' } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': edgeColor,
        'target-arrow-color': edgeColor,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        label: 'data(predicate)',
        'font-size': 9,
        color: '#57606a',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'min-zoomed-font-size': 7,
      },
    },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': selectColor, 'border-style': 'solid' },
    },
    {
      selector: 'edge:selected',
      style: { width: 3.5, 'line-color': selectColor, 'target-arrow-color': selectColor, color: selectColor },
    },
    // Filtered out: kept in the graph, not drawn, not counted as visible.
    { selector: '.filtered', style: { display: 'none' } },
  ];
}

const SVG = 'http://www.w3.org/2000/svg';

// polygon returns the points of a regular polygon with n corners in a
// 16×16 box, the first corner at the top.
function polygon(n, rotate = 0) {
  const points = [];
  for (let i = 0; i < n; i++) {
    const a = rotate - Math.PI / 2 + (2 * Math.PI * i) / n;
    points.push(`${(8 + 7 * Math.cos(a)).toFixed(2)},${(8 + 7 * Math.sin(a)).toFixed(2)}`);
  }
  return points.join(' ');
}

// swatch draws a type's shape and colour as a small inline SVG for the
// legend and the panels.
export function swatch(type) {
  const { color, shape } = typeInfo(type);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'swatch');
  let mark;
  if (shape === 'round-rectangle') {
    mark = document.createElementNS(SVG, 'rect');
    for (const [k, v] of Object.entries({ x: 1.5, y: 2.5, width: 13, height: 11, rx: 3 })) mark.setAttribute(k, v);
  } else if (shape === 'ellipse') {
    mark = document.createElementNS(SVG, 'circle');
    for (const [k, v] of Object.entries({ cx: 8, cy: 8, r: 7 })) mark.setAttribute(k, v);
  } else {
    const corners = { diamond: 4, hexagon: 6, triangle: 3, pentagon: 5 }[shape] || 4;
    mark = document.createElementNS(SVG, 'polygon');
    mark.setAttribute('points', polygon(corners, shape === 'hexagon' ? Math.PI / 6 : 0));
  }
  mark.setAttribute('fill', color);
  svg.append(mark);
  return svg;
}
