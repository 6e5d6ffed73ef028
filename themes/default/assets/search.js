// The search page's script: reads ?q=, loads the shards its terms need, ranks, lists in
// #search-results. tokenize and hash do what the build does: a query's terms are the index's.
// (Not indented inside its function: every byte is sent to each reader who searches.)
(function () {
'use strict';
var MAXW = 40, LIMIT = 24, SHOWN = 10, SIZE = 160;
var LETTER = /[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}]/u, MARK = /\p{M}/u, ASCII = /^[\x00-\x7f]*$/;

// Ranges, as SearchTokenizer.isCJK lists them.
var CJK = [0x2E80,0x2FDF,0x3005,0x3005,0x3007,0x3007,0x3021,0x3029,0x3038,0x303B,0x3400,0x4DBF,0x4E00,0x9FFF,0xF900,0xFAFF,0x20000,0x3FFFF,0x3041,0x309F,0x30A0,0x30FA,0x30FC,0x30FF,0x31F0,0x31FF,0xFF66,0xFF9F,0x1B000,0x1B16F,0x1100,0x11FF,0x3131,0x318E,0xA960,0xA97F,0xAC00,0xD7A3,0xD7B0,0xD7FF,0xFFA0,0xFFDC];
function isCJK(v) {
  for (var i = 0; i < CJK.length; i += 2) if (v >= CJK[i] && v <= CJK[i + 1]) return true;
  return false;
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

// take(word) or take(null, chars) for each word and CJK run, with its start and end.
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

// A query's terms: words, a lone CJK character, or a CJK run's bigrams.
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
  for (var e of line.slice(bar + 1).split(';')) {
    if (!e) continue;
    var f = e.split(',');
    doc += parseInt(f[0], 36);
    list.push([doc, parseInt(f[1], 36), parseInt(f[2], 36)]);
  }
  return { df: parseInt(line.slice(0, bar), 36), list: list };
}

// Scores weigh fields; rarer terms, more of the query's terms, terms next to each other
// and newer documents rank higher.
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
    // Next to each other: in query order, exact forms aside.
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

// [start, end] of the query's terms in the text, overlapping ones joined.
function hits(text, terms) {
  var found = [];
  function add(a, b) {
    var l = found[found.length - 1];
    if (l && a <= l[1]) l[1] = Math.max(l[1], b); else found.push([a, b]);
  }
  scan(text, function (w, c, s, e) {
    if (w) { if (terms.indexOf(w) >= 0) add(s, e); return; }
    // Offsets in a run NFKC changed are unknown: all of it is marked.
    var exact = c.join('').length === e - s, at = s;
    c.forEach(function (ch, j) {
      var two = j + 1 < c.length && terms.indexOf(ch + c[j + 1]) >= 0;
      if (terms.indexOf(ch) >= 0 || two) add(exact ? at : s, exact ? at + ch.length + (two ? c[j + 1].length : 0) : e);
      at += ch.length;
    });
  });
  return found;
}

// The passage that matched: `size` characters around the most distinct terms close
// together, as [text] and [text, 1] (marked); the start if none matched. A text that
// fits (a title) is shown whole, and a window never runs past the end.
function excerpt(text, terms, size) {
  var h = hits(text, terms), best = 0, from = 0;
  for (var i = 0; i < h.length; i++) {
    var seen = {}, n = 0;
    for (var j = i; j < h.length && h[j][1] - h[i][0] <= size; j++) {
      var t = text.slice(h[j][0], h[j][1]).toLowerCase();
      seen[t] || (seen[t] = ++n);
    }
    if (n > best) { best = n; from = h[i][0]; }
  }
  var start = best ? Math.max(0, Math.min(from - (size >> 2), text.length - size)) : 0;
  var end = Math.min(text.length, start + size), pieces = [], last = start;
  if (start > 0) pieces.push(['…']);
  for (var r of h) {
    if (r[0] < last || r[1] > end) continue;
    pieces.push([text.slice(last, r[0])], [text.slice(r[0], r[1]), 1]);
    last = r[1];
  }
  pieces.push([text.slice(last, end)]);
  if (end < text.length) pieces.push(['…']);
  return pieces.filter(function (p) { return p[0]; });
}

function marked(pieces) {
  var el = document.createDocumentFragment();
  for (var p of pieces) {
    if (!p[1]) { el.append(p[0]); continue; }
    el.appendChild(document.createElement('mark')).textContent = p[0];
  }
  return el;
}

// Run by node, the tests compare these with the Swift side (SearchTokenizerTests) and
// check the excerpt (SearchExcerptTests).
if (typeof document === 'undefined') {
  if (typeof module !== 'undefined') module.exports = { tokenize: tokenize, hash: hash, excerpt: excerpt };
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
    var li = document.createElement('li'), a = li.appendChild(document.createElement('a'));
    a.href = r[0];
    a.append(marked(excerpt(r[1], terms, r[1].length)));
    if (r[2]) {
      var date = li.appendChild(document.createElement('span'));
      date.className = 'search-date';
      date.textContent = r[2];
    }
    // The stored text was cut after `lead` characters: it goes on.
    li.appendChild(document.createElement('p')).append(
      marked(excerpt(r[3] + (Array.from(r[3]).length >= found.lead ? ' …' : ''), terms, SIZE)));
    list.append(li);
  }
  root.append(list);
}).catch(function (error) {
  root.textContent = root.dataset.none;
  console.error(error);
});
})();
