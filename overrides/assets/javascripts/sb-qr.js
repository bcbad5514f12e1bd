/* 二维码 of the search page's state (站内搜索 only): the URL of what is searched and filtered
 * (https://<site>/search/?q=低保&t=chengguan&y=2024), so that a printed or downloaded search
 * opens the same results. Nothing is loaded from any other host.
 *
 * The symbol comes from qrcode-generator (vendor/qrcode-generator-<version>.js, MIT, loaded
 * before this file): byte mode with the text's UTF-8 bytes, error correction Q, the smallest
 * version that holds them — the choices of site_builder/output/qr.py (qrcode). Its mask choice
 * is its own (its penalty score is not qrcode's), so the mask may differ from the one qrcode
 * picks; tests/test_search.py checks that the symbol is qrcode's for one of the eight masks and
 * decodes the drawn code with zxing-cpp. This file adds the quiet zone and draws the code.
 *
 * window.sbQr.encode(text) → {size, version, rows} (rows of booleans, quiet zone included,
 * true = dark), or null if the text is too long for any version;
 * window.sbQr.svg(symbol) → an SVG document (one path of horizontal runs on white);
 * window.sbQr.png(symbol, scale) → a PNG data URL.
 */
(function () {
  "use strict";
  var qrcode = window.qrcode;
  var BORDER = 4; // quiet zone, in modules (the standard's minimum), as qr.py
  qrcode.stringToBytes = qrcode.stringToBytesFuncs["UTF-8"];

  function encode(text) {
    var code = qrcode(0, "Q"); // version 0: the smallest that holds the text
    code.addData(text, "Byte");
    try {
      code.make();
    } catch (tooLong) { // "code length overflow": more than version 40 holds
      return null;
    }
    var count = code.getModuleCount(), size = count + 2 * BORDER, rows = [];
    for (var r = 0; r < size; r++) {
      var row = [];
      for (var c = 0; c < size; c++) {
        var inside = r >= BORDER && r < count + BORDER && c >= BORDER && c < count + BORDER;
        row.push(inside && code.isDark(r - BORDER, c - BORDER));
      }
      rows.push(row);
    }
    return { size: size, version: (count - 17) / 4, rows: rows };
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
