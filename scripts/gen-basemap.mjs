#!/usr/bin/env node
// Regenerates the bundled basemap `assets/basemap/world.bin`: coastlines, land and country
// borders for the maps drawn without tiles.
//
// Not run by CI or by `scripts/setup.sh`: the generated file is committed. Run it by hand to move
// to a newer release (bump the pin below, then run `cargo test basemap`):
//
//     node scripts/gen-basemap.mjs          # a few seconds; downloads ~2 MB from npm
//
// It fetches the pinned npm package `world-atlas` (ISC; a TopoJSON redistribution of Natural
// Earth's 1:50m "admin 0 countries", public domain) into a throw-away directory, reads its
// `countries-50m.json` and writes its arcs (simplified, see TOLERANCE) and land rings, still
// quantised as TopoJSON has them:
//
// world.bin, little-endian:
//     b"RBMP", version u8 = 1
//     scale x, scale y, translate x, translate y: f64 each (degrees = quantised * scale + translate,
//         x is longitude, y latitude)
//     arc count: LEB128 varint; then per arc:
//         kind u8: 0 = coastline (an edge of one country only), 1 = border (shared by two)
//         point count: varint; then per point, x then y as zigzag varints: the first point's
//         quantised position, then each point's difference with the previous one (as TopoJSON)
//     ring count: varint; then per ring of the land (outer rings and holes alike, to be filled
//         with the even-odd rule): arc count, then each arc as a zigzag varint, TopoJSON's way
//         (i is arc i forwards; -1 - i, i.e. ~i, is arc i backwards)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PIN = 'world-atlas@2.0.2';
// Lines are simplified to within this many degrees (about 890 m of latitude): at the scales the
// maps show, a coast or a border needs no more, and the basemap is a sixth lighter. That is kept
// where Reflet's people live and travel most (Europe, and France's overseas regions); elsewhere,
// seen at the scale of a country, lines are simplified to within FAR_TOLERANCE (about 5.5 km:
// 0.025° before issue 11 needed 20 KB of the first load),
// which makes the basemap, the first load's largest asset, much lighter.
const TOLERANCE = 0.008;
const FAR_TOLERANCE = 0.05;
// [south, west, north, east] in degrees.
const NEAR = [
  [27, -32, 72, 45], // Europe, with the Canaries, Madeira and the Azores
  [15.5, -62, 18.5, -60.5], // Guadeloupe, Martinique
  [1.5, -55, 6.5, -51], // French Guiana
  [-21.5, 55, -20.8, 55.9], // La Réunion
  [-13.1, 44.9, -12.5, 45.4], // Mayotte
  [46.6, -56.6, 47.2, -56.0], // Saint-Pierre-et-Miquelon
];
const toleranceAt = ([lng, lat]) =>
  NEAR.some(([s, w, n, e]) => lat >= s && lat <= n && lng >= w && lng <= e) ? TOLERANCE : FAR_TOLERANCE;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'assets/basemap/world.bin');

