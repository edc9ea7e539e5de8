// Copydesk story form: progressive help while writing. Without JavaScript the form still works
// (Save draft posts it); with it, the text is autosaved to the server every few seconds, kept in
// this browser on every keystroke (so an expired sign-in or a crash loses nothing), the editing
// lease is renewed, and leaving with unsaved changes asks first.
(function () {
  'use strict';
  var form = document.getElementById('story-form');
  var config = document.getElementById('story-form-config');
  if (!form || !config || config.dataset.editable !== 'true') {
    return;
  }
  var status = document.getElementById('autosave-status');
  var key = config.dataset.storyKey;
  var autosaveUrl = config.dataset.autosaveUrl;
  var leaseUrl = config.dataset.leaseUrl;
  var interval = parseInt(config.dataset.autosaveMs, 10) || 15000;
  var savedAt = parseInt(config.dataset.savedAt, 10) || 0;
  var fields = ['headline', 'standfirst', 'kicker', 'body', 'slug', 'tags', 'datelinePlace', 'datelineDate',
    'creditLine', 'notesToEditor'];
  var dirty = false;
  var lastSent = null;
  var submitting = false;

  function values() {
    var out = {};
    fields.forEach(function (name) {
      var el = form.elements[name];
      if (el) { out[name] = el.value; }
    });
    return out;
  }

  function say(text) {
    if (status) { status.textContent = text; }
  }

  function keepInBrowser() {
    try {
      localStorage.setItem(key, JSON.stringify({ at: Date.now(), fields: values() }));
    } catch (e) { /* storage full or blocked: the server autosave still runs */ }
  }

  function payload() {
    var data = new URLSearchParams();
    var csrf = form.querySelector('input[name="csrf-token"]');
    if (csrf) { data.append('csrf-token', csrf.value); }
    var version = form.elements.version;
    if (version) { data.append('version', version.value); }
    var v = values();
    Object.keys(v).forEach(function (name) { data.append(name, v[name]); });
    return data;
  }

  function autosave() {
    if (!autosaveUrl) { return; }
    var body = payload();
    var text = body.toString();
    if (text === lastSent) { return; }
    fetch(autosaveUrl, { method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' } })
      .then(function (response) {
        if (response.ok) {
          lastSent = text;
          return response.text().then(function (when) { say('Autosaved at ' + when); });
        }
        if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 302) {
          say('Your sign-in has expired. Your text is kept in this browser: sign in again in another tab, then come back and save.');
        } else {
          say('Autosave failed (' + response.status + '). Your text is kept in this browser.');
        }
      })
      .catch(function () { say('Offline: your text is kept in this browser.'); });
  }

  form.addEventListener('input', function () {
    dirty = true;
    keepInBrowser();
  });
  form.addEventListener('submit', function () {
    submitting = true;
    keepInBrowser();
  });
  window.addEventListener('beforeunload', function (event) {
    if (dirty && !submitting) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden' && dirty && autosaveUrl && navigator.sendBeacon) {
      navigator.sendBeacon(autosaveUrl, payload());
    }
  });
  document.addEventListener('keydown', function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key === 's') {
      event.preventDefault();
      var save = form.querySelector('button[value="save"]');
      if (save) { save.click(); }
    }
  });

  // Text kept in this browser that the server never got (expired sign-in, crash): offer it back.
  (function offerBrowserCopy() {
    var offer = document.getElementById('browser-copy-offer');
    var kept;
    try { kept = JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { kept = null; }
    if (!kept || !kept.fields) { return; }
    var current = values();
    var differs = Object.keys(kept.fields).some(function (name) {
      return current[name] !== undefined && current[name] !== kept.fields[name];
    });
    if (!differs || kept.at <= savedAt) {
      localStorage.removeItem(key);
      return;
    }
    offer.hidden = false;
    document.getElementById('restore-browser-copy').addEventListener('click', function () {
      Object.keys(kept.fields).forEach(function (name) {
        var el = form.elements[name];
        if (el) {
          el.value = kept.fields[name];
          el.dispatchEvent(new Event('change', { bubbles: true }));
        }
      });
      dirty = true;
      offer.hidden = true;
      say('Text restored from this browser: press Save draft to keep it.');
    });
    document.getElementById('discard-browser-copy').addEventListener('click', function () {
      localStorage.removeItem(key);
      offer.hidden = true;
    });
  }());

  // Helpers while writing: character counters against each limit, the body's length and reading
  // time, and the address the story would get. All recomputed on every keystroke.
  (function writingHelpers() {
    function note(afterEl, id) {
      var p = document.getElementById(id);
      if (!p) {
        p = document.createElement('p');
        p.id = id;
        p.className = 'hint counter';
        p.setAttribute('aria-live', 'polite');
        afterEl.insertAdjacentElement('afterend', p);
      }
      return p;
    }
    function slugOf(text) {
      return text.replace(/ß/g, 'ss').replace(/ı/g, 'i').normalize('NFKD').replace(/\p{M}+/gu, '')
        .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120).replace(/-+$/, '');
    }
    var limited = Array.prototype.slice.call(form.querySelectorAll('[data-maxlength]'));
    var body = form.elements.body;
    var section = form.elements.section;
    function update() {
      limited.forEach(function (el) {
        var max = parseInt(el.dataset.maxlength, 10);
        var used = el.value.length;
        var p = note(el, el.id + '-count');
        p.textContent = used + ' of ' + max + ' characters' + (used > max ? ': ' + (used - max) + ' too many' : '');
        p.classList.toggle('over-limit', used > max);
      });
      if (body) {
        var text = body.value.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
        var words = (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) || []).length;
        var minutes = Math.max(1, Math.round(words / 230));
        var anchor = form.querySelector('.rich-text-holder') || body;
        note(anchor, 'body-count').textContent = words + (words === 1 ? ' word' : ' words') + ' · about ' + minutes
          + (minutes === 1 ? ' minute' : ' minutes') + ' to read';
      }
      var slugField = form.elements.slug;
      if (slugField && section && section.selectedOptions.length) {
        var slug = slugField.value.trim() ? slugOf(slugField.value) : slugOf(form.elements.headline.value);
        var now = new Date();
        var day = now.getFullYear() + '/' + String(now.getMonth() + 1).padStart(2, '0') + '/' + String(now.getDate()).padStart(2, '0');
        note(slugField, 'slug-preview').textContent = 'Address if published today: /' + section.selectedOptions[0].dataset.slug
          + '/' + day + '/' + (slug || '…');
      }
    }
    form.addEventListener('input', update);
    form.addEventListener('change', update);
    update();
  }());

  // The Language select sets the direction the story's words are typed in (right to left for Arabic); on a new
  // story, choosing a section with a language of its own chooses that language, until the writer picks one.
  (function () {
    var language = form.elements.language;
    var section = form.elements.section;
    if (!language) {
      return;
    }
    var picked = false;
    function follow() {
      var option = language.selectedOptions[0];
      var dir = option ? option.dataset.dir : 'auto';
      ['kicker', 'headline', 'standfirst', 'body'].forEach(function (name) {
        if (form.elements[name]) { form.elements[name].setAttribute('dir', dir); }
      });
      var editor = document.getElementById('body-editor');
      if (editor) { editor.setAttribute('dir', dir); }
    }
    language.addEventListener('change', function () { picked = true; follow(); });
    if (section && config.dataset.storyKey === 'copydesk:story:new') {
      section.addEventListener('change', function () {
        var own = section.selectedOptions.length ? section.selectedOptions[0].dataset.language : null;
        if (!picked && own && language.querySelector('option[value="' + own + '"]')) {
          language.value = own;
          follow();
        }
      });
    }
  }());

  setInterval(function () { if (dirty) { autosave(); } }, interval);

  // Presence: the lease is renewed every few seconds, and each renewal answers who else has the story open and
  // whether someone saved it since this page's version; the notices at the top (#presence, a polite live region,
  // rendered by the server for the page's first look) are rewritten in place when that changes. Closing the page
  // gives the lease back at once; a page that dies without saying so lets it run out within the minute.
  (function presence() {
    var region = document.getElementById('presence');
    var releaseUrl = config.dataset.leaseReleaseUrl;
    var every = parseInt(config.dataset.renewMs, 10) || 15000;
    var openedRevision = config.dataset.openedRevision || '0';
    var leaseAt = config.dataset.leaseAt || '';
    var shown = null;
    var left = false;
    if (!leaseUrl) { return; }

    function tokenData() {
      var data = new URLSearchParams();
      var csrf = form.querySelector('input[name="csrf-token"]');
      if (csrf) { data.append('csrf-token', csrf.value); }
      return data;
    }

    function timeEl(display, iso) {
      var t = document.createElement('time');
      t.setAttribute('datetime', iso);
      t.textContent = display;
      return t;
    }

    function show(answer) {
      if (!answer) { return; }
      if (answer.leaseAt) { leaseAt = answer.leaseAt; }
      if (!region) { return; }
      var others = answer.others || [];
      var saved = answer.saved;
      var key = JSON.stringify([others, saved]);
      if (key === shown) { return; }
      shown = key;
      var lines = [];
      others.forEach(function (other) {
        var p = document.createElement('p');
        p.className = 'notice editing-notice';
        p.append('Being edited by ' + other.name + ' since ', timeEl(other.since, other.sinceIso),
          '. Saving is still possible; if you both save, the second save is shown the differences.');
        lines.push(p);
      });
      if (saved) {
        var p = document.createElement('p');
        p.className = 'notice saved-since-notice';
        var link = document.createElement('a');
        link.href = saved.differenceUrl;
        link.textContent = 'see the difference';
        p.append('Saved by ' + saved.savedBy + ' at ', timeEl(saved.savedAt, saved.savedAtIso),
          ' since you opened it — ', link, '. Saving now shows you the differences to merge.');
        lines.push(p);
      }
      // The same words as shown (the server's first rendering included) are not announced again.
      var said = function (text) { return text.replace(/\s+/g, ' ').trim(); };
      if (said(lines.map(function (line) { return line.textContent; }).join(' ')) === said(region.textContent)) { return; }
      region.replaceChildren.apply(region, lines);
    }

    // Refused: this person may no longer change the story (it was submitted from another tab, say). Said once, and
    // the page stops asking.
    function movedOn() {
      if (left || !region) { return; }
      left = true;
      var p = document.createElement('p');
      p.className = 'notice moved-on-notice';
      var link = document.createElement('a');
      link.href = window.location.pathname;
      link.textContent = 'Open the story again';
      p.append('This story can no longer be changed from this page: it has moved on since you opened it. ', link,
        ' to see where it is.');
      region.replaceChildren(p);
    }

    function renew() {
      if (left) { return; }
      var data = tokenData();
      var version = form.elements.version;
      if (version) { data.append('version', version.value); }
      data.append('revision', openedRevision);
      fetch(leaseUrl, { method: 'POST', body: data, credentials: 'same-origin', redirect: 'manual',
        headers: { 'Accept': 'application/json' } })
        .then(function (response) {
          if (response.status === 403) { movedOn(); }
          return response.ok ? response.json() : null;
        })
        .then(show)
        .catch(function () { /* offline or signed out: the autosave line says so; the next renewal tries again */ });
    }

    // Ticks from a worker where one can be had (hidden tabs' own timers are slowed to once a minute), else here.
    var ticking = false;
    if (window.Worker && config.dataset.renewTickerUrl) {
      try {
        var ticker = new Worker(config.dataset.renewTickerUrl);
        ticker.onmessage = renew;
        ticker.onerror = function () { ticker.terminate(); setInterval(renew, every); };
        ticker.postMessage(every);
        ticking = true;
      } catch (e) { ticking = false; }
    }
    if (!ticking) { setInterval(renew, every); }
    // A page not made by opening the story (one shown again after a refused or conflicting save) took no lease.
    if (!leaseAt) { renew(); }
    // Back to the tab (timers of hidden tabs are slowed) or back from the browser's history cache: at once.
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible') { renew(); }
    });
    window.addEventListener('pageshow', function (event) {
      if (event.persisted) { left = false; renew(); }
    });
    window.addEventListener('pagehide', function () {
      // Going to another page of the same story (a form sent, a reload) is safe too: the release names this page's
      // last renewal, and the next page renewed the lease after it.
      if (!releaseUrl || !navigator.sendBeacon) { return; }
      left = true;
      var data = tokenData();
      if (leaseAt) { data.append('leaseAt', leaseAt); }
      navigator.sendBeacon(releaseUrl, data);
    });
  }());
}());
