// Marsad web UI: small progressive enhancements; every page works without them.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Changing the sort order reruns the search.
  for (const el of document.querySelectorAll("select.autosubmit")) {
    el.addEventListener("change", () => el.form.submit());
  }
  // An entity marked in the text opens its page.
  const text = document.getElementById("text");
  if (text) {
    text.addEventListener("click", (ev) => {
      const m = ev.target.closest("mark.ent[data-href]");
      if (m && !window.getSelection().toString()) {
        window.location.href = m.dataset.href;
      }
    });
  }
  // The legend shows or hides each kind of fact.
  for (const box of document.querySelectorAll("input[data-toggle]")) {
    box.addEventListener("change", () => {
      text && text.classList.toggle("hide-" + box.dataset.toggle, !box.checked);
    });
  }
  // "/" focuses the search box.
  const q = document.getElementById("q");
  document.addEventListener("keydown", (ev) => {
    if (q && ev.key === "/" && document.activeElement !== q &&
        !["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName)) {
      ev.preventDefault();
      q.focus();
    }
  });
});