const scratch = mkdtempSync(join(tmpdir(), 'basemap-'));
try {
  execFileSync('npm', ['pack', PIN, '--silent'], { cwd: scratch });
  execFileSync('tar', ['xzf', `${PIN.replace('@', '-')}.tgz`], { cwd: scratch });
  const topo = JSON.parse(readFileSync(join(scratch, 'package/countries-50m.json'), 'utf8'));

  const bytes = [];
  const varint = (n) => {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`bad varint ${n}`);
    do {
      let b = n % 128;
      n = Math.floor(n / 128);
      if (n > 0) b += 128;
      bytes.push(b);
    } while (n > 0);
  };
  const zigzag = (n) => varint(n >= 0 ? 2 * n : -2 * n - 1);
  const f64 = (x) => {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(x);
    bytes.push(...b);
  };

  // How many countries use each arc: two is a border, one a coastline.
  const uses = new Array(topo.arcs.length).fill(0);
  const visit = (arcs) => {
    for (const a of arcs) {
      if (Array.isArray(a)) visit(a);
      else uses[a < 0 ? ~a : a] += 1;
    }
  };
  for (const g of topo.objects.countries.geometries) visit(g.arcs || []);

  bytes.push(...Buffer.from('RBMP'), 1);
  const { scale, translate } = topo.transform;
  [scale[0], scale[1], translate[0], translate[1]].forEach(f64);
  // Each arc simplified (Douglas-Peucker, TOLERANCE degrees, longitudes shrunk by the cosine of
  // the latitude): its ends stay, so arcs still meet; a closed arc (an island) is cut at its point
  // farthest from its start and keeps at least a triangle.
  const deg = ([x, y]) => [x * scale[0] + translate[0], y * scale[1] + translate[1]];
  const distance = (p, a, c) => {
    const [P, A, C] = [deg(p), deg(a), deg(c)];
    const k = Math.cos((P[1] * Math.PI) / 180);
    const [px, py, ax, ay, cx, cy] = [P[0] * k, P[1], A[0] * k, A[1], C[0] * k, C[1]];
    const [dx, dy] = [cx - ax, cy - ay];
    const length = dx * dx + dy * dy;
    if (length === 0) return Math.hypot(px - ax, py - ay);
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
  };
  const douglasPeucker = (points) => {
    if (points.length < 3) return points;
    const keep = points.map((_, i) => i === 0 || i === points.length - 1);
    const stack = [[0, points.length - 1]];
    while (stack.length) {
      const [i, j] = stack.pop();
      let [best, at] = [-1, -1];
      for (let k = i + 1; k < j; k++) {
        const d = distance(points[k], points[i], points[j]);
        if (d > best) [best, at] = [d, k];
      }
      if (at >= 0 && best > toleranceAt(deg(points[at]))) {
        keep[at] = true;
        stack.push([i, at], [at, j]);
      }
    }
    return points.filter((_, i) => keep[i]);
  };
  const simplify = (points) => {
    const [first, last] = [points[0], points[points.length - 1]];
    if (points.length <= 4 || first[0] !== last[0] || first[1] !== last[1]) return douglasPeucker(points);
    let far = 0;
    points.forEach((p, k) => { if (distance(p, first, first) > distance(points[far], first, first)) far = k; });
    const out = [...douglasPeucker(points.slice(0, far + 1)), ...douglasPeucker(points.slice(far)).slice(1)];
    if (out.length >= 4) return out;
    const third = Math.floor(points.length / 3);
    return [first, points[third], points[2 * third], first];
  };
  let points = 0;
  varint(topo.arcs.length);
  topo.arcs.forEach((arc, i) => {
    // TopoJSON's arcs are quantised positions as differences: back to positions, simplified,
    // then differences again.
    let [x, y] = [0, 0];
    const absolute = arc.map(([dx, dy]) => [(x += dx), (y += dy)]);
    const kept = simplify(absolute);
    points += kept.length;
    bytes.push(uses[i] >= 2 ? 1 : 0);
    varint(kept.length);
    [x, y] = [0, 0];
    for (const [px, py] of kept) {
      zigzag(px - x);
      zigzag(py - y);
      [x, y] = [px, py];
    }
  });
  // The land: one MultiPolygon (or Polygon) of rings of arcs.
  const rings = [];
  for (const g of topo.objects.land.geometries) {
    const polygons = g.type === 'Polygon' ? [g.arcs] : g.arcs;
    for (const polygon of polygons) rings.push(...polygon);
  }
  varint(rings.length);
  for (const ring of rings) {
    varint(ring.length);
    for (const a of ring) zigzag(a);
  }
  writeFileSync(OUT, Buffer.from(bytes));
  console.log(`${OUT}: ${bytes.length} bytes, ${topo.arcs.length} arcs, ${points} points, ${rings.length} land rings`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
