/* A page opened from file:// may not fetch other pages: Sphinx's search would log an
   error for every result while fetching its summary.  List the results without one. */
if (window.location.protocol === "file:" && typeof DOCUMENTATION_OPTIONS !== "undefined") {
  DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
}
