/* The archive's search page (search.html).
 *
 * One page, two back ends with the same two calls, filters() and search():
 *   - "pagefind": the web edition. Pagefind loads only the index chunks of the
 *     words typed, so the first results need a few hundred kilobytes.
 *   - "offline": the offline copy opened from file://, where browsers refuse
 *     fetch, ES modules and WebAssembly. build_scripts/search_index.py writes
 *     the same index as plain scripts; this file loads the ones a query needs.
 * Every result is built with textContent: no text from the index is parsed as HTML.
 */
(function () {
  "use strict";

  var root = document.getElementById("archive-search");
  if (!root) return;
  var PAGE_SIZE = 10;
  var SECTIONS_SHOWN = 3;
  var EXCERPT_WORDS = 30;
  var FILTERS = ["year", "topic", "event"];

  /* The index's words: lower case, accents dropped (search_index.words does the same). */
  function tokens(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").match(/[\p{L}\p{N}]+/gu) || [];
  }

  /* ---------------------------------------------------------------- back ends */

  /* Script files of the index: loaded once each with <script>, which works from file:// too.
     Each calls ArchiveSearchData(kind, key, payload). */
  var store = { facets: null, index: null, shards: {}, pages: {} };
  var loading = {};
  window.ArchiveSearchData = function (kind, key, payload) {
    if (kind === "facets") store.facets = payload;
    else if (kind === "index") store.index = payload;
    else if (kind === "shard") store.shards[key] = payload;
    else if (kind === "page") store.pages[key] = payload;
  };
  function loadScript(folder, file) {
    var src = folder + file;
    if (!loading[src]) {
      loading[src] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("could not load the search file " + file)); };
        document.head.appendChild(script);
      });
    }
    return loading[src];
  }

  /* The filters: facets.js lists every page, oldest first (undated ones before), with its
     year, kind of event and topics as numbers into facets.values. */
  function facetCounts() {
    var counts = {};
    store.facets.names.forEach(function (name, n) {
      counts[name] = {};
      store.facets.pages.forEach(function (row) {
        row[n + 1].forEach(function (v) {
          var value = store.facets.values[name][v];
          counts[name][value] = (counts[name][value] || 0) + 1;
        });
      });
    });
    return counts;
  }
  function keysMatching(filters) {
    var names = store.facets.names, values = store.facets.values, keys = {};
    store.facets.pages.forEach(function (row) {
      var ok = names.every(function (name, n) {
        return !filters[name] || row[n + 1].some(function (v) { return values[name][v] === filters[name]; });
      });
      if (ok) keys[row[0]] = true;
    });
    return keys;
  }
  function newestFirst(keys) {
    return store.facets.pages.map(function (row) { return row[0]; })
      .filter(function (key) { return keys[key]; }).reverse();
  }

  function pagefindBackend(bundle, facets) {
    /* Loaded and initialised with the page, so a query only waits for its own chunks. */
    var pagefind = import(new URL(bundle + "pagefind.js", document.baseURI).href).then(function (p) {
      return p.options({ excerptLength: 0 }).then(function () { return p.init(); }).then(function () { return p; });
    });
    var ready = loadScript(facets, "facets.js");
    /* A page Pagefind has not returned (filters only): read its fragment, gzip'd JSON. */
    function fragment(id) {
      return fetch(bundle + "fragment/" + id + ".pf_fragment").then(function (response) {
        if (!response.ok) throw new Error("could not load the search fragment " + id);
        return new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).text();
      }).then(function (text) {
        var d = JSON.parse(text.slice("pagefind_dcd".length));
        return { url: d.url.replace(/^\//, ""), meta: d.meta, content: d.content, anchors: d.anchors, locations: [] };
      });
    }
    return {
      filters: function () { return ready.then(facetCounts); },
      /* While the reader types: fetch the index chunks of the words so far. */
      preload: function (query) { pagefind.then(function (p) { return p.preload(query); }).catch(function () {}); },
      search: function (query, filters) {
        var wanted;
        return ready.then(function () {
          wanted = keysMatching(filters);
          if (!query) return newestFirst(wanted).map(function (id) { return function () { return fragment(id); }; });
          return pagefind.then(function (p) { return p.search(query); }).then(function (found) {
            return found.results.filter(function (r) { return wanted[r.id]; }).map(function (result) {
              return function () {
                return result.data().then(function (d) {
                  return { url: d.url.replace(/^\//, ""), meta: d.meta, content: d.content,
                           anchors: d.anchors, locations: d.locations };
                });
              };
            });
          });
        });
      }
    };
  }

  function offlineBackend(folder) {
    var ready = Promise.all([loadScript(folder, "facets.js"), loadScript(folder, "index.js")]);

    /* Postings of every indexed term that equals `term` or starts with it. */
    function matches(term) {
      var key = term.slice(0, 2);
      var file = store.index.shards[key];
      if (!file) return Promise.resolve([]);
      return loadScript(folder, "t-" + file + ".js").then(function () {
        var shard = store.shards[key], terms = shard.terms, found = [];
        var lo = 0, hi = terms.length;
        while (lo < hi) { var mid = (lo + hi) >> 1; if (terms[mid] < term) lo = mid + 1; else hi = mid; }
        for (var i = lo; i < terms.length && terms[i].lastIndexOf(term, 0) === 0; i++) {
          if (term.length > 1 || terms[i] === term) found.push({ exact: terms[i] === term, postings: shard.postings[i] });
        }
        return found;
      });
    }

    /* BM25 over the pages that hold every term; an exact word counts more than a longer one. */
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

    function pageData(number, terms) {
      return loadScript(folder, "p-" + number + ".js").then(function () {
        var page = store.pages[number], locations = [];
        if (terms.length) {
          page.content.split(/\s+/).forEach(function (word, at) {
            var hit = tokens(word).some(function (t) {
              return terms.some(function (q) { return q.length > 1 ? t.lastIndexOf(q, 0) === 0 : t === q; });
            });
            if (hit) locations.push(at);
          });
        }
        return { url: page.url, meta: page.meta, content: page.content, locations: locations,
                 anchors: page.anchors.map(function (a) { return { element: "h2", id: a[0], text: a[1], location: a[2] }; }) };
      });
    }

    return {
      filters: function () { return ready.then(facetCounts); },
      /* While the reader types: load the shards of the words so far. */
      preload: function (query) {
        ready.then(function () { return Promise.all(tokens(query).map(matches)); }).catch(function () {});
      },
      search: function (query, filters) {
        var terms = tokens(query);
        return ready.then(function () {
          return Promise.all(terms.map(matches));
        }).then(function (perTerm) {
          var wanted = keysMatching(filters), order;
          if (terms.length) {
            var scores = rank(perTerm);
            order = Object.keys(scores).map(Number).filter(function (i) { return wanted[i]; })
              .sort(function (a, b) { return scores[b] - scores[a] || a - b; });
          } else {
            order = newestFirst(wanted);
          }
          return order.map(function (i) { return function () { return pageData(i, terms); }; });
        });
      }
    };
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
    var sections = (data.anchors || []).filter(function (a) { return a.element === "h2" && a.id; })
      .sort(function (a, b) { return a.location - b.location; });
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
        var a = element("a", "archive-result__section-link", hit.section.text.replace(/¶$/, ""));
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

  var backend = root.dataset.backend === "offline" ? offlineBackend(root.dataset.facets)
    : pagefindBackend(root.dataset.bundle, root.dataset.facets);
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
    return backend.search(text, chosen).then(function (results) {
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
    backend.preload(query.value);
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
  FILTERS.forEach(function (name) { selects[name].addEventListener("change", run); });
  more.addEventListener("click", function () { showMore(generation); });

  backend.filters().then(function (counts) {
    fillFilters(counts);
    FILTERS.forEach(function (name) { if (params.get(name)) selects[name].value = params.get(name); });
  }).catch(function () { /* the filters stay at "all"; run() reports a failing back end */ })
    .then(run);
  if (!query.value) query.focus();
})();
