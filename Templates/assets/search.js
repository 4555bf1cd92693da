// brief's search. The index is many small scripts under assets/search/ (see SearchShards.swift): a query
// loads the list of files, the term files its words fall in and the story files of the results it shows,
// a small part of the whole. Scripts load from file:// and offline, where fetch() does not.
(function () {
  "use strict";
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var form = input && input.form;
  var root = document.documentElement.getAttribute("data-root") || "../";
  if (!input || !status || !form) return;

  var PAGE = 20;          // results shown at a time
  var MAX_TERMS = 8;      // words of a query that count
  var TITLE = 1, COMPANY = 2;
  var loaded = {};        // file name -> data
  var waiting = {};       // file name -> callbacks
  var manifest = null;
  var list = null;
  var more = null;
  var current = null;     // the search being shown: { terms, hits, shown }
  var generation = 0;

  window.briefSearch = {
    add: function (name, data) {
      loaded[name] = data;
      (waiting[name] || []).forEach(function (done) { done(); });
      delete waiting[name];
    }
  };

  // Loads the files (names such as "t/abc") and calls done when all are there, or failed with the names missing.
  function load(names, done) {
    var left = 0, failed = [];
    function one(name) { return function () { if (!(name in loaded)) failed.push(name); if (--left === 0) done(failed); }; }
    names.forEach(function (name) {
      if (name in loaded) return;
      left++;
      var finish = one(name);
      if (waiting[name]) { waiting[name].push(finish); return; }
      waiting[name] = [];
      var script = document.createElement("script");
      script.src = root + "assets/search/" + name + ".js";
      script.onload = function () { if (waiting[name]) { delete waiting[name]; } finish(); };
      script.onerror = function () { delete waiting[name]; finish(); };
      document.head.appendChild(script);
    });
    if (left === 0) done(failed);
  }

  // As SearchTerms.swift folds words: lower case, accents removed, split at anything but letters, digits, marks.
  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}\p{M}]+/u).filter(function (w) { return w.length > 1; });
  }

  // Compares by code points, as the index sorts its terms (by their UTF-8 bytes).
  function compare(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < Math.min(x.length, y.length); i++) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d !== 0) return d;
    }
    return x.length - y.length;
  }

  // The term file a term falls in: the last one whose first term is not after it.
  function fileOf(term) {
    var low = 0, high = manifest.terms.length - 1;
    while (low < high) {
      var mid = (low + high + 1) >> 1;
      if (compare(manifest.terms[mid], term) <= 0) low = mid; else high = mid - 1;
    }
    return low;
  }

  // What to read for a word: the terms that start with it, when they lie in at most two files (else the word
  // alone, which lies in one).
  function planFor(term) {
    var first = fileOf(term), last = first;
    while (last + 1 < manifest.terms.length && manifest.terms[last + 1].indexOf(term) === 0) last++;
    if (last - first > 1) return { files: [first], prefix: false };
    return { files: last > first ? [first, last] : [first], prefix: true };
  }

  // A term's stories, from its code: number -> flags.
  var DIGITS = "0123456789abcdefghijklmnopqrstuv", MORE = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ$%";
  function decode(code, into) {
    var value = 0, story = -1;
    for (var i = 0; i < code.length; i++) {
      var c = code.charAt(i), d = MORE.indexOf(c);
      if (d >= 0) { value = value * 32 + d; continue; }
      value = value * 32 + DIGITS.indexOf(c);
      story = story < 0 ? Math.floor(value / 4) : story + Math.floor(value / 4);
      into[story] = (into[story] || 0) | (value & 3) | 4;
      value = 0;
    }
  }

  // Per query word, the stories holding a term that starts with it (or is it).
  function matches(term, plan) {
    var found = {};
    plan.files.forEach(function (f) {
      var terms = loaded[manifest.termFiles[f]] || {};
      for (var t in terms) {
        if (t === term || (plan.prefix && t.indexOf(term) === 0)) decode(terms[t], found);
      }
    });
    return found;
  }

  function search(query) {
    var mine = ++generation;
    var terms = words(query).slice(0, MAX_TERMS);
    if (!terms.length) {
      show(null);
      status.textContent = manifest.stories + " stories. Type a word or a company name to search.";
      return;
    }
    var plan = terms.map(planFor), names = {};
    plan.forEach(function (p) { p.files.forEach(function (f) { names[manifest.termFiles[f]] = true; }); });
    status.textContent = "Searching…";
    load(Object.keys(names), function (failed) {
      if (mine !== generation) return;
      if (failed.length) { status.textContent = "Part of the search index could not be loaded."; return; }
      rank(terms, terms.map(function (term, i) { return matches(term, plan[i]); }));
    });
  }

  // Stories holding every word; title matches first, then company matches, then the newest.
  function rank(terms, found) {
    var hits = [];
    for (var story in found[0]) {
      var titles = 0, companies = 0, all = true;
      for (var i = 0; i < found.length; i++) {
        var flags = found[i][story];
        if (!flags) { all = false; break; }
        if (flags & TITLE) titles++;
        if (flags & COMPANY) companies++;
      }
      if (all) hits.push({ story: +story, titles: titles, companies: companies });
    }
    hits.sort(function (a, b) { return b.titles - a.titles || b.companies - a.companies || b.story - a.story; });
    current = { terms: terms, hits: hits, shown: 0 };
    show([]);
    next();
  }

  // Shows the next PAGE results, loading the story files they are in.
  function next() {
    var search = current, mine = generation;
    var part = search.hits.slice(search.shown, search.shown + PAGE);
    var names = {};
    part.forEach(function (hit) { names[manifest.storyFiles[Math.floor(hit.story / manifest.perFile)]] = true; });
    load(Object.keys(names), function (failed) {
      if (mine !== generation) return;
      if (failed.length) { status.textContent = "Part of the search index could not be loaded."; return; }
      var fragment = document.createDocumentFragment();
      part.forEach(function (hit) {
        var file = loaded[manifest.storyFiles[Math.floor(hit.story / manifest.perFile)]];
        fragment.appendChild(result(file[hit.story % manifest.perFile], search.terms));
      });
      list.appendChild(fragment);
      search.shown += part.length;
      var total = search.hits.length;
      status.textContent = total === 0 ? "No stories match." :
        total + (total === 1 ? " story matches" : " stories match") +
        (total > search.shown ? "; showing the first " + search.shown + "." : ".");
      more.hidden = search.shown >= total;
    });
  }

  // One result: [heading, url, iso date, date as pages show it, briefing, first sentence, companies].
  function result(story, terms) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = root + story[1];
    highlight(link, story[0], terms);
    item.appendChild(link);
    var meta = document.createElement("p");
    meta.className = "meta";
    if (story[2]) {
      var time = document.createElement("time");
      time.dateTime = story[2];
      time.textContent = story[3];
      meta.appendChild(time);
      meta.appendChild(document.createTextNode(" · "));
    }
    meta.appendChild(document.createTextNode(story[4]));
    if (story[6]) { meta.appendChild(document.createTextNode(" · ")); highlight(meta, story[6], terms); }
    item.appendChild(meta);
    if (story[5]) {
      var summary = document.createElement("p");
      summary.className = "summary";
      highlight(summary, story[5], terms);
      item.appendChild(summary);
    }
    return item;
  }

  // Appends text to element with each word that starts with a query word in <mark>.
  function highlight(element, text, terms) {
    var parts = String(text).split(/([\p{L}\p{N}\p{M}]+)/u);
    var plain = "";
    parts.forEach(function (part, i) {
      var word = i % 2 === 1 ? fold(part) : "";
      var hit = word && terms.some(function (t) { return word.indexOf(t) === 0; });
      if (!hit) { plain += part; return; }
      if (plain) element.appendChild(document.createTextNode(plain));
      plain = "";
      var mark = document.createElement("mark");
      mark.textContent = part;
      element.appendChild(mark);
    });
    if (plain) element.appendChild(document.createTextNode(plain));
  }

  function show(results) {
    if (list) { list.remove(); list = null; }
    more.hidden = true;
    if (!results) return;
    list = document.createElement("ol");
    list.id = "search-results";
    list.className = "results";
    more.parentNode.insertBefore(list, more);
  }

  more = document.createElement("button");
  more.type = "button";
  more.className = "more-results";
  more.textContent = "More results";
  more.hidden = true;
  more.addEventListener("click", next);
  form.parentNode.insertBefore(more, status.nextSibling);

  load(["index"], function (failed) {
    manifest = loaded.index;
    if (failed.length || !manifest) {
      status.textContent = "The search index could not be loaded.";
      return;
    }
    var pending = null;
    input.addEventListener("input", function () {
      if (pending) clearTimeout(pending);
      pending = setTimeout(function () { search(input.value); }, 80);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); search(input.value); });
    input.disabled = false;
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) input.value = initial;
    search(input.value);
  });
})();
