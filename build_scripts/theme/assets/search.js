/* The archive's search page (search.html), the same in both editions.
 *
 * The index is plain scripts written by the generator (build_scripts/site/indexes/search.py):
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
  var FILTERS = ["year", "event", "topic", "speaker", "language"];
  var OTHER_FORM = 0.6;  // a word's other forms count for this much of the word as typed
  var K1 = 1.2, B = 0.5;  // BM25: B below the usual 0.75, as transcripts of a summit are long because many
                         // speak, and three mentions in one should outweigh one in a short briefing
  var MIN_LENGTH = 0.5;  // BM25 treats a page shorter than half the average as that long: a snippet
                         // that names a word once should not outrank a transcript that discusses it

  var tokens = window.ArchiveSearchWords.tokens;
  var stem = window.ArchiveSearchWords.stem, soundKey = window.ArchiveSearchWords.soundKey;

  /* ---------------------------------------------------------------- the query */

  /* What the reader typed: every clause must match (a clause is one or more alternatives
     joined by OR, each a word or a "quoted phrase"); an item after "-" must not. */
  function parse(text) {
    var clauses = [], excluded = [], joinNext = false;
    var parts = text.match(/-?"[^"]*"?|\S+/g) || [];
    parts.forEach(function (part, i) {
      if (part === "OR" && clauses.length && i + 1 < parts.length) { joinNext = true; return; }
      var negative = part.charAt(0) === "-" && part.length > 1;
      var body = negative ? part.slice(1) : part;
      var quoted = body.charAt(0) === '"';
      var words = tokens(quoted ? body.replace(/"/g, " ") : body);
      if (!words.length) { joinNext = false; return; }
      // "Nur-Sultan" typed without quotes: its words side by side, and "nursultan" for its spellings
      var items = words.length > 1 && (quoted || /^[\p{L}\p{N}]+(?:[-‐–'’][\p{L}\p{N}]+)+$/u.test(body))
        ? [{ words: words, phrase: true, joined: quoted ? null : words.join("") }]
        : words.map(function (w) { return { words: [w], phrase: false, typed: words.length === 1 ? body : w }; });
      if (negative) { excluded.push.apply(excluded, items); return; }
      if (joinNext && items.length === 1) clauses[clauses.length - 1].push(items[0]);
      else items.forEach(function (item) { clauses.push([item]); });
      joinNext = false;
    });
    return { clauses: clauses, excluded: excluded, text: text, forms: {},
             phrases: clauses.reduce(function (all, c) { return all.concat(c.filter(function (a) { return a.phrase; })); }, []) };
  }

  /* ---------------------------------------------------------------- the index */

  var folder = root.dataset.index;
  var store = { values: null, facets: null, index: null, shards: {}, pages: {}, names: null, nameShards: {} };
  var loading = {};
  window.ArchiveSearchData = function (kind, key, payload) {
    if (kind === "facet-values") store.values = payload;
    else if (kind === "facets") store.facets = payload;
    else if (kind === "index") store.index = payload;
    else if (kind === "shard") store.shards[key] = pagesFromGaps(payload);
    else if (kind === "page") store.pages[key] = payload;
    else if (kind === "name-index") store.names = payload;
    else if (kind === "names") store.nameShards[key] = payload;
  };
  /* A shard's postings give each page as its gap from the one before (indexes/search.py `_gaps`). */
  function pagesFromGaps(shard) {
    shard.postings.forEach(function (perForm) {
      perForm.forEach(function (postings) {
        for (var i = 3; i < postings.length; i += 3) postings[i] += postings[i - 3];
      });
    });
    return shard;
  }
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
  var ready = Promise.all([load("facet-values.js"), load("index.js"), load("stemmer.js"), load("names.js")]);

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

  /* Page numbers whose year, kind of event, topics, speakers and day match `filters` (null: no
     filter chosen). facets.js gives, per filter, each page's values as characters of ALPHABET
     (indexes/search.py), and each page's day as YYYYMMDD ("" when undated). */
  var ALPHABET = "";
  for (var c = 0x21; c < 0x7f; c++) if ('",\\'.indexOf(String.fromCharCode(c)) < 0) ALPHABET += String.fromCharCode(c);
  function pageValues(code, count) {
    if (count > ALPHABET.length) return code ? code.split(" ").map(Number) : [];
    return code.split("").map(function (ch) { return ALPHABET.indexOf(ch); });
  }
  function firstDay(day) { return day.length === 4 ? day + "0101" : day.length === 6 ? day + "01" : day; }
  function lastDay(day) { return day.length === 4 ? day + "1231" : day.length === 6 ? day + "31" : day; }
  function pagesMatching(filters) {
    var names = Object.keys(filters).filter(function (name) { return FILTERS.indexOf(name) >= 0; });
    var from = (filters.from || "").replace(/-/g, ""), to = (filters.to || "").replace(/-/g, "");
    if (!names.length && !from && !to) return Promise.resolve(null);
    return load("facets.js").then(function () {
      var wanted = null;
      names.forEach(function (name) {
        var values = store.values.values[name], chosen = values.indexOf(filters[name]), next = {};
        store.facets[name].split(",").forEach(function (code, page) {
          if ((!wanted || wanted[page]) && pageValues(code, values.length).indexOf(chosen) >= 0) next[page] = true;
        });
        wanted = next;
      });
      if (from || to) {  // a range of days; a year or a month runs from its first day to its last
        var next = {}, start = from && firstDay(from), end = to && lastDay(to);
        store.facets.day.split(",").forEach(function (day, page) {
          if (!day || (wanted && !wanted[page])) return;
          if ((!start || lastDay(day) >= start) && (!end || firstDay(day) <= end)) next[page] = true;
        });
        wanted = next;
      }
      return wanted;
    });
  }

  /* The shard that holds `key` (a stem): the one with the longest key that begins it. */
  function shardOf(key) {
    for (var k = Math.min(key.length, 8); k > 0; k--) {
      if (store.index.shards.hasOwnProperty(key.slice(0, k))) {
        var name = key.slice(0, k);
        return load("t-" + store.index.shards[name] + ".js").then(function () { return store.shards[name]; });
      }
    }
    return Promise.resolve(null);
  }

  /* Every form of `word`'s stem with its postings ([page, speaker, count, …]); the word as typed
     counts in full, its other forms a little less. With `prefix` (the word still being typed)
     and no stem found, the stems that start with it. */
  function matches(word, prefix) {
    var key = stem(word);
    // Russian Snowball gives some forms of one word stems a letter apart (Казахстан → казахста,
    // Казахстаном → казахстан): a Cyrillic stem of five letters or more also meets those.
    var russian = /[\u0400-\u04ff]/.test(key) && key.length >= 5;
    // … and some a word's own form, whole (космодром → космодр, космодрома → космодром): a Russian
    // word typed whole also meets the stem that is that very word.
    var whole = russian && word !== key && word.lastIndexOf(key, 0) === 0;
    return Promise.all([shardOf(key), whole ? shardOf(word) : null]).then(function (shards) {
      var shard = shards[0], found = [], taken = {};
      if (!shard) return [];
      function at(terms, term) {
        var lo = 0, hi = terms.length;
        while (lo < hi) { var mid = (lo + hi) >> 1; if (terms[mid] < term) lo = mid + 1; else hi = mid; }
        return lo;
      }
      function take(from, i) {
        if (taken[from.terms[i]]) return;
        taken[from.terms[i]] = true;
        from.forms[i].forEach(function (form, f) {
          found.push({ form: form, weight: form === word ? 1 : OTHER_FORM, postings: from.postings[i][f] });
        });
      }
      var terms = shard.terms, shorter = russian ? at(terms, key.slice(0, -1)) : -1;
      if (shorter >= 0 && terms[shorter] === key.slice(0, -1)) take(shard, shorter);
      for (var i = at(terms, key); i < terms.length && terms[i].lastIndexOf(key, 0) === 0; i++) {
        var longer = terms[i].length - key.length;
        if (longer === 0 || (russian && longer === 1) || (prefix && word.length > 2)) take(shard, i);
      }
      var own = shards[1];
      if (own) {
        var j = at(own.terms, word);
        if (own.terms[j] === word) take(own, j);
      }
      return found;
    });
  }

  /* The pages (with their term frequency) that hold an item: a word, or all the words of a phrase. */
  function itemPages(item, prefix, speaker, forms) {
    return Promise.all(item.words.map(function (w, i) {
      return matches(w, prefix && i === item.words.length - 1);
    })).then(function (perWord) {
      var pages = null;
      perWord.forEach(function (found, i) {
        var tf = {};
        found.forEach(function (m) {
          if (item.phrase && m.form !== item.words[i]) return;  // a phrase is its words as typed
          if (!item.phrase && forms) forms[m.form] = true;  // marked in the results' excerpts
          for (var j = 0; j < m.postings.length; j += 3) {
            if (speaker && m.postings[j + 1] !== speaker) continue;
            tf[m.postings[j]] = (tf[m.postings[j]] || 0) + m.postings[j + 2] * m.weight;
          }
        });
        if (!pages) pages = tf;
        else { var both = {}; Object.keys(tf).forEach(function (p) { if (p in pages) both[p] = Math.min(pages[p], tf[p]) + (item.phrase ? 0 : pages[p]); }); pages = both; }
      });
      return { pages: pages || {}, found: perWord.some(function (f) { return f.length; }) };
    });
  }

  /* Names in any spelling (indexes/search_names.py): each word of the query also finds the other
     spellings the registers list for it (Astana: Nur-Sultan, Астана …) and the corpus's names
     with the same sound key (Tokaev: Tokayev, Токаев), as alternatives in its clause. */
  function spellings(word) {
    return load("names.js").then(function () {
      var found = (store.names.aliases[word] || []).slice();
      var key = soundKey(word, store.names.table), file = store.names.shards[key.slice(0, 2)];
      if (!file || key.length < 4) return found;
      return load("n-" + file + ".js").then(function () {
        (store.nameShards[key.slice(0, 2)][key] || []).forEach(function (form) { found.push([form]); });
        return found;
      });
    }).then(function (found) {
      var seen = {}, own = stem(word);
      seen[word] = true;
      return found.filter(function (words) {
        var id = words.join(" ");
        if (seen[id] || (words.length === 1 && stem(words[0]) === own)) return false;
        return (seen[id] = true);
      });
    }).catch(function () { return []; });
  }
  function expand(query) {
    return Promise.all(query.clauses.map(function (clause) {
      return Promise.all(clause.map(function (item) {
        return item.phrase ? (item.joined ? spellings(item.joined) : []) : spellings(item.words[0]);
      }))
        .then(function (perItem) {
          perItem.forEach(function (alternatives) {
            alternatives.forEach(function (words) { clause.push({ words: words, phrase: words.length > 1, alias: true }); });
          });
        });
    })).then(function () { return query; });
  }

  /* The pages holding an excluded word (a phrase is checked on the pages shown). */
  function banned(query) {
    return Promise.all(query.excluded.map(function (item) { return item.phrase ? { pages: {} } : itemPages(item, false, 0); }))
      .then(function (out) {
        var pages = {};
        out.forEach(function (r) { Object.keys(r.pages).forEach(function (p) { pages[p] = true; }); });
        return pages;
      });
  }

  /* BM25 over the pages that match every clause and no excluded item. */
  function rank(query, filters, prefixLast) {
    var lengths = store.index.words, n = lengths.length, avg = store.index.average_words || 1;
    var speaker = filters.speaker ? store.values.values.speaker.indexOf(filters.speaker) + 1 : 0;
    var last = query.clauses.length - 1;
    return Promise.all(query.clauses.map(function (clause, c) {
      return Promise.all(clause.map(function (item) { return itemPages(item, prefixLast && c === last, speaker, query.forms); }));
    })).then(function (perClause) {
      return banned(query).then(function (without) {
        var scores = null, missing = [], respelled = [];
        perClause.forEach(function (items, c) {
          var tf = {};
          items.forEach(function (r, a) {  // another spelling of a name counts as another form of a word
            var weight = query.clauses[c][a].alias ? OTHER_FORM : 1;
            Object.keys(r.pages).forEach(function (p) { tf[p] = (tf[p] || 0) + r.pages[p] * weight; });
          });
          if (!items.some(function (r) { return r.found; })) {
            missing.push.apply(missing, query.clauses[c].filter(function (item) { return !item.alias; }));
          } else if (!items.some(function (r, a) { return r.found && !query.clauses[c][a].alias; })) {
            var typed = query.clauses[c][0].typed || query.clauses[c][0].words.join(" ");
            var capital = typed.charAt(0) !== typed.charAt(0).toLowerCase();
            respelled.push({ typed: typed, as: query.clauses[c].filter(function (item, a) {
              return item.alias && items[a].found; }).map(function (item) {
                var as = item.words.join(" ");
                return capital ? as.charAt(0).toUpperCase() + as.slice(1) : as;
              }) });
          }
          var df = Object.keys(tf).length, idf = Math.log(1 + (n - df + 0.5) / (df + 0.5)), next = {};
          Object.keys(tf).forEach(function (page) {
            if ((scores && !(page in scores)) || without[page]) return;
            var length = Math.max(lengths[page] / avg, MIN_LENGTH);
            next[page] = (scores ? scores[page] : 0) + idf * tf[page] * (K1 + 1) / (tf[page] + K1 * (1 - B + B * length));
          });
          scores = next;
        });
        return { scores: scores || {}, missing: missing, respelled: respelled };
      });
    });
  }

  /* Which whitespace-separated word of the page each of its tokens is in. */
  function pageTokens(page) {
    if (!page.tokens) {
      var list = [];
      page.words = page.content.split(/\s+/);
      page.words.forEach(function (word, at) { tokens(word).forEach(function (t) { list.push({ at: at, token: t }); }); });
      page.tokens = list;
    }
    return page.tokens;
  }
  function speakerAt(page, at) {
    var code = 0;
    for (var i = 0; i < page.turns.length && page.turns[i][0] <= at; i++) code = page.turns[i][1];
    return code;
  }
  /* Where in the page a phrase is said (by `speaker`, if set): the words it covers. */
  function phraseAt(page, words, speaker) {
    var list = pageTokens(page), found = [];
    for (var i = 0; i + words.length <= list.length; i++) {
      var ok = true;
      for (var j = 0; j < words.length && ok; j++) ok = list[i + j].token === words[j];
      if (ok && (!speaker || speakerAt(page, list[i].at) === speaker)) {
        for (var k = list[i].at; k <= list[i + words.length - 1].at; k++) found.push(k);
      }
    }
    return found;
  }

  /* One result: the page's text with the positions of the words that match, or null when a
     quoted phrase is not in it (the index knows the words, the text tells if they stand together). */
  function pageData(number, query, speaker) {
    return load("p-" + number + ".js").then(function () {
      var page = store.pages[number], marked = {};
      for (var q = 0; q < query.clauses.length; q++) {
        var clause = query.clauses[q], any = false;
        for (var a = 0; a < clause.length; a++) {
          if (!clause[a].phrase) { any = true; continue; }
          var at = phraseAt(page, clause[a].words, speaker);
          at.forEach(function (k) { marked[k] = true; });
          any = any || at.length > 0;
        }
        if (!any) return null;
      }
      for (var e = 0; e < query.excluded.length; e++) {
        if (query.excluded[e].phrase && phraseAt(page, query.excluded[e].words, 0).length) return null;
      }
      // the forms the index gave for the words (stemming every word of the page again would take
      // the Snowball port about 0.1 ms a word)
      pageTokens(page).forEach(function (t) {
        if (query.forms[t.token] && (!speaker || speakerAt(page, t.at) === speaker)) marked[t.at] = true;
      });
      var locations = Object.keys(marked).map(Number).sort(function (x, y) { return x - y; });
      return { url: root.dataset.pageUrl.replace("{id}", page.id), meta: page.meta, content: page.content,
               locations: locations, anchors: page.anchors.map(function (a) { return { id: a[0], text: a[1], location: a[2] }; }) };
    });
  }

  /* Oldest first, the undated (pages 0 … undated-1) last: their place in time is unknown. */
  function oldestFirst(a, b) {
    var undated = store.index.undated || 0;
    return (a < undated) - (b < undated) || a - b;
  }

  /* The matching pages in the order asked for (best first, newest or oldest first), each as a
     function that loads it (null when a phrase turns out not to be in it). */
  function search(text, filters, prefixLast) {
    var query = parse(text);
    var speaker = 0;
    return ready.then(function () {
      speaker = filters.speaker ? store.values.values.speaker.indexOf(filters.speaker) + 1 : 0;
      // the shards of the words as typed load while their other spellings are looked up
      query.clauses.forEach(function (clause) { clause.forEach(function (item) { item.words.forEach(function (w) { shardOf(stem(w)); }); }); });
      return expand(query);
    }).then(function () {
      return Promise.all([query.clauses.length ? rank(query, filters, prefixLast) : null, pagesMatching(filters),
                          query.clauses.length ? {} : banned(query)]);
    }).then(function (both) {
      var ranked = both[0], wanted = both[1], order = [];
      if (ranked) {
        order = Object.keys(ranked.scores).map(Number).filter(function (i) { return !wanted || wanted[i]; });
        var scores = ranked.scores;
        order.sort(filters.sort === "newest" ? function (a, b) { return b - a; } :
                   filters.sort === "oldest" ? oldestFirst :
                   function (a, b) { return scores[b] - scores[a] || b - a; });
      } else {  // no words to find: every page the filters keep, less those with an excluded word
        var left = both[2];
        for (var i = store.index.words.length - 1; i >= 0; i--) if ((!wanted || wanted[i]) && !left[i]) order.push(i);
        if (filters.sort === "oldest") order.sort(oldestFirst);
      }
      return { query: query, missing: ranked ? ranked.missing : [], respelled: ranked ? ranked.respelled : [], checked: !query.phrases.length &&
               !query.excluded.some(function (x) { return x.phrase; }),
               pages: order.map(function (i) { return function () { return pageData(i, query, speaker); }; }) };
    });
  }

  /* "Did you mean": for a word the index does not have, the most frequent word of its shard
     within one edit (two for a word of seven letters or more) of it. */
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var row = [];
    for (var j = 0; j <= b.length; j++) row.push(j);
    for (var i = 1; i <= a.length; i++) {
      var previous = row[0], best = row[0] = i;
      for (j = 1; j <= b.length; j++) {
        var here = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = here;
        best = Math.min(best, row[j]);
      }
      if (best > most) return most + 1;
    }
    return row[b.length];
  }
  function suggestion(word) {
    var most = word.length >= 7 ? 2 : 1;
    return Promise.all([shardOf(word), shardOf(stem(word))]).then(function (shards) {
      var best = null;
      shards.filter(function (shard, i) { return shard && shards.indexOf(shard) === i; }).forEach(function (shard) {
        shard.forms.forEach(function (forms, i) {
          forms.forEach(function (form, f) {
            var d = distance(word, form, most);
            if (d > most || d === 0) return;
            var total = 0, postings = shard.postings[i][f];
            for (var k = 2; k < postings.length; k += 3) total += postings[k];
            if (!best || d < best.d || (d === best.d && total > best.total)) best = { form: form, d: d, total: total };
          });
        });
      });
      return best && best.form;
    }).catch(function () { return null; });
  }

  /* While the reader types: load the shards of the words so far. */
  function preload(text) {
    ready.then(function () { return Promise.all(tokens(text).map(function (w) { return shardOf(stem(w)); })); }).catch(function () {});
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
      if (marked[i]) {  // marked words side by side (a phrase) are one mark
        var run = i;
        while (run + 1 < end && marked[run + 1]) run++;
        p.appendChild(element("mark", "", words.slice(i, run + 1).join(" ")));
        i = run;
      } else {
        p.appendChild(document.createTextNode(words[i]));
      }
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
    // a Russian page's title, sections and excerpts are marked Russian; its facts are English, as the panel's
    if (data.meta.lang && data.meta.lang !== "en") item.lang = data.meta.lang;
    item.appendChild(element("h2", "archive-result__heading")).appendChild(title);
    var facts = [data.meta.date, data.meta.place, data.meta.event].filter(Boolean).join(" · ");
    item.appendChild(element("p", "archive-result__meta", facts)).lang = "en";
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
  var hint = root.querySelector(".archive-search__hint");
  var list = root.querySelector(".archive-search__results");
  var more = root.querySelector(".archive-search__more");
  var CONTROLS = FILTERS.concat(["from", "to", "sort"]);
  var controls = {};
  CONTROLS.forEach(function (name) { controls[name] = root.querySelector("#archive-search-" + name); });
  var result = null, checked = 0, found = 0, generation = 0, typing = false;

  function chosenFilters() {
    var chosen = {};
    CONTROLS.forEach(function (name) {
      var value = controls[name].value.trim();
      if (value && !(name === "sort" && value === "relevance")) chosen[name] = value;
    });
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

  function describe() {
    var text = query.value.trim();
    var n = result.pages.length, exact = result.checked || checked >= n;
    var count = exact ? (result.checked ? n : found) : found;
    var what = text ? " “" + text + "”" : " the filters";
    if (!exact) return "At least " + count + " transcript" + (count === 1 ? "" : "s") + " match" + (count === 1 ? "es" : "") + what +
      " (" + (n - checked) + " more hold all its words; the rest are checked as you show more).";
    return count === 0 ? "No transcript matches" + what + "." :
      (count === 1 ? "1 transcript matches" : count + " transcripts match") + what + ".";
  }

  /* What to try when nothing matches: a spelling the index has, then fewer limits. */
  function suggest(mine) {
    var tips = [];
    var chosen = chosenFilters();
    if (Object.keys(chosen).some(function (k) { return k !== "sort"; })) tips.push("clear the filters");
    if (result.query.clauses.length > 1) tips.push("use fewer words");
    if (result.query.phrases.length) tips.push("drop the quotation marks to find the words apart");
    var missing = result.missing.filter(function (item) { return !item.phrase; });
    hint.textContent = "";
    return Promise.all(missing.map(function (item) { return suggestion(item.words[0]); })).then(function (better) {
      if (mine !== generation) return;
      var replaced = query.value.trim(), changed = false;
      missing.forEach(function (item, i) {
        if (!better[i]) return;
        var typed = new RegExp(item.words[0].replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
        var next = replaced.replace(typed, function (word) {  // keep a capital the reader typed
          return word.charAt(0) !== word.charAt(0).toLowerCase() ? better[i].charAt(0).toUpperCase() + better[i].slice(1) : better[i];
        });
        changed = changed || next !== replaced;
        replaced = next;
      });
      if (changed) {
        var p = element("p", "archive-search__did-you-mean", "Did you mean ");
        var a = element("a", "", replaced);
        var params = new URLSearchParams(location.search);
        params.set("q", replaced);
        a.href = "?" + params.toString();
        a.addEventListener("click", function (event) { event.preventDefault(); query.value = replaced; run(); });
        p.appendChild(a);
        p.appendChild(document.createTextNode("?"));
        hint.appendChild(p);
      }
      if (tips.length || !changed) {
        hint.appendChild(element("p", "archive-search__tips", "Try: " + (tips.length ? tips.join("; ") :
          "another spelling of a name, or a word with the same meaning") + ". The timeline and the topic pages list every transcript."));
      }
    });
  }

  /* The next PAGE_SIZE results in order, each shown as soon as its text has arrived; a page a
     quoted phrase turns out not to be in is skipped, and the next one checked instead. */
  function showMore(mine) {
    var got = 0;
    function batch() {
      var next = result.pages.slice(checked, checked + PAGE_SIZE - got);
      checked += next.length;
      var slots = next.map(function () { return list.appendChild(element("li", "archive-result archive-result--loading")); });
      return Promise.all(next.map(function (data, i) {
        return data().then(function (page) {
          if (mine !== generation) return;
          if (page) { got++; found++; list.replaceChild(renderResult(base, page), slots[i]); }
          else list.removeChild(slots[i]);
        });
      })).then(function () {
        if (mine === generation && got < PAGE_SIZE && checked < result.pages.length) return batch();
      });
    }
    return batch().then(function () {
      if (mine !== generation) return;
      more.hidden = checked >= result.pages.length;
      status.textContent = describe();
      if (found && result.respelled.length && !hint.childNodes.length) {
        hint.appendChild(element("p", "archive-search__respelled", result.respelled.map(function (r) {
          return "“" + r.typed + "” is not in the archive as typed; it is found as " + r.as.join(", ") + ".";
        }).join(" ")));
      }
      if (found === 0) return suggest(mine);
    }).then(function () {
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
    hint.textContent = "";
    if (!text && !Object.keys(chosen).some(function (k) { return k !== "sort"; })) {
      list.textContent = ""; status.textContent = ""; more.hidden = true; root.dataset.state = "idle";
      return Promise.resolve();
    }
    root.dataset.state = "searching";
    status.textContent = "Searching…";
    var prefixLast = typing && !/\s$/.test(query.value);
    typing = false;
    return search(text, chosen, prefixLast).then(function (r) {
      if (mine !== generation) return;
      result = r; checked = 0; found = 0; list.textContent = ""; more.hidden = true;
      return showMore(mine);
    }).catch(function (error) {
      status.textContent = "Search failed: " + error.message;
      root.dataset.state = "failed";
    });
  }

  function fillFilters(counts) {
    FILTERS.forEach(function (name) {
      var values = Object.keys(counts[name] || {});
      values.sort(name === "year" ? function (a, b) { return a < b ? 1 : -1; } :
                  name === "speaker" ? function (a, b) { return counts[name][b] - counts[name][a] || a.localeCompare(b); } :
                  function (a, b) { return a.localeCompare(b); });
      values.forEach(function (value) {
        var option = element("option", "", value + " (" + counts[name][value] + ")");
        option.value = value;
        controls[name].appendChild(option);
      });
    });
  }

  var params = new URLSearchParams(location.search);
  query.value = params.get("q") || "";
  ["from", "to", "sort"].forEach(function (name) { if (params.get(name)) controls[name].value = params.get(name); });
  var timer = null;
  form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(); });
  query.addEventListener("input", function () {
    preload(query.value);
    clearTimeout(timer);
    timer = setTimeout(function () { typing = true; run(); }, 200);
  });
  CONTROLS.forEach(function (name) { controls[name].addEventListener("change", run); });
  more.addEventListener("click", function () { showMore(generation); });

  filterCounts().then(function (counts) {
    fillFilters(counts);
    FILTERS.forEach(function (name) { if (params.get(name)) controls[name].value = params.get(name); });
  }).catch(function () { /* the filters stay at "all"; run() reports a failing back end */ })
    .then(run);
  if (!query.value) query.focus();
})();
