/* The edition a reader picks, in an edition's switcher or on the front page, is
   remembered in the browser (localStorage: no cookie); the front page sends the reader
   there next time instead of guessing from the browser's languages. */
(function () {
  var KEY = "translate-kit-edition";
  var has = function (map, key) { return Object.prototype.hasOwnProperty.call(map, key); };

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-tk-edition]");
    if (!link) { return; }
    try {
      localStorage.setItem(KEY, link.getAttribute("data-tk-edition"));
    } catch (error) { /* storage disabled: nothing is remembered */ }
  });

  /* Called by the front page with each edition's home (slug -> address) and the browser
     language tags each edition answers (tag -> address).  #editions (every page's
     "All editions" link) keeps the reader on the front page to choose. */
  window.translateKitFrontDoor = function (homes, languages) {
    if (location.hash === "#editions") { return; }
    var picked = null;
    try { picked = localStorage.getItem(KEY); } catch (error) { /* not remembered */ }
    if (picked && has(homes, picked)) {
      location.replace(homes[picked]);
      return;
    }
    var preferred = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < preferred.length; i++) {
      var tag = String(preferred[i]).toLowerCase();
      while (tag) {
        if (has(languages, tag)) {
          location.replace(languages[tag]);
          return;
        }
        var cut = tag.lastIndexOf("-");
        tag = cut > 0 ? tag.slice(0, cut) : "";
      }
    }
  };
})();
