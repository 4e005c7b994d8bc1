#!/usr/bin/env node
// convert-world-atlas.mjs - builds resources/map/land.geo for the Failover Lab map view.
//
// Input:  Natural Earth land polygons as packaged in the npm module "world-atlas"
//         (TopoJSON, lon/lat degrees), decoded with topojson-client.
// Output: a small little-endian binary file of polygon rings (format in README.md).
//
// Usage (run in a folder where world-atlas@2 and topojson-client are installed):
//   node <repo>/resources/map/convert-world-atlas.mjs [--scale 50m|110m] [--out FILE]
// Defaults: --scale 50m, --out land.geo next to this script.
//
// Why this script does more than copy coordinates: world-atlas data is meant for
// spherical rendering (d3-geo). Some rings cross the 180th meridian (Chukotka,
// Wrangel Island), points on the meridian sometimes carry the "wrong" sign
// (-180 instead of +180), and Antarctica is a ring that goes round the South
// Pole without ever touching it. Drawn naively on a flat lon/lat map those
// produce bands stretched right across the map. So each ring is made
// continuous, pole-encircling rings are closed along latitude -90, and
// everything is cut at lon = +/-180 into pieces that lie inside the map.
// No points are simplified away; the only vertices removed are exact
// duplicates created by int16 quantisation, and rings with zero area.

import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---- command line ---------------------------------------------------------
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const scale = opt('--scale', '50m');
if (!['50m', '110m'].includes(scale)) throw new Error(`--scale must be 50m or 110m, got ${scale}`);
const here = dirname(fileURLToPath(import.meta.url));
const outPath = resolve(opt('--out', join(here, 'land.geo')));

// Packages are looked up from the current directory first (the scratch folder
// with node_modules), then next to this script.
function load(spec) {
  for (const base of [process.cwd() + '/', here + '/']) {
    try { return createRequire(base)(spec); } catch (e) { if (e.code !== 'MODULE_NOT_FOUND') throw e; }
  }
  throw new Error(`cannot find ${spec}; run "npm install world-atlas@2 topojson-client" in the current folder`);
}
const { feature } = load('topojson-client');
const topology = load(`world-atlas/land-${scale}.json`);
const atlasVersion = load('world-atlas/package.json').version;

// ---- geometry helpers (all in degrees, x = lon, y = lat) -------------------
const signedArea = (ring) => {          // shoelace; > 0 means counter-clockwise with north up
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a / 2;
};
const closeRing = (ring) => {
  const f = ring[0], l = ring[ring.length - 1];
  if (f[0] !== l[0] || f[1] !== l[1]) ring.push([f[0], f[1]]);
  return ring;
};

// Rewrite longitudes so consecutive points never jump by more than 180 degrees.
// Returns the open ring (closing point removed) and the total wrap (0 or +/-360).
function unwrap(ring) {
  const pts = ring.slice(0, -1).map(p => [p[0], p[1]]);
  let shift = 0;
  for (let i = 1; i < pts.length; i++) {
    const d = (ring[i][0] + shift) - pts[i - 1][0];
    if (d > 180) shift -= 360; else if (d < -180) shift += 360;
    pts[i][0] = ring[i][0] + shift;
  }
  // wrap accumulated over the closing edge back to the first point
  const d = (ring[0][0] + shift) - pts[pts.length - 1][0];
  if (d > 180) shift -= 360; else if (d < -180) shift += 360;
  return { pts, wrap: shift };
}

// For a ring that goes once round a pole: rotate it to start where it meets
// the antimeridian, then close it along the pole so it becomes an ordinary
// planar polygon exactly 360 degrees wide, placed within [-180, 180].
function closeAroundPole(pts, wrap) {
  const n = pts.length;
  // find the first edge that reaches some meridian x = 180 + 360m
  for (let i = 0; i < n; i++) {
    const a = pts[i], b = i + 1 < n ? pts[i + 1] : [pts[0][0] + wrap, pts[0][1]];
    if (a[0] === b[0]) continue;
    const L = 180 + 360 * Math.ceil((Math.min(a[0], b[0]) - 180) / 360);
    if (L > Math.max(a[0], b[0])) continue;
    const t = (L - a[0]) / (b[0] - a[0]);
    const start = [L, a[1] + t * (b[1] - a[1])];
    // walk from the crossing once round the pole, back to the crossing + wrap
    const chain = [start];
    for (let j = 1; j <= n; j++) {
      const idx = (i + j) % n, lap = i + j >= n ? wrap : 0;
      chain.push([pts[idx][0] + lap, pts[idx][1]]);
    }
    chain.push([L + wrap, start[1]]);
    // close along the pole the ring goes round (south if it lies mostly south)
    const poleLat = chain.reduce((s, p) => s + p[1], 0) < 0 ? -90 : 90;
    chain.push([L + wrap, poleLat], [L, poleLat]);
    // shift so the chain spans exactly [-180, 180]
    const off = -180 - Math.min(L, L + wrap);
    return chain.map(p => [p[0] + off, p[1]]);
  }
  throw new Error('pole ring without antimeridian crossing');
}

