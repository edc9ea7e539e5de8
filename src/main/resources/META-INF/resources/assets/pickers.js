// The byline and related-story pickers, and the Tags field's suggestions, in place. Without JavaScript each
// picker button posts the whole form and the page comes back at its picker (#bylines, #related); with it the
// same post goes in the background and only that picker is replaced from the page that comes back, so the
// canvas, the caret and everything typed stay where they are. The server decides everything, as without it.
(function () {
  'use strict';
  var form = document.getElementById('story-form');
  var config = document.getElementById('story-form-config');
  if (!form || !config || config.dataset.editable !== 'true' || !window.fetch || !window.DOMParser || !window.FormData) {
    return;
  }
  var status = document.getElementById('picker-status');
  var busy = false;

  function say(text) {
    if (!status) { return; }
    status.textContent = '';
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function pickerOf(element) {
    return element.closest('#bylines, #related');
  }

  /** Posts the form as the button would, then puts the parts named by ids in place from the page that answers. */
  function send(name, value, target, ids, done) {
    if (busy) { return; }
    busy = true;
    var data = new FormData(form);
    data.delete('imageFile'); // the featured image goes with a real press of a button, not with a picker's step
    data.append(name, value);
    fetch(target.replace(/#.*$/, ''), { method: 'POST', body: data, credentials: 'same-origin', redirect: 'manual' })
      .then(function (response) {
        if (response.status !== 200) { throw new Error('status ' + response.status); }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        ids.forEach(function (id) {
          var fresh = page.getElementById(id);
          var old = document.getElementById(id);
          if (fresh && old) {
            var copy = document.importNode(fresh, true);
            old.replaceWith(copy);
            enhance(copy);
          }
        });
        busy = false;
        if (done) { done(page); }
      })
      .catch(function () {
        // Signed out, refused, offline: the page's own way, which says what went wrong and keeps the text.
        busy = false;
        var fallback = document.createElement('input');
        fallback.type = 'hidden';
        fallback.name = name;
        fallback.value = value;
        form.append(fallback);
        form.setAttribute('action', target);
        form.submit();
      });
  }

  function focus(id) {
    var el = document.getElementById(id);
    if (el) { el.focus(); }
  }

  function count(selector) {
    return document.querySelectorAll(selector).length;
  }

  function pressed(button) {
    // A search pressed (or Enter) while a find-as-you-type is pending: one search, not a second one that would
    // replace the results the writer is already ticking.
    window.clearTimeout(typing);
    var picker = pickerOf(button);
    var target = button.getAttribute('formaction') || form.getAttribute('action');
    var value = button.value;
    if (button.value === 'add-byline') {
      send(button.name, value, target, ['bylines'], function () { focus('bylineAdd'); say('Bylines: ' + count('#bylines .picker-list li') + ' in running order.'); });
    } else if (button.name === 'bylineUp') {
      send(button.name, value, target, ['bylines'], function () { focus('bylineRole-' + (Number(value) - 1)); say('Moved up.'); });
    } else if (button.value === 'find-related') {
      send(button.name, value, target, ['related-results'], function () { say(count('#related-results input[name=relatedAdd]') + ' stories found.'); });
    } else if (button.value === 'add-related') {
      send(button.name, value, target, ['related'], function () { focus('relatedQuery'); say('Related stories: ' + count('#related .picker-list li') + '.'); });
    } else if (button.name === 'relatedUp') {
      send(button.name, value, target, ['related'], function () { say('Moved up.'); focus('related-label'); });
    } else {
      return false;
    }
    return picker != null;
  }

  form.addEventListener('click', function (event) {
    var button = event.target.closest('button[type=submit]');
    if (button && pickerOf(button) && pressed(button)) {
      event.preventDefault();
    }
  });

  // Enter in a picker's text box presses the picker's button, not the form's first one (Save draft).
  form.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' || !event.target.matches('#relatedQuery, #newAuthorName, #bylineAddRole')) { return; }
    var button = event.target.id === 'relatedQuery' ? form.querySelector('#related button[value=find-related]')
      : form.querySelector('#bylines button[value=add-byline]');
    if (button) {
      event.preventDefault();
      pressed(button);
    }
  });

  // Stories found as you type, after a pause; the box keeps its focus and caret (only the results are replaced).
  var typing = null;
  form.addEventListener('input', function (event) {
    if (event.target.id !== 'relatedQuery') { return; }
    window.clearTimeout(typing);
    var query = event.target.value.trim();
    if (query.length < 2) { return; }
    typing = window.setTimeout(function () {
      var button = form.querySelector('#related button[value=find-related]');
      if (button) { pressed(button); }
    }, 400);
  });

  /** A Remove box becomes a Remove button that takes the row away at once (the box stays the form's field). */
  function enhance(root) {
    root.querySelectorAll('input[type=checkbox][name=bylineRemove], input[type=checkbox][name=relatedRemove]').forEach(function (box) {
      var holder = box.closest('.check');
      var row = box.closest('li');
      var name = row && row.querySelector('input[name=bylineName], input[name=relatedHeadline]');
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'button secondary small';
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', 'Remove ' + (name ? name.value : 'this row'));
      remove.addEventListener('click', function () {
        box.checked = true;
        var bylines = box.name === 'bylineRemove';
        send('action', bylines ? 'add-byline' : 'add-related', form.getAttribute('action'), [bylines ? 'bylines' : 'related'],
          function () { focus(bylines ? 'bylineAdd' : 'relatedQuery'); say('Removed.'); });
      });
      holder.hidden = true;
      holder.after(remove);
    });
  }
  enhance(form);

  // Tags: existing tags starting with the tag being typed (after the last comma), to pick with a button.
  var tags = document.getElementById('tags');
  var suggestUrl = config.dataset.tagSuggestionsUrl;
  if (!tags || !suggestUrl) { return; }
  var list = document.createElement('ul');
  list.id = 'tag-suggestions';
  list.className = 'suggestions';
  list.setAttribute('aria-label', 'Existing tags');
  list.hidden = true;
  tags.after(list);
  var asked = 0;
  function typedTags() {
    return tags.value.split(',').map(function (t) { return t.trim(); });
  }
  tags.addEventListener('input', function () {
    var parts = typedTags();
    var last = parts[parts.length - 1];
    var question = ++asked;
    if (!last) { list.hidden = true; return; }
    fetch(suggestUrl + '?q=' + encodeURIComponent(last), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (names) {
        if (question !== asked) { return; }
        var chosen = parts.slice(0, -1).map(function (t) { return t.toLowerCase(); });
        names = names.filter(function (n) { return chosen.indexOf(n.toLowerCase()) < 0 && n !== last; });
        list.textContent = '';
        names.forEach(function (n) {
          var item = document.createElement('li');
          var pick = document.createElement('button');
          pick.type = 'button';
          pick.className = 'button secondary small';
          pick.textContent = n;
          pick.setAttribute('aria-label', 'Use the tag ' + n);
          pick.addEventListener('click', function () {
            var now = typedTags();
            now[now.length - 1] = n;
            tags.value = now.filter(function (t) { return t; }).join(', ') + ', ';
            tags.dispatchEvent(new Event('input', { bubbles: true }));
            list.hidden = true;
            tags.focus();
          });
          item.append(pick);
          list.append(item);
        });
        list.hidden = names.length === 0;
        if (names.length) { say(names.length + (names.length === 1 ? ' existing tag suggested.' : ' existing tags suggested.')); }
      })
      .catch(function () { list.hidden = true; });
  });
  tags.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { list.hidden = true; }
  });
}());
