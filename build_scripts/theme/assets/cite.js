/* Transcript pages: a copy-link button beside every question and paragraph, and the
   "Cite this transcript" panel filled in for the page or the chosen passage, with
   today's date as the access date. Text only (textContent); works from file:// too. */
(function () {
  "use strict";
  var panel = document.querySelector(".cite");
  if (!panel) return;
  var article = document.querySelector("article.md-content__inner");
  var live = document.createElement("p");
  live.className = "cite__status";
  live.setAttribute("role", "status");
  panel.appendChild(live);

  var LINK_ICON = '<svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">' +
    '<path fill="currentColor" d="M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7c-2.76 0-5 2.24-5 5s2.24 5 5 5h4v-1.9H7c' +
    '-1.71 0-3.1-1.39-3.1-3.1zM8 13h8v-2H8v2zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4c2.76' +
    ' 0 5-2.24 5-5s-2.24-5-5-5z"/></svg>';

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];

  function pageUrl() {
    return panel.getAttribute("data-url") || location.href.split("#")[0];
  }

  function passageOf(id) {  /* only the page's own anchors: q3, q3-p2, opening, opening-p1 */
    return /^(opening|q\d+)(-p\d+)?$/.test(id || "") && document.getElementById(id) ? id : "";
  }

  function fill(template, anchor) {
    var d = new Date(), y = d.getFullYear(), m = d.getMonth() + 1, day = d.getDate();
    var values = {
      "⟦url⟧": pageUrl() + (anchor ? "#" + anchor : ""),
      "⟦locator⟧": anchor ? " (passage " + anchor + ")" : "",
      "⟦accessed-long⟧": MONTHS[m - 1] + " " + day + ", " + y,
      "⟦accessed-iso⟧": y + "-" + pad(m) + "-" + pad(day),
      "⟦accessed-ris⟧": y + "/" + pad(m) + "/" + pad(day),
      "⟦accessed-csl⟧": '{"date-parts": [[' + y + ", " + m + ", " + day + "]]}"
    };
    return template.replace(/⟦[a-z-]+⟧/g, function (marker) {
      return Object.prototype.hasOwnProperty.call(values, marker) ? values[marker] : marker;
    });
  }

  function show(anchor) {
    panel.querySelectorAll("pre[data-template]").forEach(function (pre) {
      pre.querySelector("code").textContent = fill(pre.getAttribute("data-template"), anchor);
    });
    panel.querySelector(".cite__what").textContent = anchor ? "passage #" + anchor : "the whole transcript";
    var correction = document.querySelector("a.suggest-correction");
    if (correction) {
      var url = new URL(correction.getAttribute("data-base"));
      url.searchParams.set("anchor", anchor ? "#" + anchor : "metadata");
      if (!panel.getAttribute("data-url") && /^https?:$/.test(location.protocol)) {
        url.searchParams.set("page", pageUrl());
      }
      correction.href = url.toString();
      document.querySelector(".suggest-correction__anchor").textContent = anchor ? " and passage #" + anchor : "";
    }
  }

  function copy(text, done) {
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      done(ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  }

  function say(message) {
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 30);
  }

  /* A copy-link button beside each question heading and paragraph of the text. */
  var targets = article.querySelectorAll("h2[id^='q'], h2#opening, .turn p[id]");
  targets.forEach(function (target) {
    if (!passageOf(target.id)) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "passage-link";
    button.setAttribute("data-anchor", target.id);
    var what = target.tagName === "H2" ? "section " : "paragraph ";
    button.setAttribute("aria-label", "Copy the link to " + what + target.id + " and cite it");
    button.title = "Copy the link to this " + what.trim() + " (#" + target.id + ") and cite it";
    button.innerHTML = LINK_ICON;  /* a constant: no page text goes through innerHTML */
    target.appendChild(button);
  });

  article.addEventListener("click", function (event) {
    var button = event.target.closest("button.passage-link, button.cite__copy");
    if (!button) return;
    if (button.classList.contains("passage-link")) {
      var anchor = button.getAttribute("data-anchor");
      history.replaceState(null, "", "#" + anchor);
      show(anchor);
      copy(pageUrl() + "#" + anchor, function (ok) {
        say(ok ? "Link to #" + anchor + " copied; the citation below now cites this passage."
               : "Link: " + pageUrl() + "#" + anchor);
      });
    } else {
      var pre = panel.querySelector("pre[data-format='" + button.getAttribute("data-copy") + "']");
      copy(pre.textContent, function (ok) {
        say(ok ? button.textContent.replace("Copy ", "") + " copied." : "Select the text to copy it.");
      });
    }
  });

  window.addEventListener("hashchange", function () { show(passageOf(location.hash.slice(1))); });
  show(passageOf(location.hash.slice(1)));
})();
