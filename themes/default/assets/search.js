// The search page's script: reads ?q=, loads the index's manifest and only the shards its
// terms need, ranks, and lists results in #search-results. No framework. tokenize, fold,
// stem, isCJK and hash do what SearchTokenizer.swift, EnglishStemmer.swift and
// SearchIndex.fnv1a do at build time: a query's terms must be the index's.
(function () {
  'use strict';
  var MAXW = 40, LIMIT = 24, SHOWN = 10;
  var LETTER = /[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}]/u, MARK = /\p{M}/u, ASCII = /^[\x00-\x7f]*$/;

  function isCJK(v) {
    return (v >= 0x2E80 && v <= 0x2FDF) || v === 0x3005 || v === 0x3007 || (v >= 0x3021 && v <= 0x3029) ||
      (v >= 0x3038 && v <= 0x303B) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF) ||
      (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x20000 && v <= 0x3FFFF) ||
      (v >= 0x3041 && v <= 0x309F) || (v >= 0x30A0 && v <= 0x30FA) || (v >= 0x30FC && v <= 0x30FF) ||
      (v >= 0x31F0 && v <= 0x31FF) || (v >= 0xFF66 && v <= 0xFF9F) || (v >= 0x1B000 && v <= 0x1B16F) ||
      (v >= 0x1100 && v <= 0x11FF) || (v >= 0x3131 && v <= 0x318E) || (v >= 0xA960 && v <= 0xA97F) ||
      (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xD7B0 && v <= 0xD7FF) || (v >= 0xFFA0 && v <= 0xFFDC);
  }

  // 0: CJK, 1: letter or digit, 2: combining mark, 3: anything else (a separator).
  function kind(ch) {
    var v = ch.codePointAt(0);
    if (v < 0x80) return /[A-Za-z0-9]/.test(ch) ? 1 : 3;
    if (isCJK(v)) return 0;
    if (MARK.test(ch)) return 2;
    return LETTER.test(ch) ? 1 : 3;
  }

  function ends(w, s) { return w.length >= s.length && w.slice(-s.length) === s; }
  function undouble(w) {
    var c = w[w.length - 1];
    return w.length >= 3 && c === w[w.length - 2] && 'lszaeiou'.indexOf(c) < 0 ? w.slice(0, -1) : w;
  }
  function stem(w) {
    if (w.length < 4 || !/^[a-z]+$/.test(w)) return w;
    if (ends(w, 'sses')) w = w.slice(0, -2);
    else if (ends(w, 'ies') && w.length > 4) w = w.slice(0, -3) + 'y';
    else if (ends(w, 's') && !ends(w, 'ss') && !ends(w, 'us') && !ends(w, 'is')) w = w.slice(0, -1);
    if (ends(w, 'ing') && w.length - 3 >= 3 && /[aeiouy]/.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
    else if (ends(w, 'ed') && w.length - 2 >= 3 && /[aeiouy]/.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
    if (ends(w, 'e') && w.length >= 4) w = w.slice(0, -1);
    return w;
  }

  function fold(w) {
    var f = ASCII.test(w) ? w.toLowerCase() : w.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ς/g, 'σ');
    var cps = Array.from(f);
    return cps.length > MAXW ? cps.slice(0, MAXW).join('') : f;
  }

  // Calls take(word) or take(null, chars) for each word and CJK run, with the run's start
  // and end in the text (for marking).
  function scan(text, take) {
    var word = '', kept = 0, run = '', start = 0, i = 0;
    function flushWord() {
      if (kept) {
        var f = fold(word), s = stem(f);
        if (s) take(s, null, start, i, s === f ? null : '=' + f);
      }
      word = ''; kept = 0;
    }
    function flushRun() {
      if (!run) return;
      var parts = [[]];
      for (var ch of run.normalize('NFKC')) {
        if (isCJK(ch.codePointAt(0))) parts[parts.length - 1].push(ch);
        else if (parts[parts.length - 1].length) parts.push([]);
      }
      for (var p of parts) if (p.length) take(null, p, start, i);
      run = '';
    }
    for (var ch of text) {
      var k = kind(ch);
      if (k === 0) { flushWord(); if (!run) start = i; run += ch; }
      else if (k === 1 || (k === 2 && kept)) {
        flushRun();
        if (!kept) start = i;
        if (kept < MAXW * 2) { word += ch; kept++; }
      } else { flushWord(); flushRun(); }
      i += ch.length;
    }
    flushWord(); flushRun();
  }

  // The terms a query looks up: words, a lone CJK character, or a CJK run's bigrams.
  function tokenize(text) {
    var terms = [];
    function add(t) { if (terms.length < LIMIT && terms.indexOf(t) < 0) terms.push(t); }
    scan(text, function (w, c, s, e, exact) {
      if (w) { add(w); if (exact) add(exact); }
      else if (c.length === 1) add(c[0]);
      else for (var j = 0; j + 1 < c.length; j++) add(c[j] + c[j + 1]);
    });
    return terms;
  }

  function hash(term) {
    var h = 0x811c9dc5;
    for (var b of new TextEncoder().encode(term)) h = Math.imul(h ^ b, 0x01000193);
    return h >>> 0;
  }

  // "df|doc,score,position;…" in base 36, documents as differences.
  function postings(line) {
    if (!line) return null;
    var bar = line.indexOf('|'), list = [], doc = 0;
    var entries = line.slice(bar + 1).split(';');
    for (var e of entries) {
      if (!e) continue;
      var f = e.split(',');
      doc += parseInt(f[0], 36);
      list.push([doc, parseInt(f[1], 36), parseInt(f[2], 36)]);
    }
    return { df: parseInt(line.slice(0, bar), 36), list: list };
  }

  // Field weights are in the scores; rarer terms weigh more, a document with more of the
  // query's terms and with them next to each other ranks higher, and newer breaks ties.
  function rank(terms, lists, docs) {
    var found = {}, present = lists.filter(Boolean).length;
    lists.forEach(function (p, t) {
      if (!p) return;
      var idf = Math.log(1 + docs / p.df);
      for (var e of p.list) {
        var d = found[e[0]] || (found[e[0]] = { doc: e[0], score: 0, hits: 0, pos: {} });
        d.score += idf * e[1]; d.hits++; d.pos[t] = e[2];
      }
    });
    var ranked = Object.keys(found).map(function (k) {
      var d = found[k], near = 0;
      // Next to each other: the query's terms in order, a word's exact form aside.
      var order = terms.map(function (t, i) { return i; }).filter(function (i) { return terms[i][0] !== '='; });
      for (var j = 0; j + 1 < order.length; j++) {
        var a = order[j], b = order[j + 1];
        if (!(a in d.pos) || !(b in d.pos)) continue;
        var gap = d.pos[b] - d.pos[a];
        near += gap === 1 ? 1 : Math.abs(gap) <= 5 ? 0.5 : 0;
      }
      var cover = d.hits / present;
      d.rank = d.score * cover * cover * (1 + near / Math.max(1, order.length - 1)) * (1 + 0.2 * (1 - d.doc / docs));
      return d;
    });
    return ranked.sort(function (a, b) { return b.rank - a.rank || a.doc - b.doc; }).slice(0, SHOWN);
  }

  // The text with each of the query's terms in it in a <mark>.
  function marked(text, terms) {
    var el = document.createDocumentFragment(), ranges = [], last = 0;
    scan(text, function (w, c, s, e) {
      if (w) { if (terms.indexOf(w) >= 0) ranges.push([s, e]); return; }
      var hit = c.some(function (ch, j) {
        return terms.indexOf(ch) >= 0 || (j + 1 < c.length && terms.indexOf(ch + c[j + 1]) >= 0);
      });
      if (hit) ranges.push([s, e]);
    });
    for (var r of ranges) {
      el.append(text.slice(last, r[0]));
      var m = document.createElement('mark');
      m.textContent = text.slice(r[0], r[1]);
      el.append(m);
      last = r[1];
    }
    el.append(text.slice(last));
    return el;
  }

  // Run by node, the tests compare these with the Swift side (SearchTokenizerTests).
  if (typeof document === 'undefined') {
    if (typeof module !== 'undefined') module.exports = { tokenize: tokenize, hash: hash };
    return;
  }
  var root = document.getElementById('search-results');
  if (!root) return;
  var query = new URLSearchParams(location.search).get('q') || '';
  var input = document.getElementById('search-q');
  if (input) input.value = query;
  var terms = tokenize(query);
  if (!terms.length) return;
  var base = root.dataset.index, files = {};
  function get(path) {
    return files[path] || (files[path] = fetch(base + path).then(function (r) {
      if (!r.ok) throw new Error(path + ': ' + r.status);
      return r.json();
    }));
  }
  root.textContent = root.dataset.loading;
  get('index.json').then(function (m) {
    return Promise.all(terms.map(function (t) {
      return get('t/' + hash(t) % m.terms + '.json').then(function (s) { return postings(s[t]); });
    })).then(function (lists) {
      var top = rank(terms, lists, m.docs);
      return Promise.all(top.map(function (d) {
        return get('d/' + Math.floor(d.doc / m.perShard) + '.json').then(function (s) { return s[d.doc % m.perShard]; });
      })).then(function (records) { return { records: records, lead: m.lead }; });
    });
  }).then(function (found) {
    var records = found.records;
    root.textContent = '';
    if (!records.length) { root.textContent = root.dataset.none; return; }
    var list = document.createElement('ol');
    for (var r of records) {
      var li = document.createElement('li'), a = document.createElement('a');
      a.href = r[0];
      a.append(marked(r[1], terms));
      li.append(a);
      if (r[2]) {
        var date = document.createElement('span');
        date.className = 'search-date';
        date.textContent = r[2];
        li.append(date);
      }
      var p = document.createElement('p');
      p.append(marked(r[3], terms), Array.from(r[3]).length >= found.lead ? '…' : '');
      li.append(p);
      list.append(li);
    }
    root.append(list);
  }).catch(function (error) {
    root.textContent = root.dataset.none;
    console.error(error);
  });
})();
