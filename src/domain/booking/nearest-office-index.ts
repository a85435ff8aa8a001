// In-memory nearest-office search: a latitude/longitude grid searched ring by ring, with exact haversine distances.
import { EARTH_RADIUS_KM, kmForLatitudeDelta, minimumKmToLongitudeOffset, toRadians } from "./geo.js";
import type { GeoPoint } from "./geo.js";
import type { Office, OfficeType } from "./office.js";

/** An office and its great-circle distance from the point asked about. */
export interface NearbyOffice {
  readonly office: Office;
  readonly distanceKm: number;
}

/** What to search for. */
export interface NearestQuery {
  /** How many offices to return (default 5). */
  readonly limit?: number;
  /** Only offices of this type. */
  readonly type?: OfficeType;
  /** Only offices at most this far away. */
  readonly maxDistanceKm?: number;
  /** Leave these offices out (e.g. the one that was full). */
  readonly exclude?: ReadonlySet<number>;
}

/** A nearest-office index over a fixed set of offices. */
export interface NearestOfficeIndex {
  readonly size: number;
  /** The nearest offices to `point`, nearest first; ties keep the offices' input order. */
  nearest(point: GeoPoint, query?: NearestQuery): NearbyOffice[];
}

/** Grid cell size in degrees: about 11 km north-south, small enough that a dense city spans several cells. */
export const DEFAULT_CELL_DEGREES = 0.1;

const ROW_STRIDE = 1 << 16;

interface Entry {
  readonly office: Office;
  readonly order: number;
  readonly lat: number;
  readonly lon: number;
  readonly cosLat: number;
}

interface Grid {
  readonly cells: Map<number, Entry[]>;
  minRow: number;
  maxRow: number;
  minCol: number;
  maxCol: number;
}

/**
 * Builds the index. Offices are bucketed in a grid of `cellDegrees` cells; a query visits rings of cells
 * around the point's cell and stops once no unvisited cell can hold anything nearer than the k-th best
 * found (a lower bound from the distance to the visited block's edges). One grid per office type makes a
 * filtered search as fast as an unfiltered one. The grid does not wrap at the antimeridian, which no
 * country's offices need.
 */
