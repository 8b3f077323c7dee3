/* The archive's search page (search.html), the same in both editions.
 *
 * The index is plain scripts written by the generator (build_scripts/indexes/search.py):
 * each calls ArchiveSearchData(kind, key, payload). Scripts load from file:// as well
 * as over the web, where fetch, ES modules and WebAssembly do not, so the offline copy
 * searches exactly like the site. A query loads only the shards of its words and the
 * texts of the results shown. Every result is built with textContent: no text from the
 * index is parsed as HTML.
 */
(function () {
  "use strict";

  var root = document.getElementById("archive-search");
  if (!root) return;
  var PAGE_SIZE = 10;
  var SECTIONS_SHOWN = 3;
  var EXCERPT_WORDS = 30;
  var FILTERS = ["year", "event", "topic"];

  /* The index's words: lower case, accents dropped (indexes/search.py `words` does the same). */
  function tokens(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").match(/[\p{L}\p{N}]+/gu) || [];
  }

  /* Whether an indexed word answers a query word: a word of two letters or more also finds
     longer words that start with it (sanction → sanctions); a single letter only itself. */
  function finds(word, query) {
    return query.length > 1 ? word.lastIndexOf(query, 0) === 0 : word === query;
  }

  /* ---------------------------------------------------------------- the index */

  var folder = root.dataset.index;
  var store = { values: null, facets: null, index: null, shards: {}, pages: {} };
  var loading = {};
  window.ArchiveSearchData = function (kind, key, payload) {
    if (kind === "facet-values") store.values = payload;
    else if (kind === "facets") store.facets = payload;
    else if (kind === "index") store.index = payload;
    else if (kind === "shard") store.shards[key] = payload;
    else if (kind === "page") store.pages[key] = payload;
  };
  function load(file) {
    if (!loading[file]) {
      loading[file] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = folder + file;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("could not load the search file " + file)); };
        document.head.appendChild(script);
      });
    }
    return loading[file];
  }
  var ready = Promise.all([load("facet-values.js"), load("index.js")]);

  /* The filters' values with how many transcripts have each. */
  function filterCounts() {
    return ready.then(function () {
      var counts = {};
      store.values.names.forEach(function (name) {
        counts[name] = {};
        store.values.values[name].forEach(function (value, i) { counts[name][value] = store.values.counts[name][i]; });
      });
      return counts;
    });
  }

  /* Page numbers whose year, kind of event and topics match `filters` (null: no filter chosen).
     facets.js gives, per filter, each page's values as characters of ALPHABET (indexes/search.py). */
  var ALPHABET = "";
  for (var c = 0x21; c < 0x7f; c++) if ('",\\'.indexOf(String.fromCharCode(c)) < 0) ALPHABET += String.fromCharCode(c);
  function pageValues(code, count) {
    if (count > ALPHABET.length) return code ? code.split(" ").map(Number) : [];
    return code.split("").map(function (ch) { return ALPHABET.indexOf(ch); });
  }
  function pagesMatching(filters) {
    var names = Object.keys(filters);
    if (!names.length) return Promise.resolve(null);
    return load("facets.js").then(function () {
      var wanted = null;
      names.forEach(function (name) {
        var values = store.values.values[name], chosen = values.indexOf(filters[name]), next = {};
        store.facets[name].split(",").forEach(function (code, page) {
          if ((!wanted || wanted[page]) && pageValues(code, values.length).indexOf(chosen) >= 0) next[page] = true;
        });
        wanted = next;
      });
      return wanted;
    });
  }

  /* Postings of every word in the shard with the longest key that begins `term`, equal to
     it or starting with it (a word longer than its shard's key finds longer words too). */
  function matches(term) {
    var key = null;
    for (var k = Math.min(term.length, 8); k > 0 && key === null; k--) {
      if (store.index.shards.hasOwnProperty(term.slice(0, k))) key = term.slice(0, k);
    }
    if (key === null) return Promise.resolve([]);
    return load("t-" + store.index.shards[key] + ".js").then(function () {
      var shard = store.shards[key], terms = shard.terms, found = [];
      var lo = 0, hi = terms.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (terms[mid] < term) lo = mid + 1; else hi = mid; }
      for (var i = lo; i < terms.length && terms[i].lastIndexOf(term, 0) === 0; i++) {
        if (finds(terms[i], term)) found.push({ exact: terms[i] === term, postings: shard.postings[i] });
      }
      return found;
    });
  }

  /* BM25 over the pages that hold every word; an exact word counts more than a longer one. */
  function rank(perTerm) {
    var lengths = store.index.words, n = lengths.length, avg = store.index.average_words || 1;
    var scores = null;
    perTerm.forEach(function (found) {
      var tf = {};
      found.forEach(function (m) {
        for (var i = 0; i < m.postings.length; i += 2) {
          tf[m.postings[i]] = (tf[m.postings[i]] || 0) + m.postings[i + 1] * (m.exact ? 1 : 0.5);
        }
      });
      var df = Object.keys(tf).length;
      var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      var next = {};
      Object.keys(tf).forEach(function (page) {
        if (scores && !(page in scores)) return;
        var length = lengths[page] / avg;
        next[page] = (scores ? scores[page] : 0) + idf * tf[page] * 2.2 / (tf[page] + 1.2 * (0.25 + 0.75 * length));
      });
      scores = next;
    });
    return scores || {};
  }

  /* One result: the page's text with the positions of the words that match. */
  function pageData(number, terms) {
    return load("p-" + number + ".js").then(function () {
      var page = store.pages[number], locations = [];
      if (terms.length) {
        page.content.split(/\s+/).forEach(function (word, at) {
          var hit = tokens(word).some(function (t) { return terms.some(function (q) { return finds(t, q); }); });
          if (hit) locations.push(at);
        });
      }
      return { url: root.dataset.pageUrl.replace("{id}", page.id), meta: page.meta, content: page.content,
               locations: locations, anchors: page.anchors.map(function (a) { return { id: a[0], text: a[1], location: a[2] }; }) };
    });
  }

  /* The matching pages, best first (newest first with no words), each as a function that loads it. */
  function search(query, filters) {
    var terms = tokens(query);
    return ready.then(function () {
      return Promise.all([Promise.all(terms.map(matches)), pagesMatching(filters)]);
    }).then(function (both) {
      var wanted = both[1], order;
      if (terms.length) {
        var scores = rank(both[0]);
        order = Object.keys(scores).map(Number).filter(function (i) { return !wanted || wanted[i]; })
          .sort(function (a, b) { return scores[b] - scores[a] || b - a; });
      } else {
        order = [];
        for (var i = store.index.words.length - 1; i >= 0; i--) if (!wanted || wanted[i]) order.push(i);
      }
      return order.map(function (i) { return function () { return pageData(i, terms); }; });
    });
  }

  /* While the reader types: load the shards of the words so far. */
  function preload(query) {
    ready.then(function () { return Promise.all(tokens(query).map(matches)); }).catch(function () {});
  }

  /* ---------------------------------------------------------------- rendering */

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function link(base, url, anchor) {
    return base.replace(/\/?$/, "/") + url + (anchor ? "#" + encodeURIComponent(anchor) : "");
  }

  /* About EXCERPT_WORDS words around `at`, the matching words in <mark>. */
  function excerpt(words, at, marked, from, to) {
    var start = Math.max(from, at - Math.floor(EXCERPT_WORDS / 3));
    var end = Math.min(to, start + EXCERPT_WORDS);
    var p = element("p", "archive-result__excerpt");
    if (start > from) p.appendChild(document.createTextNode("… "));
    for (var i = start; i < end; i++) {
      if (marked[i]) p.appendChild(element("mark", "", words[i]));
      else p.appendChild(document.createTextNode(words[i]));
      if (i < end - 1) p.appendChild(document.createTextNode(" "));
    }
    if (end < to) p.appendChild(document.createTextNode(" …"));
    return p;
  }

  function renderResult(base, data) {
    var words = data.content.split(/\s+/);
    var marked = {};
    data.locations.forEach(function (at) { marked[at] = true; });
    var item = element("li", "archive-result");
    var title = element("a", "archive-result__title", data.meta.title || data.url);
    title.href = link(base, data.url);
    item.appendChild(element("h2", "archive-result__heading")).appendChild(title);
    var facts = [data.meta.date, data.meta.place, data.meta.event].filter(Boolean).join(" · ");
    item.appendChild(element("p", "archive-result__meta", facts));
    var sections = data.anchors;
    if (!data.locations.length) {
      item.appendChild(excerpt(words, 0, marked, 0, words.length));
      return item;
    }
    var hits = sections.map(function (section, i) {
      var end = i + 1 < sections.length ? sections[i + 1].location : words.length;
      var inside = data.locations.filter(function (at) { return at >= section.location && at < end; });
      return { section: section, end: end, count: inside.length, first: inside[0] };
    }).filter(function (hit) { return hit.count > 0; });
    var first = data.locations[0];
    if (!hits.length || first < hits[0].section.location) {
      item.appendChild(excerpt(words, first, marked, 0, hits.length ? hits[0].section.location : words.length));
    }
    if (hits.length) {
      var list = element("ul", "archive-result__sections");
      hits.slice(0, SECTIONS_SHOWN).forEach(function (hit) {
        var li = element("li", "archive-result__section");
        var a = element("a", "archive-result__section-link", hit.section.text);
        a.href = link(base, data.url, hit.section.id);
        li.appendChild(a);
        li.appendChild(excerpt(words, hit.first, marked, hit.section.location + 1, hit.end));
        list.appendChild(li);
      });
      item.appendChild(list);
      if (hits.length > SECTIONS_SHOWN) {
        item.appendChild(element("p", "archive-result__more-sections",
          "and " + (hits.length - SECTIONS_SHOWN) + " more section" + (hits.length - SECTIONS_SHOWN > 1 ? "s" : "") + " on this page"));
      }
    }
    return item;
  }

  /* ---------------------------------------------------------------- the page */

  var base = root.dataset.base || ".";
  var form = root.querySelector("form");
  var query = root.querySelector("#archive-search-query");
  var status = root.querySelector(".archive-search__status");
  var list = root.querySelector(".archive-search__results");
  var more = root.querySelector(".archive-search__more");
  var selects = {};
  FILTERS.forEach(function (name) { selects[name] = root.querySelector("#archive-search-" + name); });
  var current = [], shown = 0, generation = 0;

  function chosenFilters() {
    var chosen = {};
    FILTERS.forEach(function (name) { if (selects[name].value) chosen[name] = selects[name].value; });
    return chosen;
  }

  function remember() {
    var params = new URLSearchParams();
    if (query.value.trim()) params.set("q", query.value.trim());
    var chosen = chosenFilters();
    Object.keys(chosen).forEach(function (name) { params.set(name, chosen[name]); });
    var search = params.toString();
    try { history.replaceState(null, "", search ? "?" + search : location.pathname); } catch (e) { /* file:// in some browsers */ }
  }

  /* The next PAGE_SIZE results, each shown as soon as its text has arrived, in rank order. */
  function showMore(mine) {
    var batch = current.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    more.hidden = shown >= current.length;
    var slots = batch.map(function () { return list.appendChild(element("li", "archive-result archive-result--loading")); });
    return Promise.all(batch.map(function (data, i) {
      return data().then(function (page) {
        if (mine === generation) list.replaceChild(renderResult(base, page), slots[i]);
      });
    })).then(function () {
      if (mine === generation) root.dataset.state = "done";
    });
  }

  function run() {
    var mine = ++generation;
    var text = query.value.trim();
    var chosen = chosenFilters();
    remember();
    var header = document.getElementById("archive-search-header");
    if (header) header.value = text;
    if (!text && !Object.keys(chosen).length) {
      list.textContent = ""; status.textContent = ""; more.hidden = true; root.dataset.state = "idle";
      return Promise.resolve();
    }
    root.dataset.state = "searching";
    status.textContent = "Searching…";
    return search(text, chosen).then(function (results) {
      if (mine !== generation) return;
      current = results; shown = 0; list.textContent = "";
      var n = results.length;
      status.textContent = n === 0 ? "No transcript matches." :
        (n === 1 ? "1 transcript matches" : n + " transcripts match") + (text ? " “" + text + "”" : " the filters") + ".";
      if (n === 0) { more.hidden = true; root.dataset.state = "done"; return; }
      return showMore(mine);
    }).catch(function (error) {
      status.textContent = "Search failed: " + error.message;
      root.dataset.state = "failed";
    });
  }

  function fillFilters(counts) {
    FILTERS.forEach(function (name) {
      var values = Object.keys(counts[name] || {});
      values.sort(name === "year" ? function (a, b) { return a < b ? 1 : -1; } : function (a, b) { return a.localeCompare(b); });
      values.forEach(function (value) {
        var option = element("option", "", value + " (" + counts[name][value] + ")");
        option.value = value;
        selects[name].appendChild(option);
      });
    });
  }

  var params = new URLSearchParams(location.search);
  query.value = params.get("q") || "";
  var timer = null;
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  query.addEventListener("input", function () {
    preload(query.value);
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
  FILTERS.forEach(function (name) { selects[name].addEventListener("change", run); });
  more.addEventListener("click", function () { showMore(generation); });

  filterCounts().then(function (counts) {
    fillFilters(counts);
    FILTERS.forEach(function (name) { if (params.get(name)) selects[name].value = params.get(name); });
  }).catch(function () { /* the filters stay at "all"; run() reports a failing back end */ })
    .then(run);
  if (!query.value) query.focus();
})();