// Sutherland-Hodgman clip of a closed ring against the strip xmin <= x <= xmax.
function clipStrip(ring, xmin, xmax) {
  const clipEdge = (input, inside, cut) => {
    const out = [];
    for (let i = 0; i + 1 < input.length; i++) {
      const a = input[i], b = input[i + 1];
      const ia = inside(a), ib = inside(b);
      if (ia) out.push(a);
      if (ia !== ib) out.push(cut(a, b));
    }
    return out.length ? closeRing(out) : out;
  };
  const cutAt = (x) => (a, b) => [x, a[1] + (x - a[0]) / (b[0] - a[0]) * (b[1] - a[1])];
  let r = clipEdge(ring, p => p[0] >= xmin, cutAt(xmin));
  if (r.length) r = clipEdge(r, p => p[0] <= xmax, cutAt(xmax));
  return r;
}

// Turn one source ring into zero or more rings lying inside [-180, 180].
function planarise(ring) {
  const { pts, wrap } = unwrap(ring);
  if (wrap !== 0) return [closeRing(closeAroundPole(pts, wrap))];
  const closed = closeRing(pts);
  const xs = closed.map(p => p[0]);
  const lo = Math.min(...xs), hi = Math.max(...xs);
  // Sutherland-Hodgman only gives clean pieces when the ring crosses the cut
  // line at most twice; check that instead of silently drawing seams.
  const pieces = [];
  for (let k = Math.floor((lo + 180) / 360); -180 + 360 * k < hi; k++) {
    const xmin = -180 + 360 * k, xmax = 180 + 360 * k;
    if (hi <= xmin || lo >= xmax) continue;
    for (const L of [xmin, xmax]) {
      if (lo < L && hi > L) {
        let changes = 0, side = 0;
        for (const p of closed) {
          const s = Math.sign(p[0] - L);
          if (s && side && s !== side) changes++;
          if (s) side = s;
        }
        if (changes > 2) throw new Error(`ring crosses lon ${L} ${changes} times; needs a smarter clipper`);
      }
    }
    const piece = clipStrip(closed, xmin, xmax);
    if (piece.length) pieces.push(piece.map(p => [p[0] - 360 * k, p[1]]));
  }
  return pieces;
}

// ---- quantise ----------------------------------------------------------------
const qLon = (lon) => Math.round(lon * 32767 / 180);
const qLat = (lat) => Math.round(lat * 32767 / 90);

function quantise(ring, isHole) {
  const out = [];
  for (const [lon, lat] of ring) {
    const q = [qLon(lon), qLat(lat)];
    if (Math.abs(q[0]) > 32767 || Math.abs(q[1]) > 32767) throw new Error(`point out of range: ${lon},${lat}`);
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) out.push(q);
  }
  closeRing(out);
  if (out.length < 4 || signedArea(out) === 0) return null;
  // Outer rings counter-clockwise (north up), holes clockwise, so both the
  // even-odd and the non-zero fill rule draw them correctly.
  const a = signedArea(out);
  if ((a < 0) !== isHole) out.reverse();
  return out;
}

// ---- main ------------------------------------------------------------------
const geom = feature(topology, topology.objects.land);
const polygons = [];
for (const f of geom.type === 'FeatureCollection' ? geom.features : [geom]) {
  const g = f.geometry;
  if (g.type === 'Polygon') polygons.push(g.coordinates);
  else if (g.type === 'MultiPolygon') polygons.push(...g.coordinates);
}

const rings = [];
let sourceRings = 0, sourcePoints = 0, cut = 0, dropped = 0;
for (const poly of polygons) {
  poly.forEach((ring, idx) => {
    sourceRings++; sourcePoints += ring.length;
    if (ring.length < 4) { dropped++; return; }
    const pieces = planarise(ring);
    if (pieces.length > 1) cut++;
    for (const piece of pieces) {
      const q = quantise(piece, idx > 0);
      if (q) rings.push(q); else dropped++;
    }
  });
}

const points = rings.reduce((s, r) => s + r.length, 0);
const buf = Buffer.alloc(12 + rings.length * 4 + points * 4);
let o = 0;
buf.write('FLMP', o, 'ascii'); o += 4;
buf.writeUInt16LE(1, o); o += 2;          // version
buf.writeUInt16LE(0, o); o += 2;          // reserved
buf.writeUInt32LE(rings.length, o); o += 4;
for (const r of rings) {
  buf.writeUInt32LE(r.length, o); o += 4;
  for (const [x, y] of r) { buf.writeInt16LE(x, o); buf.writeInt16LE(y, o + 2); o += 4; }
}
writeFileSync(outPath, buf);
console.log(`world-atlas ${atlasVersion} land-${scale}.json: ${sourceRings} rings / ${sourcePoints} points in`);
console.log(`${cut} rings cut at the antimeridian, ${dropped} degenerate rings dropped`);
console.log(`${outPath}: ${rings.length} rings / ${points} points, ${buf.length} bytes`);
