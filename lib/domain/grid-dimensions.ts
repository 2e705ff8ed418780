export type GridDimensions = { columns: number; rows: number; tileWidth: number; tileHeight: number };

/**
 * The column count that makes `count` tiles of a fixed aspect ratio as large as possible inside a box, which is
 * what keeps faces big on a phone held upright (one column) and on a wide monitor (several).
 */
export function gridDimensions(count: number, width: number, height: number, aspectRatio = 16 / 9, gap = 8): GridDimensions {
  const tiles = Math.max(1, count);
  let best: GridDimensions = { columns: 1, rows: tiles, tileWidth: 0, tileHeight: 0 };
  for (let columns = 1; columns <= tiles; columns += 1) {
    const rows = Math.ceil(tiles / columns);
    const cellWidth = (width - gap * (columns - 1)) / columns;
    const cellHeight = (height - gap * (rows - 1)) / rows;
    if (cellWidth <= 0 || cellHeight <= 0) continue;
    const tileWidth = Math.min(cellWidth, cellHeight * aspectRatio);
    if (tileWidth > best.tileWidth) best = { columns, rows, tileWidth, tileHeight: tileWidth / aspectRatio };
  }
  return best;
}
