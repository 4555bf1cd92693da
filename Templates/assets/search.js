// brief's search: runs in the browser over assets/search-index.js, also from file:// and offline.
(function () {
  "use strict";
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var root = document.documentElement.getAttribute("data-root") || "../";
  var stories = (window.BRIEF_SEARCH && window.BRIEF_SEARCH.stories) || null;
  if (!input || !status || !list) return;
  if (!stories) {
    status.textContent = "The search index could not be loaded.";
    return;
  }

  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  var docs = stories.map(function (s) {
    return {
      story: s,
      title: fold(s.title),
      companies: fold((s.companies || []).join(" ")),
      text: fold(s.words || s.text || "")
    };
  });

  function score(doc, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i], s = 0;
      if (doc.companies.indexOf(t) !== -1) s += 8;
      if (doc.title.indexOf(t) !== -1) s += 5;
      if (doc.text.indexOf(t) !== -1) s += 1;
      if (s === 0) return 0;
      total += s;
    }
    return total;
  }

  function render(query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!terms.length) {
      status.textContent = stories.length + " stories. Type to search.";
      return;
    }
    var hits = [];
    for (var i = 0; i < docs.length; i++) {
      var s = score(docs[i], terms);
      if (s > 0) hits.push({ doc: docs[i], score: s, order: i });
    }
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    var shown = hits.slice(0, 50);
    status.textContent = hits.length === 0 ? "No stories match." :
      hits.length + (hits.length === 1 ? " story matches" : " stories match") +
      (hits.length > shown.length ? "; showing the best " + shown.length + "." : ".");
    var fragment = document.createDocumentFragment();
    shown.forEach(function (hit) {
      var s = hit.doc.story;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + s.url;
      link.textContent = s.title;
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = [s.date, s.briefing, (s.companies || []).join(", ")].filter(Boolean).join(" · ");
      var summary = document.createElement("p");
      summary.className = "summary";
      summary.textContent = s.summary || "";
      item.appendChild(link);
      item.appendChild(meta);
      item.appendChild(summary);
      fragment.appendChild(item);
    });
    list.appendChild(fragment);
  }

  var pending = null;
  input.addEventListener("input", function () {
    if (pending) clearTimeout(pending);
    pending = setTimeout(function () { render(input.value); }, 60);
  });
  input.disabled = false;
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) input.value = initial;
  render(input.value);
})();
