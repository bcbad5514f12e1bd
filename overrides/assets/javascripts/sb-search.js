/* 站内搜索（search page only）. Reads the index written by site_builder/search.py:
 *   meta.json, facets.bin, s/<n>.bin (postings), d/<id>.json (one record per result).
 * Every file comes from this site; nothing is loaded from any other host.
 * `squeeze` and `shardOf` mirror search.py: keep them in step (format version in meta.json).
 */
(function () {
  "use strict";
  var FORMAT = 2;
  var PAGE = 10; // results shown at a time
  var MAX_GRAMS = 8; // index terms fetched for one long word (search.py MAX_GRAMS)
  var CHECK_ALL = 20; // up to this many candidates of a long word: all checked before ranking
  var AHEAD_MS = 250; // a pause in typing this long fetches the typed words' shards
  var YES = 1, NO = 0, MAYBE = 2; // search.py `check`
  var KIND_NOTICE = 0, KIND_ON_REQUEST = 1, KIND_ITEM = 2, KIND_PAGE = 3;
  var FILTERS = { c: "category", d: "domain", t: "township", y: "year" };
  var DROP = /[^\p{L}\p{N}]+/gu;

  var form = document.getElementById("sb-search");
  if (!form) return;
  var M = JSON.parse(form.getAttribute("data-messages"));
  var base = new URL(form.getAttribute("data-index"), location.href);
  var root = new URL(form.getAttribute("data-root"), location.href);
  var input = form.elements.q;
  var statusEl = document.getElementById("sb-search-status");
  var list = document.getElementById("sb-search-results");
  var moreButton = document.getElementById("sb-search-more");
  var suggestEl = document.getElementById("sb-search-suggest");

  // -- text -------------------------------------------------------------------------------------
  // Traditional → simplified folds (search.py FOLD, carried by the page): 高齡津貼 = 高龄津贴.
  var FOLD = new Map(), VARIANTS = new Map();
  (JSON.parse(form.getAttribute("data-config")).fold || "").replace(/(.)(.)/gu, function (_, t, s) {
    FOLD.set(t, s);
    VARIANTS.set(s, (VARIANTS.get(s) || s) + t);
    return "";
  });
  var TRADITIONAL = FOLD.size ? new RegExp("[" + Array.from(FOLD.keys()).join("") + "]", "gu") : null;

  /** search.py `squeeze`: NFKC, lower case, folds, letters and digits only. */
  function squeeze(text) {
    text = text.normalize("NFKC").toLowerCase();
    if (TRADITIONAL) text = text.replace(TRADITIONAL, function (c) { return FOLD.get(c); });
    return text.replace(DROP, "");
  }

  function shardOf(term, shards) {
    var cps = Array.from(term);
    var value = cps.length;
    for (var i = 0; i < cps.length; i++) value = (value * 31 + cps[i].codePointAt(0)) % 1000003;
    return value % shards;
  }

  /** The index terms looked up for a query word (search.py `query_grams`): the word itself up
   *  to 3 characters; its 3-character pieces, at most MAX_GRAMS of them (a pasted title would
   *  otherwise fetch a shard per character), the candidates then being checked. */
  function grams(word) {
    var cps = Array.from(word), n = cps.length, starts = [], i;
    if (n <= 3) return [word];
    if (n - 2 <= MAX_GRAMS) {
      for (i = 0; i < n - 2; i++) starts.push(i);
    } else {
      for (i = 0; i < n - 2; i += 3) starts.push(i);
      if (starts[starts.length - 1] !== n - 3) starts.push(n - 3);
      if (starts.length > MAX_GRAMS) {
        starts = [];
        for (i = 0; i < MAX_GRAMS; i++) starts.push(roundHalfEven(i * (n - 3) / (MAX_GRAMS - 1)));
      }
    }
    var out = [];
    starts.forEach(function (start) {
      var g = cps.slice(start, start + 3).join("");
      if (out.indexOf(g) < 0) out.push(g);
    });
    return out;
  }

  function roundHalfEven(x) { // Python's round()
    var r = Math.round(x);
    return Math.abs(x % 1) === 0.5 && r % 2 ? r - 1 : r;
  }

  // For tests/test_search.py: agreement with search.py `squeeze` and `query_grams`.
  window.sbSearchTest = { squeeze: squeeze, grams: grams };

  function isLong(word) { return Array.from(word).length > 3; }

  /** search.py `check`: does the record hold every word, each within one field (YES); not (NO:
   *  the record holds all the document's text, the word's pieces are there but apart); or
   *  cannot tell (MAYBE: a long body, cut in the record)? And its rank score: per word 3 when it
   *  is the whole title or 文号, 1 when it is in the title, 文号, 主题词 or an item's 公开内容. */
  function check(r, words) {
    if (!r._fields) {
      r._fields = [r.t, r.n, r.p, r.l, r.w, r.m, r.x].map(function (f) { return f ? squeeze(f) : ""; });
    }
    var f = r._fields, title = f[0], number = f[1], state = YES, score = 0;
    words.forEach(function (w) {
      if (w === title || (number && w === number)) score += 3;
      else if (title.indexOf(w) >= 0 || number.indexOf(w) >= 0 || f[4].indexOf(w) >= 0 ||
               (r.k === KIND_ITEM && f[6].indexOf(w) >= 0)) score += 1;
      if (!f.some(function (field) { return field.indexOf(w) >= 0; })) {
        state = r.f || state === NO ? NO : MAYBE;
      }
    });
    return { state: state, score: score };
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // -- loading ----------------------------------------------------------------------------------
  var cache = {};
  function load(path, type) {
    if (!cache[path]) {
      cache[path] = fetch(new URL(path, base)).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return type === "json" ? r.json() : r.arrayBuffer();
      });
      cache[path].catch(function () { delete cache[path]; });
    }
    return cache[path];
  }

  // The page carries the index's shape (search.py `page_config`): no meta.json round trip.
  var pageMeta = null;
  function metaOfPage() {
    if (!pageMeta) pageMeta = JSON.parse(form.getAttribute("data-config"));
    return pageMeta;
  }

  var indexReady = null;
  function loadIndex() {
    if (!indexReady) {
      var meta = metaOfPage();
      indexReady = load("facets.bin").then(function (buffer) {
        if (meta.format !== FORMAT) throw new Error("index format " + meta.format);
        return { meta: meta, facets: new Uint8Array(buffer), width: meta.columns.length };
      });
      indexReady.catch(function () { indexReady = null; });
    }
    return indexReady;
  }

  function readVarint(bytes, state) {
    var value = 0, shift = 0, b;
    do {
      b = bytes[state.at++];
      value += (b & 0x7f) * Math.pow(2, shift);
      shift += 7;
    } while (b & 0x80);
    return value;
  }

  function readIds(view, at, count, width) {
    var out = new Uint32Array(count);
    for (var i = 0; i < count; i++) {
      out[i] = width === 2 ? view.getUint16(at + 2 * i, true) : view.getUint32(at + 4 * i, true);
    }
    return out;
  }

  /** Shard file → Map(term → {all, strong}) (see search.py `_write_shards`). */
  var shards = {};
  function loadShard(number, idBytes) {
    if (!shards[number]) {
      shards[number] = load("s/" + number + ".bin").then(function (buffer) {
        var bytes = new Uint8Array(buffer), view = new DataView(buffer);
        var state = { at: 0 }, terms = new Map();
        var count = readVarint(bytes, state);
        for (var t = 0; t < count; t++) {
          var length = readVarint(bytes, state), term = "";
          for (var c = 0; c < length; c++) term += String.fromCodePoint(readVarint(bytes, state));
          var all = readVarint(bytes, state), strong = readVarint(bytes, state);
          var ids = readIds(view, state.at, all, idBytes);
          state.at += all * idBytes;
          var strongIds = readIds(view, state.at, strong, idBytes);
          state.at += strong * idBytes;
          terms.set(term, { all: ids, strong: strongIds });
        }
        return terms;
      });
      shards[number].catch(function () { delete shards[number]; });
    }
    return shards[number];
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; }
      else if (a[i] < b[j]) i++;
      else j++;
    }
    return out;
  }

  /** Documents holding every word (Map id → how many of the words are in a strong field: title,
   *  文号, 主题词, an item's 公开内容), or an empty Map. */
  function match(words, index) {
    var meta = index.meta, needed = {};
    words.forEach(function (w) {
      grams(w).forEach(function (g) { needed[g] = shardOf(g, meta.shards); });
    });
    var numbers = Array.from(new Set(Object.keys(needed).map(function (g) { return needed[g]; })));
    return Promise.all(numbers.map(function (n) { return loadShard(n, meta.id_bytes); }))
      .then(function (loaded) {
        var byNumber = {};
        numbers.forEach(function (n, i) { byNumber[n] = loaded[i]; });
        var hits = null;
        var strongCount = new Map();
        for (var w = 0; w < words.length; w++) {
          var docs = null, strong = null;
          var gs = grams(words[w]);
          for (var g = 0; g < gs.length; g++) {
            var entry = byNumber[needed[gs[g]]].get(gs[g]);
            if (!entry) return new Map();
            docs = docs ? intersect(docs, entry.all) : Array.from(entry.all);
            strong = strong ? intersect(strong, entry.strong) : Array.from(entry.strong);
          }
          hits = hits ? intersect(hits, docs) : docs;
          strong.forEach(function (id) { strongCount.set(id, (strongCount.get(id) || 0) + 1); });
        }
        var out = new Map();
        hits.forEach(function (id) { out.set(id, strongCount.get(id) || 0); });
        return out;
      });
  }

  // -- state in the URL ---------------------------------------------------------------------------
  function readState() {
    var params = new URLSearchParams(location.search);
    var state = { q: params.get("q") || "", s: params.get("s") === "date" ? "date" : "" };
    Object.keys(FILTERS).forEach(function (key) { state[key] = params.get(key) || ""; });
    return state;
  }

  function showState(state) {
    input.value = state.q;
    var chosen = false;
    Object.keys(FILTERS).concat(["s"]).forEach(function (key) {
      var select = form.elements[key];
      select.value = state[key];
      if (select.value !== state[key]) select.value = "";
      chosen = chosen || !!select.value;
    });
    // The filters follow the results (issue 13); open while one is chosen, and on wide screens.
    var box = document.getElementById("sb-search-filters");
    if (box && (chosen || window.matchMedia("(min-width: 60em)").matches)) box.open = true;
  }

  function formState() {
    var state = { q: input.value.trim(), s: form.elements.s.value };
    Object.keys(FILTERS).forEach(function (key) { state[key] = form.elements[key].value; });
    return state;
  }

  function stateQuery(state) {
    var params = new URLSearchParams();
    ["q"].concat(Object.keys(FILTERS), ["s"]).forEach(function (key) {
      if (state[key]) params.set(key, state[key]);
    });
    return params.toString();
  }

  function stateUrl(state) {
    var text = stateQuery(state);
    return location.pathname + (text ? "?" + text : "");
  }

  // -- printing: the page's QR code, URL and conditions follow the state ---------------------------
  // The QR block (site_builder/qr.py) holds the code of plain /search/. With a query or filters
  // it shows the code of the state URL (sb-qr.js), that URL, and download links for that code;
  // the print-only line says what was searched (the filters themselves are not printed).
  var qrStatic = null;
  var conditionsEl = document.getElementById("sb-search-conditions");

  function whenQr(fn) {
    if (window.sbQr) fn();
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
  }

  function updatePrint(state) {
    var parts = state.q ? [format(M.conditionQuery, { query: state.q })] : [];
    Object.keys(FILTERS).concat(["s"]).forEach(function (key) {
      var select = form.elements[key], option = select.options[select.selectedIndex];
      if (!state[key] || !option || !option.value) return;
      var label = document.querySelector('label[for="' + select.id + '"]').textContent;
      parts.push(label + "：" + (option.getAttribute("data-label") || option.text));
    });
    conditionsEl.textContent = parts.length ? format(M.conditions, { conditions: parts.join("；") }) : "";
    whenQr(function () { updateQr(state); });
  }

  function updateQr(state) {
    var qrBlock = document.querySelector(".sb-qr"); // after this script in the page
    if (!qrBlock || !window.sbQr) return;
    var img = qrBlock.querySelector(".sb-qr__img"), urlEl = qrBlock.querySelector(".sb-qr__url");
    var links = Array.prototype.slice.call(qrBlock.querySelectorAll(".sb-qr__download a"));
    if (!qrStatic) {
      qrStatic = { src: img.getAttribute("src"), alt: img.alt, url: urlEl.textContent,
                   hrefs: links.map(function (a) { return a.getAttribute("href"); }) };
    }
    var query = stateQuery(state), url = qrStatic.url + (query ? "?" + query : "");
    var symbol = query ? window.sbQr.encode(url) : null;
    if (!symbol) { // no state (or too long a URL for any QR version): the page's own code
      img.setAttribute("src", qrStatic.src);
      img.alt = qrStatic.alt;
      urlEl.textContent = query ? url : qrStatic.url;
      links.forEach(function (a, i) { a.setAttribute("href", qrStatic.hrefs[i]); });
      return;
    }
    var svg = window.sbQr.svg(symbol);
    var svgUrl = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
    img.setAttribute("src", svgUrl);
    img.alt = format(M.qrAlt, { url: url });
    urlEl.textContent = url;
    links.forEach(function (a) {
      a.setAttribute("href", /\.png$/.test(a.getAttribute("download") || "") ? window.sbQr.png(symbol, 10) : svgUrl);
    });
  }

  // -- search -----------------------------------------------------------------------------------
  /** Facet code wanted for each filter (0 = any), from URL values via meta.facets. */
  function wantedCodes(state, meta) {
    var codes = {};
    Object.keys(FILTERS).forEach(function (key) {
      codes[key] = 0;
      (meta.facets[key] || []).forEach(function (option) {
        if (option[0] === state[key]) codes[key] = option[1];
      });
    });
    return codes;
  }

  function run(state) {
    var words = Array.from(new Set(state.q.split(/\s+/).map(squeeze).filter(Boolean)));
    var filtered = Object.keys(FILTERS).some(function (k) { return state[k]; });
    updatePrint(state);
    if (!words.length && !filtered) {
      clear(M.prompt);
      return Promise.resolve();
    }
    statusEl.textContent = M.loading;
    var started = performance.now();
    // The query's shards and the filter table are fetched at the same time.
    var found = words.length ? match(words, { meta: metaOfPage() }) : Promise.resolve(null);
    return Promise.all([loadIndex(), found]).then(function (both) {
      var index = both[0];
      return settle(both[1], words).then(function (settled) {
        return retrySplit(settled, words);
      }).then(function (tried) {
        var settled = tried.settled;
        var result = rank(settled.hits, state, index);
        updateCounts(result.counts, index.meta);
        showSuggestion(tried.words !== words ? tried.words : null, state);
        return show(result.ids, state, tried.words, settled).then(function () {
          // For measurements (bench/search.py): how long this search took, and when, since the
          // page was opened, its results were drawn.
          document.documentElement.setAttribute("data-sb-search-ms",
            String(Math.round(performance.now() - started)));
          document.documentElement.setAttribute("data-sb-search-at",
            String(Math.round(performance.now())));
        });
      });
    }).catch(function (error) {
      clear(location.protocol === "file:" ? M.offline : M.failed);
      if (window.console) console.error(error);
    });
  }

  // -- words typed together: 城关镇低保 → 城关镇 低保 ------------------------------------------------
  var SPLIT_MAX = 10; // longer words are split on known names only
  var names = null;
  function knownNames() {
    if (!names) names = (metaOfPage().names || []).map(function (n) { return Array.from(n); });
    return names;
  }

  /** No results and a long word: split it (on known names — townships, villages, 发布机构,
   *  domains — then on the longest pieces the index has) and search again. Elderly visitors
   *  rarely type spaces. Resolves to {settled, words}: the new words when they find something. */
  function retrySplit(settled, words) {
    var none = { settled: settled, words: words };
    if (!settled.hits || settled.hits.size || !words.some(isLong)) return Promise.resolve(none);
    return words.reduce(function (promise, word) {
      return promise.then(function (out) {
        if (!isLong(word)) return out.concat([word]);
        return splitWord(word).then(function (pieces) { return out.concat(pieces); });
      });
    }, Promise.resolve([])).then(function (pieces) {
      var split = Array.from(new Set(pieces));
      if (split.join(" ") === words.join(" ")) return none;
      return match(split, { meta: metaOfPage() }).then(function (hits) {
        return settle(hits, split);
      }).then(function (again) {
        return again.hits.size ? { settled: again, words: split } : none;
      });
    });
  }

  function splitWord(word) {
    var cps = Array.from(word), parts = [], gap = [], i = 0;
    while (i < cps.length) {
      var name = knownNames().filter(function (n) {
        for (var k = 0; k < n.length; k++) if (cps[i + k] !== n[k]) return false;
        return n.length < cps.length;
      })[0]; // longest first
      if (name) {
        if (gap.length) parts.push({ text: gap.join(""), name: false });
        parts.push({ text: name.join(""), name: true });
        gap = [];
        i += name.length;
      } else {
        gap.push(cps[i++]);
      }
    }
    if (gap.length) parts.push({ text: gap.join(""), name: false });
    return parts.reduce(function (promise, part) {
      return promise.then(function (out) {
        if (part.name || !isLong(part.text) || Array.from(part.text).length > SPLIT_MAX) {
          return out.concat([part.text]);
        }
        return byIndex(part.text, parts.length === 1).then(function (pieces) { return out.concat(pieces); });
      });
    }, Promise.resolve([]));
  }

  /** Longest pieces from the left that the index holds (pieces of two characters or more). */
  function byIndex(text, whole) {
    var cps = Array.from(text), out = [];
    function from(start, length) {
      if (start >= cps.length) return Promise.resolve(out);
      if (length < 2 || start + 1 >= cps.length) {
        out.push(cps[start]);
        return from(start + 1, cps.length - start - 1);
      }
      if (whole && start === 0 && length === cps.length) return from(start, length - 1); // known: none
      var piece = cps.slice(start, start + length).join("");
      return match([piece], { meta: metaOfPage() }).then(function (hits) {
        if (!hits.size) return from(start, length - 1);
        out.push(piece);
        return from(start + length, cps.length - start - length);
      });
    }
    return from(0, cps.length);
  }

  function showSuggestion(words, state) {
    suggestEl.hidden = !words;
    if (!words) return;
    var typed = Object.assign({}, state, { q: words.join(" ") });
    suggestEl.innerHTML = escapeHtml(format(M.noneFor, { query: state.q })) +
      escapeHtml(M.didYouMean) + '<a href="' + escapeHtml(stateUrl(typed)) + '">' +
      escapeHtml(words.join(" ")) + "</a>";
  }

  /** Check the candidates of a query with a long word against their records (the n-grams of
   *  a long word can all be in a document without the word): all of them when they are few
   *  (exact count, ranked by their records' scores, MAYBE ones last); otherwise as they are
   *  shown (`showMore`). Short words need no check: their n-gram is the word. */
  function settle(hits, words) {
    var none = { hits: hits, lazy: false, maybe: 0 };
    if (!hits || !words.some(isLong)) return Promise.resolve(none);
    if (hits.size > CHECK_ALL) return Promise.resolve({ hits: hits, lazy: true, maybe: 0 });
    var ids = Array.from(hits.keys());
    return Promise.all(ids.map(function (id) { return load("d/" + id + ".json", "json"); }))
      .then(function (records) {
        var out = new Map(), maybe = 0;
        records.forEach(function (r, i) {
          var c = check(r, words);
          if (c.state === NO) return;
          if (c.state === MAYBE) maybe++;
          out.set(ids[i], c.state === MAYBE ? -1 : c.score);
        });
        return { hits: out, lazy: false, maybe: maybe };
      });
  }

  /** Apply the filters, count the options of every filter, order the results. */
  function rank(hits, state, index) {
    var facets = index.facets, width = index.width, meta = index.meta;
    var codes = wantedCodes(state, meta);
    var keys = Object.keys(FILTERS);
    var columns = keys.map(function (k) { return meta.columns.indexOf(FILTERS[k]); });
    var counts = {};
    keys.forEach(function (k) { counts[k] = new Map(); });
    var ids = [];
    var candidates = hits ? Array.from(hits.keys()) : null;
    var total = candidates ? candidates.length : meta.documents;
    for (var n = 0; n < total; n++) {
      var id = candidates ? candidates[n] : n;
      var row = id * width, kind = facets[row];
      if (!hits && kind !== KIND_NOTICE && kind !== KIND_ON_REQUEST) continue; // browse: notices
      var misses = 0, missed = -1;
      for (var k = 0; k < keys.length; k++) {
        var want = codes[keys[k]];
        if (want && facets[row + columns[k]] !== want) { misses++; missed = k; }
      }
      if (misses === 0) ids.push(id);
      // A filter's option counts ignore that filter itself: "how many if I chose this".
      for (var f = 0; f < keys.length; f++) {
        if (misses === 0 || (misses === 1 && missed === f)) {
          var value = facets[row + columns[f]];
          counts[keys[f]].set(value, (counts[keys[f]].get(value) || 0) + 1);
        }
      }
    }
    var byDate = state.s === "date" || !hits;
    ids.sort(function (a, b) {
      var ka = facets[a * width], kb = facets[b * width];
      var undatedA = ka === KIND_ITEM || ka === KIND_PAGE, undatedB = kb === KIND_ITEM || kb === KIND_PAGE;
      if (!byDate) {
        var ta = hits.get(a), tb = hits.get(b);
        if (ta !== tb) return tb - ta; // more query words in a strong field (title, 文号 ...) first
        // Named in its title or 公开内容: the catalog item (or column page) first, then notices.
        if (ta > 0 && undatedA !== undatedB) return undatedA ? -1 : 1;
      } else if (undatedA !== undatedB) {
        return undatedA ? 1 : -1;
      }
      return a - b; // documents are numbered newest first
    });
    return { ids: ids, counts: counts };
  }

  function updateCounts(counts, meta) {
    Object.keys(FILTERS).forEach(function (key) {
      var select = form.elements[key], byCode = {};
      (meta.facets[key] || []).forEach(function (option) { byCode[option[0]] = option[1]; });
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) return;
        if (!option.hasAttribute("data-label")) option.setAttribute("data-label", option.text);
        var count = counts[key].get(byCode[option.value]) || 0;
        option.text = format(M.countOption, { label: option.getAttribute("data-label"), count: count });
      });
    });
  }

  // -- results ----------------------------------------------------------------------------------
  var current = null;

  function clear(message) {
    current = null;
    suggestEl.hidden = true;
    list.innerHTML = "";
    moreButton.hidden = true;
    statusEl.textContent = message;
  }

  function show(ids, state, words, settled) {
    current = { ids: ids, next: 0, shown: 0, words: words, query: words.join(" ") || state.q,
                lazy: settled.lazy,
                dropped: 0, later: [], maybe: settled.maybe };
    list.innerHTML = "";
    if (!ids.length) {
      moreButton.hidden = true;
      statusEl.textContent = M.empty;
      return Promise.resolve();
    }
    return showMore();
  }

  /** The next PAGE results. Candidates still to be checked (`lazy`) are checked here: those
   *  without the words are dropped, MAYBE ones wait until all the others are shown. */
  function showMore() {
    var state = current, picked = [];
    function step() {
      var room = PAGE - picked.length;
      if (room <= 0 || state.next >= state.ids.length) return Promise.resolve();
      var slice = state.ids.slice(state.next, state.next + room);
      state.next += slice.length;
      return Promise.all(slice.map(function (id) { return load("d/" + id + ".json", "json"); }))
        .then(function (records) {
          records.forEach(function (r) {
            var c = state.lazy ? check(r, state.words).state : YES;
            if (c === YES) picked.push(r);
            else if (c === MAYBE) { state.later.push(r); state.maybe++; }
            else state.dropped++;
          });
          return step();
        });
    }
    return step().then(function () {
      if (state !== current) return;
      var checking = state.lazy && state.next < state.ids.length;
      while (!checking && picked.length < PAGE && state.later.length) picked.push(state.later.shift());
      var html = picked.map(function (r) { return renderResult(r, state.words, state.query); }).join("");
      list.insertAdjacentHTML("beforeend", html);
      state.shown += picked.length;
      var count = state.ids.length - state.dropped;
      moreButton.hidden = state.shown >= count;
      if (!count) {
        statusEl.textContent = M.empty;
        return;
      }
      var template = !state.query ? M.count : checking ? M.countAbout : M.countQuery;
      var text = format(template, { query: state.query, count: count });
      if (!checking && state.maybe) text += " " + format(M.countMaybe, { count: state.maybe, query: state.query });
      if (count > state.shown) text += " " + format(M.shown, { shown: state.shown, count: count });
      statusEl.textContent = text;
    });
  }

  function wordPattern(word) {
    // Each character, allowing punctuation and spaces between them (as the index ignores them);
    // ASCII letters and digits also match their fullwidth forms.
    var parts = Array.from(word).map(function (ch) {
      var code = ch.codePointAt(0);
      var escaped = ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      if (code < 0x80 && /[0-9a-z]/.test(ch)) {
        return "[" + escaped + String.fromCodePoint(code + 0xfee0) + "]";
      }
      if (VARIANTS.has(ch)) return "[" + VARIANTS.get(ch) + "]"; // 龄 also marks 齡
      return escaped;
    });
    return parts.join("[^\\p{L}\\p{N}]{0,3}");
  }

  function highlighter(words) {
    if (!words.length) return null;
    var sorted = words.slice().sort(function (a, b) { return b.length - a.length; });
    return new RegExp(sorted.map(wordPattern).join("|"), "giu");
  }

  function highlight(text, pattern) {
    if (!pattern) return escapeHtml(text);
    var out = "", last = 0;
    text.replace(pattern, function (m, offset) {
      out += escapeHtml(text.slice(last, offset)) + "<mark>" + escapeHtml(m) + "</mark>";
      last = offset + m.length;
      return m;
    });
    return out + escapeHtml(text.slice(last));
  }

  var SNIPPET = 120; // characters of text around the first match

  function find(text, pattern) {
    pattern.lastIndex = 0;
    var m = pattern.exec(text);
    pattern.lastIndex = 0;
    return m ? m.index : -1;
  }

  function excerpt(text, at, pattern) {
    var start = at > 30 ? at - 30 : 0;
    var end = Math.min(text.length, start + SNIPPET);
    return (start > 0 ? "…" : "") + highlight(text.slice(start, end), pattern) +
      (end < text.length ? "…" : "");
  }

  /** The snippet of a result (search.py `plain_text`: a line per paragraph run and per table
   *  row, cells separated by tabs). A match in running text first; else the table row holding
   *  it, each cell with its column heading (姓名：孙海芳；所在社区（村）：东门社区 …); else the
   *  主题词 when they hold it; else the start, noting when the word may be further on in a body
   *  longer than the record holds. */
  function snippet(r, pattern, query) {
    var lines = (r.x || "").split("\n"), i, at;
    var isRow = function (line) { return line.indexOf("\t") >= 0; };
    if (pattern) {
      for (i = 0; i < lines.length; i++) {
        if (!isRow(lines[i]) && (at = find(lines[i], pattern)) >= 0) return excerpt(lines[i], at, pattern);
      }
      for (i = 0; i < lines.length; i++) {
        if (isRow(lines[i]) && find(lines[i], pattern) >= 0) return rowExcerpt(lines, i, pattern);
      }
    }
    var first = lines.filter(function (line) { return !isRow(line); })[0] || "";
    var start = first ? excerpt(first, 0, pattern) : "";
    if (pattern && r.w && find(r.w, pattern) >= 0) {
      return highlight(format(M.keywords, { keywords: r.w }), pattern) + (start ? " " + start : "");
    }
    if (pattern && !r.f && r.x) start += " " + escapeHtml(format(M.later, { query: query }));
    return start;
  }

  function rowExcerpt(lines, i, pattern) {
    var top = i;
    while (top > 0 && lines[top - 1].indexOf("\t") >= 0) top--;
    var cells = lines[i].split("\t"), text;
    if (top === i) {
      text = cells.join("、"); // the heading row itself
    } else {
      var heads = lines[top].split("\t");
      text = cells.map(function (cell, k) { return heads[k] ? heads[k] + "：" + cell : cell; })
        .join("；");
    }
    return excerpt(text, Math.max(0, find(text, pattern)), pattern);
  }

  function renderResult(r, words, query) {
    var pattern = highlighter(words), text = snippet(r, pattern, query);
    var href = new URL(r.u, root).href;
    var badge = "", meta = [];
    if (r.k === KIND_ON_REQUEST) badge = M.onRequest;
    if (r.k === KIND_ITEM) badge = M.kindItem;
    if (r.k === KIND_PAGE) badge = M.kindPage;
    if (r.d) meta.push('<time datetime="' + escapeHtml(r.d) + '">' + escapeHtml(r.d) + "</time>");
    if (r.p) {
      var publisher = r.k === KIND_ITEM ? format(M.itemPublisher, { subject: r.p }) : r.p;
      meta.push('<span class="sb-result__publisher">' + highlight(publisher, pattern) + "</span>");
    }
    if (r.l) meta.push('<span class="sb-result__place">' + highlight(r.l, pattern) + "</span>");
    if (r.n) meta.push("<span>" + highlight(format(M.docNumber, { number: r.n }), pattern) + "</span>");
    return '<li class="sb-result"><a class="sb-result__title" href="' + escapeHtml(href) + '">' +
      highlight(r.t, pattern) + "</a>" +
      (badge ? '<span class="sb-badge">' + escapeHtml(badge) + "</span>" : "") +
      '<span class="sb-list__meta">' + meta.join("") + "</span>" +
      (text ? '<p class="sb-result__snippet">' + text + "</p>" : "") + "</li>";
  }

  // -- fetching ahead (issue 15) -----------------------------------------------------------------
  // The filter table once the page is idle, and the shards of the words typed so far when the
  // reader pauses: the search itself then mostly waits for nothing. A failed fetch is dropped
  // from the cache (`load`), so the search fetches it again.
  var ahead = null;
  function fetchAhead() {
    var meta = metaOfPage();
    loadIndex().catch(function () {});
    input.value.split(/\s+/).map(squeeze).filter(Boolean).forEach(function (w) {
      grams(w).forEach(function (g) {
        loadShard(shardOf(g, meta.shards), meta.id_bytes).catch(function () {});
      });
    });
  }
  input.addEventListener("input", function () {
    clearTimeout(ahead);
    ahead = setTimeout(fetchAhead, AHEAD_MS);
  });
  (window.requestIdleCallback || function (fn) { return setTimeout(fn, 200); })(function () {
    loadIndex().catch(function () {});
  });

  // -- wiring -----------------------------------------------------------------------------------
  function go(push) {
    var state = formState();
    var url = stateUrl(state);
    if (url !== location.pathname + location.search) {
      history[push ? "pushState" : "replaceState"](null, "", url);
    }
    return run(state);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    go(true);
  });
  Object.keys(FILTERS).concat(["s"]).forEach(function (key) {
    form.elements[key].addEventListener("change", function () { go(true); });
  });
  moreButton.addEventListener("click", function () { if (current) showMore(); });
  window.addEventListener("popstate", function () {
    var state = readState();
    showState(state);
    run(state);
  });

  var initial = readState();
  showState(initial);
  if (!initial.q) input.focus();
  window.sbSearchReady = run(initial);
})();
