// translate-kit serve: reload this page when the preview server has something new for it.
// The server gives each page a token (its file as written, and the problems shown); this
// script asks for the current token ten times a second (a small answer from this machine)
// and reloads when it differs: the edited page shows within a tenth of a second of Sphinx
// writing it.
(() => {
  "use strict";
  const script = document.currentScript;
  const { token } = script.dataset;
  const status = new URL("status", script.src);
  status.searchParams.set("page", window.location.pathname);

  const poll = async () => {
    try {
      const response = await fetch(status, { cache: "no-store" });
      const current = await response.json();
      if (current.token !== token) {
        window.location.reload();
        return;
      }
      setTimeout(poll, 100);
    } catch {
      setTimeout(poll, 1000); // the server is restarting or stopped: try again later
    }
  };
  setTimeout(poll, 100);
})();
