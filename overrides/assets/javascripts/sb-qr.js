/* 二维码 of the search page's state (站内搜索 only): the URL of what is searched and filtered
 * (https://<site>/search/?q=低保&t=chengguan&y=2024), so that a printed or downloaded search
 * opens the same results. Nothing is loaded from any other host.
 *
 * QR Code Model 2, byte mode, error correction Q, a quiet zone of 4 modules, the smallest version
 * that holds the text — the same choices as site_builder/qr.py (qrcode), including qrcode's mask
 * choice (penalties scored with the format and version areas light, first minimum wins), so the
 * symbol is the one qrcode draws for the same bytes in one segment: tests/test_search.py compares
 * them for versions 1–40 and decodes the printed page with zxing-cpp.
 *
 * window.sbQr.encode(text) → {size, rows} (rows of booleans, quiet zone included, true = dark);
 * window.sbQr.svg(symbol) → an SVG document (one path of horizontal runs on white).
 */
(function () {
  "use strict";
  var BORDER = 4;
  // Error correction codewords per block and number of blocks, level Q (about 25 % of the
  // symbol can be lost: glare, a fold, a stain on a bulletin board), versions 1–40.
  var EC_PER_BLOCK = [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26,
    30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30];
  var BLOCKS = [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27,
    29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68];
  var FORMAT_Q = 3; // the error correction level's two format bits (L 1, M 0, Q 3, H 2)

  /** Modules left for data and error correction in a symbol of `version`. */
  function rawModules(version) {
    var n = (16 * version + 128) * version + 64;
    if (version >= 2) {
      var align = Math.floor(version / 7) + 2;
      n -= (25 * align - 10) * align - 55;
      if (version >= 7) n -= 36;
    }
    return n;
  }

  function dataCodewords(version) {
    return Math.floor(rawModules(version) / 8) - EC_PER_BLOCK[version - 1] * BLOCKS[version - 1];
  }

  // -- Reed–Solomon over GF(256), polynomial 0x11D ---------------------------------------------
  var EXP = [], LOG = [];
  (function () {
    for (var i = 0, x = 1; i < 255; i++) {
      EXP[i] = x;
      LOG[x] = i;
      x <<= 1;
      if (x & 0x100) x ^= 0x11d;
    }
    for (i = 255; i < 512; i++) EXP[i] = EXP[i - 255];
  })();

  function mul(a, b) { return a && b ? EXP[LOG[a] + LOG[b]] : 0; }

  function generator(degree) { // (x - α^0)(x - α^1)…, highest power first
    var g = [1];
    for (var i = 0; i < degree; i++) {
      var next = new Array(g.length + 1).fill(0);
      for (var j = 0; j < g.length; j++) {
        next[j] ^= g[j];
        next[j + 1] ^= mul(g[j], EXP[i]);
      }
      g = next;
    }
    return g;
  }

  function errorCorrection(data, degree) {
    var g = generator(degree), rest = new Array(degree).fill(0);
    data.forEach(function (byte) {
      var factor = byte ^ rest.shift();
      rest.push(0);
      for (var i = 0; i < degree; i++) rest[i] ^= mul(g[i + 1], factor);
    });
    return rest;
  }

  // -- codewords ----------------------------------------------------------------------------------
  function codewords(bytes) {
    var version = 1;
    while (version <= 40 && 4 + (version < 10 ? 8 : 16) + 8 * bytes.length > 8 * dataCodewords(version)) {
      version++;
    }
    if (version > 40) return null;
    var capacity = 8 * dataCodewords(version), bits = [];
    function put(value, count) {
      for (var i = count - 1; i >= 0; i--) bits.push((value >>> i) & 1);
    }
    put(4, 4); // byte mode
    put(bytes.length, version < 10 ? 8 : 16);
    bytes.forEach(function (b) { put(b, 8); });
    put(0, Math.min(4, capacity - bits.length)); // terminator
    while (bits.length % 8) bits.push(0);
    var data = [];
    for (var i = 0; i < bits.length; i += 8) data.push(parseInt(bits.slice(i, i + 8).join(""), 2));
    for (var pad = 0xec; data.length < capacity / 8; pad ^= 0xec ^ 0x11) data.push(pad);

    // Blocks (the shorter ones first), then data and error correction interleaved.
    var blocks = BLOCKS[version - 1], ecLength = EC_PER_BLOCK[version - 1];
    var total = Math.floor(rawModules(version) / 8);
    var short = blocks - total % blocks, shortLength = Math.floor(total / blocks) - ecLength;
    var parts = [], at = 0;
    for (var b = 0; b < blocks; b++) {
      var length = shortLength + (b < short ? 0 : 1);
      var block = data.slice(at, at + length);
      at += length;
      parts.push({ data: block, ec: errorCorrection(block, ecLength) });
    }
    var out = [];
    for (i = 0; i <= shortLength; i++) {
      parts.forEach(function (p) { if (i < p.data.length) out.push(p.data[i]); });
    }
    for (i = 0; i < ecLength; i++) parts.forEach(function (p) { out.push(p.ec[i]); });
    return { version: version, codewords: out };
  }

  // -- the symbol ---------------------------------------------------------------------------------
  function alignmentPositions(version) {
    if (version === 1) return [];
    var count = Math.floor(version / 7) + 2, size = version * 4 + 17;
    var step = Math.floor((version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2;
    var out = [6];
    for (var pos = size - 7; out.length < count; pos -= step) out.splice(1, 0, pos);
    return out;
  }

  function bch(value, generatorPoly, bitsOfGenerator) {
    var rest = value << (bitsOfGenerator - 1);
    for (var i = 31; i >= bitsOfGenerator - 1; i--) {
      if ((rest >>> i) & 1) rest ^= generatorPoly << (i - bitsOfGenerator + 1);
    }
    return (value << (bitsOfGenerator - 1)) | rest;
  }

  var MASKS = [
    function (r, c) { return (r + c) % 2 === 0; },
    function (r) { return r % 2 === 0; },
    function (r, c) { return c % 3 === 0; },
    function (r, c) { return (r + c) % 3 === 0; },
    function (r, c) { return (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0; },
    function (r, c) { return (r * c) % 2 + (r * c) % 3 === 0; },
    function (r, c) { return ((r * c) % 2 + (r * c) % 3) % 2 === 0; },
    function (r, c) { return ((r * c) % 3 + (r + c) % 2) % 2 === 0; },
  ];

  /** The symbol without quiet zone, with `mask`; `test`: format and version areas light. */
  function build(version, data, mask, test) {
    var size = version * 4 + 17, m = [], fixed = [], r, c, i;
    for (r = 0; r < size; r++) {
      m.push(new Array(size).fill(false));
      fixed.push(new Array(size).fill(false));
    }
    function set(row, col, dark) {
      m[row][col] = dark;
      fixed[row][col] = true;
    }
    [[0, 0], [size - 7, 0], [0, size - 7]].forEach(function (corner) { // finders and separators
      for (var dr = -1; dr <= 7; dr++) {
        for (var dc = -1; dc <= 7; dc++) {
          var row = corner[0] + dr, col = corner[1] + dc;
          if (row < 0 || row >= size || col < 0 || col >= size) continue;
          var ring = Math.max(Math.abs(dr - 3), Math.abs(dc - 3));
          set(row, col, ring !== 2 && ring !== 4);
        }
      }
    });
    var positions = alignmentPositions(version);
    positions.forEach(function (row) {
      positions.forEach(function (col) {
        if (fixed[row][col]) return; // under a finder
        for (var dr = -2; dr <= 2; dr++) {
          for (var dc = -2; dc <= 2; dc++) set(row + dr, col + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
        }
      });
    });
    for (i = 8; i < size - 8; i++) { // timing patterns
      if (!fixed[6][i]) set(6, i, i % 2 === 0);
      if (!fixed[i][6]) set(i, 6, i % 2 === 0);
    }
    var format = bch((FORMAT_Q << 3) | mask, 0x537, 11) ^ 0x5412;
    for (i = 0; i < 15; i++) {
      var bit = !test && ((format >>> i) & 1) === 1;
      set(i < 6 ? i : i < 8 ? i + 1 : size - 15 + i, 8, bit);
      set(8, i < 8 ? size - i - 1 : i < 9 ? 7 : 14 - i, bit);
    }
    set(size - 8, 8, !test);
    if (version >= 7) {
      var info = bch(version, 0x1f25, 13);
      for (i = 0; i < 18; i++) {
        var on = !test && ((info >>> i) & 1) === 1;
        set(Math.floor(i / 3), i % 3 + size - 11, on);
        set(i % 3 + size - 11, Math.floor(i / 3), on);
      }
    }
    // Data, in two-module columns from the bottom right, up and down; then the mask.
    var bitIndex = 0, fn = MASKS[mask];
    for (var right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      for (var vert = 0; vert < size; vert++) {
        for (var j = 0; j < 2; j++) {
          c = right - j;
          r = ((right + 1) & 2) === 0 ? size - 1 - vert : vert;
          if (fixed[r][c]) continue;
          var dark = false;
          if (bitIndex < data.length * 8) dark = ((data[bitIndex >>> 3] >>> (7 - (bitIndex & 7))) & 1) === 1;
          bitIndex++;
          m[r][c] = dark !== fn(r, c);
        }
      }
    }
    return m;
  }

  /** qrcode's `util.lost_point`: runs, 2 × 2 blocks, finder-like patterns, dark share. */
  function penalty(m) {
    var n = m.length, points = 0, r, c, k;
    function runs(get) {
      for (var a = 0; a < n; a++) {
        var length = 0, previous = get(a, 0);
        for (var b = 0; b < n; b++) {
          if (get(a, b) === previous) {
            length++;
          } else {
            if (length >= 5) points += length - 2;
            length = 1;
            previous = get(a, b);
          }
        }
        if (length >= 5) points += length - 2;
      }
    }
    runs(function (a, b) { return m[a][b]; });
    runs(function (a, b) { return m[b][a]; });
    for (r = 0; r < n - 1; r++) {
      for (c = 0; c < n - 1; c++) {
        var v = m[r][c];
        if (m[r][c + 1] === v && m[r + 1][c] === v && m[r + 1][c + 1] === v) points += 3;
      }
    }
    var one = [1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0], two = one.slice().reverse();
    function finderLike(get) {
      for (var a = 0; a < n; a++) {
        for (var b = 0; b + 11 <= n; b++) {
          var first = true, second = true;
          for (k = 0; k < 11 && (first || second); k++) {
            var x = get(a, b + k) ? 1 : 0;
            if (x !== one[k]) first = false;
            if (x !== two[k]) second = false;
          }
          if (first || second) points += 40;
        }
      }
    }
    finderLike(function (a, b) { return m[a][b]; });
    finderLike(function (a, b) { return m[b][a]; });
    var darkCount = 0;
    m.forEach(function (row) { row.forEach(function (x) { if (x) darkCount++; }); });
    points += Math.floor(Math.abs((darkCount / (n * n)) * 100 - 50) / 5) * 10;
    return points;
  }

  function encode(text) {
    var coded = codewords(Array.from(new TextEncoder().encode(text)));
    if (!coded) return null;
    var best = 0, lowest = Infinity;
    for (var mask = 0; mask < 8; mask++) {
      var score = penalty(build(coded.version, coded.codewords, mask, true));
      if (score < lowest) { lowest = score; best = mask; }
    }
    var symbol = build(coded.version, coded.codewords, best, false);
    var size = symbol.length + 2 * BORDER, rows = [];
    for (var r = 0; r < size; r++) {
      var row = [];
      for (var c = 0; c < size; c++) {
        var inside = r >= BORDER && r < size - BORDER && c >= BORDER && c < size - BORDER;
        row.push(inside && symbol[r - BORDER][c - BORDER]);
      }
      rows.push(row);
    }
    return { size: size, version: coded.version, rows: rows };
  }

  function svg(symbol) {
    var d = "";
    symbol.rows.forEach(function (row, y) {
      for (var x = 0; x < symbol.size; x++) {
        if (!row[x]) continue;
        var start = x;
        while (x < symbol.size && row[x]) x++;
        d += "M" + start + " " + y + "h" + (x - start) + "v1h-" + (x - start) + "z";
      }
    });
    var n = symbol.size;
    return '<svg xmlns="http://www.w3.org/2000/svg" width="' + n * 1.2 + 'mm" height="' + n * 1.2 +
      'mm" viewBox="0 0 ' + n + " " + n + '" shape-rendering="crispEdges"><rect width="' + n +
      '" height="' + n + '" fill="#fff"/><path fill="#000" d="' + d + '"/></svg>';
  }

  /** A PNG data URL, `scale` pixels per module (for the download link). */
  function png(symbol, scale) {
    var canvas = document.createElement("canvas");
    canvas.width = canvas.height = symbol.size * scale;
    var context = canvas.getContext("2d");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = "#000";
    symbol.rows.forEach(function (row, y) {
      row.forEach(function (dark, x) { if (dark) context.fillRect(x * scale, y * scale, scale, scale); });
    });
    return canvas.toDataURL("image/png");
  }

  window.sbQr = { encode: encode, svg: svg, png: png };
})();
