/*
 * The operator console refreshes its board in place: every data-refresh-seconds it fetches the
 * board fragment (the same template the page was rendered with) and swaps it in. It pauses
 * while the tab is hidden and refreshes at once when it is shown again. A failed or refused
 * update leaves the last board in place with a visible warning; so does a board older than
 * three intervals. Notes being typed survive the swap. Screen readers hear (politely) only
 * when the number of cameras with a problem changes.
 */
(function () {
  "use strict";

  const container = document.getElementById("cctv-board");
  if (!container || !window.fetch) return;
  const url = container.dataset.refreshUrl;
  const interval = Math.max(Number(container.dataset.refreshSeconds) || 15, 2) * 1000;
  const updated = document.querySelector("[data-updated]");
  const warning = document.querySelector("[data-refresh-warning]");
  const announcer = document.querySelector("[data-announcer]");
  const language = document.documentElement.lang || undefined;
  // The office's time zone, as on the server-rendered page, whatever the browser's is.
  const timeZone = container.dataset.timeZone || undefined;
  let lastSuccess = Date.now();
  let timer = null;
  let inFlight = false;
  let lastSummary = currentBoard() ? currentBoard().dataset.summary : "";

  function currentBoard() {
    return container.querySelector("[data-board]");
  }

  function clock(date) {
    const options = { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false };
    try {
      return date.toLocaleTimeString(language, Object.assign({ timeZone: timeZone }, options));
    } catch (error) {
      return date.toLocaleTimeString(language, options); // a zone this browser does not know
    }
  }

  function warn(message) {
    if (!message) {
      warning.hidden = true;
      warning.textContent = "";
      return;
    }
    if (warning.textContent !== message) warning.textContent = message;
    warning.hidden = false;
  }

  function staleCheck() {
    if (Date.now() - lastSuccess > 3 * interval) {
      warn(container.dataset.messageStale.replace("%(time)s", clock(new Date(lastSuccess))));
    }
  }

  /* What the volunteer is typing, by field id, to put back after the swap. */
  function keepNotes() {
    const active = document.activeElement;
    const notes = {};
    container.querySelectorAll("textarea[id]").forEach(function (field) {
      if (field.value) notes[field.id] = field.value;
    });
    return {
      notes: notes,
      focused: active && container.contains(active) ? active.id : null,
      selection: active && "selectionStart" in active ? [active.selectionStart, active.selectionEnd] : null,
    };
  }

  function restoreNotes(kept) {
    Object.keys(kept.notes).forEach(function (id) {
      const field = document.getElementById(id);
      if (field) field.value = kept.notes[id];
    });
    const focused = kept.focused && document.getElementById(kept.focused);
    if (focused) {
      focused.focus();
      if (kept.selection && "setSelectionRange" in focused) {
        try {
          focused.setSelectionRange(kept.selection[0], kept.selection[1]);
        } catch (error) {
          /* not a text field */
        }
      }
    }
  }

  function swap(html) {
    const parsed = new DOMParser().parseFromString(html, "text/html");
    const fresh = parsed.querySelector("[data-board]");
    if (!fresh) throw new Error("not a board");
    const kept = keepNotes();
    currentBoard().replaceWith(document.importNode(fresh, true));
    restoreNotes(kept);
    const generated = new Date(fresh.dataset.generatedAt);
    updated.dateTime = fresh.dataset.generatedAt;
    updated.textContent = clock(isNaN(generated) ? new Date() : generated);
    if (fresh.dataset.summary !== lastSummary) {
      lastSummary = fresh.dataset.summary;
      announcer.textContent = lastSummary;
    }
  }

  function refresh() {
    if (inFlight || document.hidden) return;
    inFlight = true;
    fetch(url, {
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "text/html", "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        // A redirect means the session ended (sign-in or two-factor page): do not show it.
        if (response.redirected || response.status === 401 || response.status === 403) {
          throw new Error("signed-out");
        }
        if (!response.ok) throw new Error("status " + response.status);
        return response.text();
      })
      .then(function (html) {
        swap(html);
        lastSuccess = Date.now();
        warn("");
      })
      .catch(function (error) {
        warn(
          error.message === "signed-out"
            ? container.dataset.messageSignedOut
            : container.dataset.messageFailed.replace("%(time)s", clock(new Date(lastSuccess))),
        );
      })
      .finally(function () {
        inFlight = false;
        staleCheck();
        schedule();
      });
  }

  function schedule() {
    window.clearTimeout(timer);
    if (!document.hidden) timer = window.setTimeout(refresh, interval);
  }

  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      window.clearTimeout(timer);
    } else {
      refresh();
    }
  });
  schedule();
})();
