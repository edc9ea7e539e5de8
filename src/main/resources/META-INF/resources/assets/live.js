// A live story's page follows its coverage without a reload (Server-Sent Events from /live/{id}/events). Without
// this script, or when the stream is down, a reload shows everything: the page is complete as served.
(function () {
  'use strict';
  var section = document.querySelector('.live-coverage[data-events]');
  if (!section || section.dataset.ended || !('EventSource' in window)) {
    return;
  }
  var entries = document.getElementById('live-entries');
  var keyList = document.getElementById('key-events');
  var announcer = document.getElementById('live-announcer');

  function fragment(html) {
    var template = document.createElement('template');
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  /** The change an element shows (its data-seq), so that an older change arriving late is ignored. */
  function seqOf(element) {
    return element ? Number(element.dataset.seq || 0) : 0;
  }

  /** Newest first, by the time an entry was posted (a correction keeps its place). */
  function place(list, element) {
    var posted = element.dataset.posted;
    var children = list.children;
    for (var i = 0; i < children.length; i++) {
      if ((children[i].dataset.posted || '') < posted) {
        list.insertBefore(element, children[i]);
        return;
      }
    }
    list.appendChild(element);
  }

  function applyKeyEvent(change) {
    var old = document.getElementById('key-' + change.id);
    if (old) {
      old.remove();
    }
    if (change.keyEvent && change.keyHtml) {
      place(keyList, fragment(change.keyHtml));
    }
    keyList.closest('nav').hidden = keyList.children.length === 0;
  }

  function apply(change) {
    var old = document.getElementById(change.id);
    if (old && seqOf(old) >= change.seq) {
      return;
    }
    if (change.deleted) {
      if (old) {
        old.remove();
      }
    } else {
      var element = fragment(change.html);
      if (old) {
        old.replaceWith(element);
      } else {
        place(entries, element);
        var none = document.getElementById('no-entries');
        if (none) {
          none.remove();
        }
        announcer.textContent = announcer.dataset.newEntry + ' ' + element.querySelector('time').textContent;
      }
    }
    applyKeyEvent(change);
  }

  var lastSeq = Number(section.dataset.seq || 0);
  var retryIn = 5000;

  function ended(event) {
    var status = document.getElementById('live-status');
    status.replaceWith(fragment(JSON.parse(event.data).html));
    var badge = document.querySelector('.live-badge');
    if (badge) {
      badge.remove();
    }
    section.dataset.ended = 'true';
  }

  // A browser reconnects by itself after a dropped connection, but not after an error answer (a node shutting down
  // answers 503; ended coverage 204): then the page opens a new stream itself a little later, from the last change it
  // applied, waiting longer each time it fails (up to a minute).
  function connect() {
    var source = new EventSource(section.dataset.events + '?after=' + encodeURIComponent(lastSeq));
    source.onopen = function () {
      retryIn = 5000;
    };
    source.addEventListener('entry', function (event) {
      var change = JSON.parse(event.data);
      apply(change);
      lastSeq = Math.max(lastSeq, change.seq);
    });
    source.addEventListener('ended', function (event) {
      source.close();
      ended(event);
    });
    source.addEventListener('gone', function () {
      source.close();
      section.dataset.ended = 'true';
    });
    source.addEventListener('reload', function () {
      source.close();
      window.location.reload();
    });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED && !section.dataset.ended) {
        window.setTimeout(connect, retryIn + Math.random() * retryIn);
        retryIn = Math.min(60000, retryIn * 2);
      }
    };
  }

  connect();
}());