export function createNearestOfficeIndex(offices: readonly Office[], options: { readonly cellDegrees?: number } = {}): NearestOfficeIndex {
  const cellDegrees = options.cellDegrees ?? DEFAULT_CELL_DEGREES;
  const rowOf = (latitude: number) => Math.floor((latitude + 90) / cellDegrees);
  const colOf = (longitude: number) => Math.floor((longitude + 180) / cellDegrees);
  const all = emptyGrid();
  const byType = new Map<OfficeType, Grid>();

  offices.forEach((office, order) => {
    const lat = toRadians(office.location.latitude);
    const entry: Entry = { office, order, lat, lon: toRadians(office.location.longitude), cosLat: Math.cos(lat) };
    const row = rowOf(office.location.latitude);
    const col = colOf(office.location.longitude);
    add(all, row, col, entry);
    let typed = byType.get(office.type);
    if (typed === undefined) byType.set(office.type, (typed = emptyGrid()));
    add(typed, row, col, entry);
  });

  function search(grid: Grid, point: GeoPoint, query: NearestQuery): NearbyOffice[] {
    const limit = query.limit ?? 5;
    if (grid.cells.size === 0 || limit <= 0) return [];
    const lat = toRadians(point.latitude);
    const lon = toRadians(point.longitude);
    const cosLat = Math.cos(lat);
    const maxH = query.maxDistanceKm === undefined ? Infinity : haversineTermFor(query.maxDistanceKm);
    const row0 = rowOf(point.latitude);
    const col0 = colOf(point.longitude);
    // best holds the k smallest haversine terms found so far, ascending; h grows with distance.
    const best: Array<{ entry: Entry; h: number }> = [];

    const visit = (row: number, col: number) => {
      const entries = grid.cells.get(row * ROW_STRIDE + col);
      if (entries === undefined) return;
      for (const entry of entries) {
        if (query.exclude?.has(entry.office.id)) continue;
        const sinHalfLat = Math.sin((entry.lat - lat) / 2);
        const sinHalfLon = Math.sin((entry.lon - lon) / 2);
        const h = sinHalfLat * sinHalfLat + cosLat * entry.cosLat * sinHalfLon * sinHalfLon;
        if (h > maxH) continue;
        if (best.length === limit && !isBetter(h, entry, best[limit - 1]!)) continue;
        let at = best.length === limit ? limit - 1 : best.length;
        if (best.length < limit) best.push({ entry, h });
        while (at > 0 && isBetter(h, entry, best[at - 1]!)) {
          best[at] = best[at - 1]!;
          at--;
        }
        best[at] = { entry, h };
      }
    };

    for (let ring = 0; ; ring++) {
      const rowLo = row0 - ring;
      const rowHi = row0 + ring;
      const colLo = col0 - ring;
      const colHi = col0 + ring;
      const firstCol = Math.max(colLo, grid.minCol);
      const lastCol = Math.min(colHi, grid.maxCol);
      if (rowLo >= grid.minRow && rowLo <= grid.maxRow) for (let col = firstCol; col <= lastCol; col++) visit(rowLo, col);
      if (ring > 0) {
        if (rowHi >= grid.minRow && rowHi <= grid.maxRow) for (let col = firstCol; col <= lastCol; col++) visit(rowHi, col);
        const firstRow = Math.max(rowLo + 1, grid.minRow);
        const lastRow = Math.min(rowHi - 1, grid.maxRow);
        if (colLo >= grid.minCol && colLo <= grid.maxCol) for (let row = firstRow; row <= lastRow; row++) visit(row, colLo);
        if (colHi >= grid.minCol && colHi <= grid.maxCol) for (let row = firstRow; row <= lastRow; row++) visit(row, colHi);
      }
      const coversGrid = rowLo <= grid.minRow && rowHi >= grid.maxRow && colLo <= grid.minCol && colHi >= grid.maxCol;
      if (coversGrid) break;
      // Nothing outside the visited block can be nearer than its nearest edge.
      const edgeKm = Math.min(
        kmForLatitudeDelta(toRadians((rowHi + 1) * cellDegrees - 90) - lat),
        kmForLatitudeDelta(lat - toRadians(rowLo * cellDegrees - 90)),
        minimumKmToLongitudeOffset(lat, toRadians((colHi + 1) * cellDegrees - 180) - lon),
        minimumKmToLongitudeOffset(lat, lon - toRadians(colLo * cellDegrees - 180)),
      );
      const edgeH = haversineTermFor(edgeKm);
      if (edgeH > maxH) break;
      if (best.length === limit && best[limit - 1]!.h < edgeH) break;
    }
    return best.map(({ entry, h }) => ({ office: entry.office, distanceKm: 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h))) }));
  }

  return {
    size: offices.length,
    nearest(point, query = {}) {
      const grid = query.type === undefined ? all : byType.get(query.type);
      return grid === undefined ? [] : search(grid, point, query);
    },
  };
}

function emptyGrid(): Grid {
  return { cells: new Map(), minRow: Infinity, maxRow: -Infinity, minCol: Infinity, maxCol: -Infinity };
}

function add(grid: Grid, row: number, col: number, entry: Entry): void {
  const key = row * ROW_STRIDE + col;
  const cell = grid.cells.get(key);
  if (cell === undefined) grid.cells.set(key, [entry]);
  else cell.push(entry);
  grid.minRow = Math.min(grid.minRow, row);
  grid.maxRow = Math.max(grid.maxRow, row);
  grid.minCol = Math.min(grid.minCol, col);
  grid.maxCol = Math.max(grid.maxCol, col);
}

/** The haversine term h = sin²(d/2R) for a distance: comparing h orders by distance without asin/sqrt. */
function haversineTermFor(distanceKm: number): number {
  const half = Math.min(distanceKm / (2 * EARTH_RADIUS_KM), Math.PI / 2);
  return Math.sin(half) ** 2;
}

function isBetter(h: number, entry: Entry, than: { entry: Entry; h: number }): boolean {
  return h < than.h || (h === than.h && entry.order < than.entry.order);
}
