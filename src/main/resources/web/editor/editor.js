// The Body field as a rich-text editor (Tiptap). Without JavaScript the plain Body textarea is the
// editor; with it, the textarea is hidden and kept up to date with the editor's HTML, so saving,
// autosave and the browser copy work exactly as before. The server sanitises whatever arrives.
import { Editor, Extension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import Link from '@tiptap/extension-link';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { pastedFromWordProcessor, withoutEmptyParagraphs } from './lib/paste.js';

const BLOCK_HTML = /<(p|h2|h3|ul|ol|blockquote)\b/i;

/** The textarea holds plain paragraphs (blank line between) or HTML; the editor wants HTML. */
function asHtml(value) {
  if (BLOCK_HTML.test(value)) {
    return value;
  }
  return value.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p)
    .map((p) => '<p>' + p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') + '</p>').join('');
}

const BUTTONS = [
  { label: 'Paragraph', run: (c) => c.setParagraph(), active: (e) => e.isActive('paragraph') },
  { label: 'Subheading', run: (c) => c.toggleHeading({ level: 2 }), active: (e) => e.isActive('heading', { level: 2 }) },
  { label: 'Minor heading', run: (c) => c.toggleHeading({ level: 3 }), active: (e) => e.isActive('heading', { level: 3 }) },
  { label: 'Bold', run: (c) => c.toggleBold(), active: (e) => e.isActive('bold') },
  { label: 'Italic', run: (c) => c.toggleItalic(), active: (e) => e.isActive('italic') },
  { label: 'Link', run: null, keys: 'Control+K', active: (e) => e.isActive('link') },
  { label: 'Bulleted list', run: (c) => c.toggleBulletList(), active: (e) => e.isActive('bulletList') },
  { label: 'Numbered list', run: (c) => c.toggleOrderedList(), active: (e) => e.isActive('orderedList') },
  { label: 'Quote', run: (c) => c.toggleBlockquote(), active: (e) => e.isActive('blockquote') },
  { label: 'Image', run: null, upload: true, active: () => false },
  { label: 'Undo', run: (c) => c.undo(), active: () => false },
  { label: 'Redo', run: (c) => c.redo(), active: () => false },
];

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const FALLBACK_ERRORS = {
  413: 'The image is too large to upload (over 10 MB). Save it smaller and choose it again.',
  503: 'The server is busy with other images. Nothing is wrong with the file: try again in a few seconds.',
};

/**
 * Uploads one picture for the body (the server checks and re-encodes it; it keeps only images uploaded here) and
 * answers {src, width, height}, or null after saying why not. The Image button, a paste and a drop all come here.
 */
async function uploadImage(file, textarea, say) {
  if (!IMAGE_TYPES.includes(file.type)) {
    say('Only JPEG, PNG and WebP pictures can go in the body.');
    return null;
  }
  if (file.size > MAX_IMAGE_BYTES) {
    say(`This image is ${(file.size / 1048576).toFixed(1)} MB, larger than 10 MB. Save it smaller and choose it again.`);
    return null;
  }
  // The address comes from the page (templates/desk/storyForm.html), made where every desk address is made.
  const uploadUrl = document.getElementById('story-form-config').dataset.imageUploadUrl;
  const data = new FormData();
  data.append('file', file);
  const csrf = textarea.form.querySelector('input[name="csrf-token"]');
  if (csrf) {
    data.append('csrf-token', csrf.value);
  }
  say('Uploading the image…');
  try {
    const response = await fetch(uploadUrl, { method: 'POST', body: data, credentials: 'same-origin' });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      // The server's reason (a refused file; 503 with Retry-After when images are queuing), else the status's.
      say(answer.error || FALLBACK_ERRORS[response.status] || 'The image could not be uploaded.');
      return null;
    }
    return answer;
  } catch (e) {
    say('The image could not be uploaded: check the connection and try again.');
    return null;
  }
}

/** The first picture among these files (a paste or a drop), or null. */
function pictureIn(files) {
  return Array.from(files || []).find((file) => file.type.startsWith('image/')) || null;
}

let popoverCount = 0;

/**
 * The words a popover is about (the selection being linked) stay marked while the focus is in the popover: the
 * browser stops showing an editor's selection once the focus leaves it.
 */
const pendingKey = new PluginKey('popoverSelection');
const PendingSelection = Extension.create({
  name: 'popoverSelection',
  addProseMirrorPlugins: () => [new Plugin({
    key: pendingKey,
    state: {
      init: () => null,
      apply: (tr, range) => {
        const meta = tr.getMeta(pendingKey);
        if (meta !== undefined) {
          return meta;
        }
        return range && { from: tr.mapping.map(range.from), to: tr.mapping.map(range.to) };
      },
    },
    props: {
      decorations: (state) => {
        const range = pendingKey.getState(state);
        return range && range.from < range.to
          ? DecorationSet.create(state.doc, [Decoration.inline(range.from, range.to, { class: 'rich-text-pending' })])
          : null;
      },
    },
  })],
});

function markPending(editor, on) {
  const { from, to } = editor.state.selection;
  editor.view.dispatch(editor.state.tr.setMeta(pendingKey, on ? { from, to } : null));
}

/**
 * A small dialog under the toolbar (the link's address, an image's alt text): focus moves into it, Escape or
 * Cancel closes it and puts the focus back in the editor. Only one is open at a time.
 */
function popover(place, editor, label, build) {
  place.parentElement.querySelectorAll('.rich-text-popover').forEach((open) => open.close(false));
  const box = document.createElement('div');
  const id = `rich-text-popover-${++popoverCount}`;
  box.className = 'rich-text-popover';
  box.id = id;
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', label);
  box.close = (refocus = true) => {
    box.remove();
    markPending(editor, false);
    if (refocus) {
      editor.commands.focus();
    }
  };
  // What is typed here is not the story's text: the story form's autosave and its unsaved-changes warning ignore it.
  ['input', 'change'].forEach((type) => box.addEventListener(type, (event) => event.stopPropagation()));
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      box.close();
    } else if (event.key === 'Enter' && event.target.tagName === 'INPUT') {
      // Never the story form's submit: Enter in a popover's field does the popover's own thing.
      event.preventDefault();
      const action = event.target.dataset.enter && box.querySelector(event.target.dataset.enter);
      if (action) {
        action.click();
      }
    }
  });
  build(box, id);
  markPending(editor, true);
  place.after(box);
  const first = box.querySelector('input, button');
  if (first) {
    first.focus();
  }
  return box;
}

function element(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  Object.entries(props).forEach(([key, value]) => {
    if (key === 'text') {
      el.textContent = value;
    } else if (key in el && !key.startsWith('aria') && !key.startsWith('data')) {
      el[key] = value;
    } else {
      el.setAttribute(key, value);
    }
  });
  el.append(...children);
  return el;
}

function popoverButton(text, secondary = true) {
  return element('button', { type: 'button', className: `button small${secondary ? ' secondary' : ''}`, text });
}

/** What an address typed in the link popover becomes: our own paths as they are, a bare host as https. */
function linkAddress(typed) {
  const href = typed.trim();
  if (href === '' || /^(https?:|mailto:|\/|#)/i.test(href)) {
    return href;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^[^:]+\.[^:]+:\d/.test(href)) {
    return null; // javascript:, data: and the like
  }
  return 'https://' + href.replace(/^\/+/, '');
}

/**
 * "Link" (and Ctrl+K): the link popover. An address to type, or one of our published stories found by its
 * headline; with nothing selected the link's words (the address, or the story's headline) are put in.
 */
function editLink(editor, place, say) {
  const current = editor.getAttributes('link').href || '';
  popover(place, editor, 'Link', (box, id) => {
    const input = element('input', { type: 'text', id: `${id}-href`, value: current, inputMode: 'url',
      autocomplete: 'off', spellcheck: false, 'data-enter': '.apply-link' });
    const apply = popoverButton('Apply', false);
    apply.classList.add('apply-link');
    const remove = popoverButton('Remove link');
    const cancel = popoverButton('Cancel');
    const problem = element('p', { className: 'error-message', id: `${id}-problem`, hidden: true });
    const search = element('input', { type: 'search', id: `${id}-search`, autocomplete: 'off',
      'aria-describedby': `${id}-found`, 'data-enter': '.find-stories' });
    const find = popoverButton('Find');
    find.classList.add('find-stories');
    const found = element('p', { className: 'hint', id: `${id}-found`, role: 'status' });
    const results = element('ul', { className: 'rich-text-results' });

    const link = (href, words) => {
      const { empty } = editor.state.selection;
      const chain = editor.chain().focus().extendMarkRange('link');
      if (empty && !editor.isActive('link')) {
        chain.insertContent({ type: 'text', text: words, marks: [{ type: 'link', attrs: { href } }] }).run();
      } else {
        chain.setLink({ href }).run();
      }
      box.close(false);
      say('Link set.');
    };
    const refuse = (text) => {
      problem.textContent = text;
      problem.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', problem.id);
      input.focus();
    };
    apply.addEventListener('click', () => {
      const href = linkAddress(input.value);
      if (href === '' && current) {
        remove.click();
      } else if (href === '') {
        refuse('Enter the link\'s address, or find one of our stories below.');
      } else if (href === null) {
        refuse('Enter a web address (https://…), an email address (mailto:…) or one of our stories.');
      } else {
        link(href, input.value.trim());
      }
    });
    remove.addEventListener('click', () => {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      box.close(false);
      say('Link removed.');
    });
    cancel.addEventListener('click', () => box.close());

    let asked = 0;
    const lookUp = async () => {
      const words = search.value.trim();
      results.replaceChildren();
      if (words.length < 2) {
        found.textContent = '';
        return;
      }
      const mine = ++asked;
      const url = document.getElementById('story-form-config').dataset.linkSearchUrl;
      try {
        const response = await fetch(`${url}?q=${encodeURIComponent(words)}`,
          { credentials: 'same-origin', headers: { Accept: 'application/json' } });
        const stories = response.ok ? await response.json() : null;
        if (mine !== asked) {
          return;
        }
        if (!stories) {
          found.textContent = 'Stories could not be searched just now.';
          return;
        }
        found.textContent = stories.length === 0 ? 'No published story has these words in its headline.'
          : `${stories.length} published ${stories.length === 1 ? 'story' : 'stories'}: choose one to link to it.`;
        stories.forEach((story) => {
          const choose = element('button', { type: 'button', className: 'link-button', text: story.headline,
            title: story.url });
          choose.addEventListener('click', () => link(story.url, story.headline));
          results.append(element('li', {}, choose));
        });
      } catch (e) {
        if (mine === asked) {
          found.textContent = 'Stories could not be searched: check the connection.';
        }
      }
    };
    let pause;
    search.addEventListener('input', () => {
      clearTimeout(pause);
      pause = setTimeout(lookUp, 250);
    });
    find.addEventListener('click', () => {
      clearTimeout(pause);
      lookUp();
    });

    box.append(
      element('div', { className: 'rich-text-popover-row' },
        element('label', { htmlFor: input.id, text: 'Link address' }), problem, input),
      element('div', { className: 'rich-text-popover-actions' }, apply, ...(current ? [remove] : []), cancel),
      element('div', { className: 'rich-text-popover-row' },
        element('label', { htmlFor: search.id, text: 'Or find one of our stories' }),
        element('div', { className: 'rich-text-popover-search' }, search, find), found, results),
    );
  });
}

/**
 * A picture for the body (chosen with the Image button, pasted or dropped): uploaded, then its alt text asked in
 * place; it goes into the body only with one, at the cursor or where it was dropped.
 */
async function addPicture(editor, textarea, place, say, file, at) {
  const answer = await uploadImage(file, textarea, say);
  if (!answer) {
    return;
  }
  say('Image uploaded: describe it to add it.');
  popover(place, editor, 'Add image', (box, id) => {
    // aria-required, not required: an open popover must not stop the story form from being saved.
    const input = element('input', { type: 'text', id: `${id}-alt`, 'aria-required': 'true', autocomplete: 'off',
      'aria-describedby': `${id}-alt-hint`, 'data-enter': '.add-image' });
    const problem = element('p', { className: 'error-message', id: `${id}-problem`, hidden: true });
    const add = popoverButton('Add image', false);
    add.classList.add('add-image');
    const cancel = popoverButton('Cancel');
    add.addEventListener('click', () => {
      const alt = input.value.trim();
      if (alt === '') {
        problem.textContent = 'Describe the image: readers who cannot see it hear this instead.';
        problem.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', `${problem.id} ${id}-alt-hint`);
        input.focus();
        return;
      }
      const image = { type: 'image', attrs: { src: answer.src, alt, width: answer.width, height: answer.height } };
      const chain = editor.chain().focus();
      if (typeof at === 'number') {
        chain.insertContentAt(Math.min(at, editor.state.doc.content.size), image).run();
      } else {
        chain.setImage(image.attrs).run();
      }
      box.close(false);
      say('Image added.');
    });
    cancel.addEventListener('click', () => {
      box.close();
      say('Image not added.');
    });
    box.append(
      element('img', { src: answer.src, alt: '', className: 'rich-text-popover-image', width: 160,
        height: Math.round(160 * (answer.height || 1) / (answer.width || 1)) }),
      element('div', { className: 'rich-text-popover-row' },
        element('label', { htmlFor: input.id, text: 'Alt text' }),
        element('p', { className: 'hint', id: `${id}-alt-hint`,
          text: 'Describe the image for readers who cannot see it.' }), problem, input),
      element('div', { className: 'rich-text-popover-actions' }, add, cancel),
    );
  });
}

/**
 * "Image": a file chooser kept (hidden, without a name, so never sent with the story) beside the toolbar; what is
 * chosen goes the way of a paste or a drop.
 */
function imagePicker(editor, textarea, place, say) {
  const picker = element('input', { type: 'file', id: `${textarea.id}-image-file`, accept: IMAGE_TYPES.join(','), hidden: true });
  picker.addEventListener('change', (event) => {
    event.stopPropagation();
    const file = picker.files[0];
    picker.value = '';
    if (file) {
      addPicture(editor, textarea, place, say, file);
    }
  });
  picker.addEventListener('input', (event) => event.stopPropagation());
  return picker;
}

/** The field's own words: Body on the story form, Entry on a live story's entry form. */
function start(textarea) {
  const field = textarea.closest('.field');
  const name = textarea.id;
  const labelElement = field && field.querySelector(`label[for="${name}"]`);
  const labelText = labelElement ? labelElement.textContent.trim() : 'Body';
  const toolbar = document.createElement('div');
  toolbar.className = 'rich-text-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', `${labelText} formatting`);
  toolbar.setAttribute('aria-controls', `${name}-editor`);
  const holder = document.createElement('div');
  holder.className = 'rich-text-holder';
  const status = document.createElement('p');
  status.className = 'hint';
  status.setAttribute('role', 'status');
  textarea.after(toolbar, holder, status);
  textarea.hidden = true;

  const say = (text) => { status.textContent = text; };
  let editor = null;
  // Ctrl+K (Cmd+K) opens the link popover, as the Link button does.
  const LinkKey = Extension.create({
    name: 'linkPopoverKey',
    addKeyboardShortcuts: () => ({ 'Mod-k': () => { editLink(editor, toolbar, say); return true; } }),
  });
  editor = new Editor({
    element: holder,
    injectCSS: false,
    content: asHtml(textarea.value),
    extensions: [
      Image.configure({ inline: false, allowBase64: false }),
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false, codeBlock: false, horizontalRule: false, strike: false, underline: false, link: false,
      }),
      // Text typed at the end of a link is not part of it (Tiptap makes links inclusive when autolink is on).
      // A URL pasted onto selected text links it (linkOnPaste).
      Link.extend({ inclusive: () => false }).configure({ openOnClick: false, autolink: true, linkOnPaste: true,
        defaultProtocol: 'https', protocols: ['mailto'], HTMLAttributes: { target: null, rel: 'nofollow noopener' } }),
      LinkKey,
      PendingSelection,
    ],
    editorProps: {
      // Typed in the story's direction (story-form.js changes it with the Language select).
      attributes: { id: `${name}-editor`, class: 'rich-text', role: 'textbox', 'aria-multiline': 'true',
        dir: textarea.getAttribute('dir') || 'auto',
        'aria-label': labelText, 'aria-describedby': textarea.getAttribute('aria-describedby') || '' },
      // A paste from Word or Google Docs keeps its headings, lists, links, bold and italic, and nothing else.
      transformPastedHTML: (html) => pastedFromWordProcessor(html),
      // A picture pasted or dropped into the body is uploaded, then its alt text asked.
      handlePaste: (view, event) => {
        const data = event.clipboardData;
        const file = data && pictureIn(data.files);
        // Word puts a picture of the copied text beside the text: the text is what was meant.
        if (!file || (data.getData('text/plain') || '').trim() !== '') {
          return false;
        }
        event.preventDefault();
        addPicture(editor, textarea, toolbar, say, file);
        return true;
      },
      handleDrop: (view, event, slice, moved) => {
        const file = !moved && event.dataTransfer && pictureIn(event.dataTransfer.files);
        if (!file) {
          return false;
        }
        event.preventDefault();
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
        addPicture(editor, textarea, toolbar, say, file, at ? at.pos : undefined);
        return true;
      },
    },
    onUpdate: ({ editor: e }) => {
      // Empty paragraphs (spacing made with Enter) are not saved.
      textarea.value = e.isEmpty ? '' : withoutEmptyParagraphs(e.getHTML());
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    },
  });

  const picker = imagePicker(editor, textarea, toolbar, say);
  toolbar.after(picker);
  const buttons = BUTTONS.map((spec) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button secondary small';
    button.textContent = spec.label;
    if (spec.keys) {
      button.setAttribute('aria-keyshortcuts', spec.keys);
      button.title = `${spec.label} (Ctrl+K)`;
    }
    button.addEventListener('click', () => {
      if (spec.run) {
        spec.run(editor.chain().focus()).run();
      } else if (spec.upload) {
        picker.click();
      } else {
        editLink(editor, toolbar, say);
      }
    });
    toolbar.append(button);
    return { button, spec };
  });
  const showState = () => buttons.forEach(({ button, spec }) => {
    if (!['Undo', 'Redo', 'Image'].includes(spec.label)) {
      button.setAttribute('aria-pressed', String(spec.active(editor)));
    }
  });
  editor.on('selectionUpdate', showState);
  editor.on('transaction', showState);
  showState();

  // Text put back into the textarea (restoring the copy kept in this browser) shows in the editor.
  textarea.addEventListener('change', () => editor.commands.setContent(asHtml(textarea.value), { emitUpdate: false }));
  // The Body label points at the hidden textarea; send its clicks to the editor.
  const label = labelElement;
  if (label) {
    label.addEventListener('click', (event) => { event.preventDefault(); editor.commands.focus(); });
  }
  field.classList.add('rich-text-field');
  const hint = document.getElementById(`${name}-hint`);
  if (hint) {
    hint.textContent = 'Use the buttons for subheadings, bold, italic, links (Ctrl+K), lists and quotes. Pasted text keeps its structure;'
      + ' paste or drop a picture to add it. Empty paragraphs are not saved' + (name === 'body' ? '; Ctrl+S saves.' : '.');
  }
  window.copydeskEditor = editor;
}

// The story's Body, and a live story's Entry (templates/live/desk.html).
document.querySelectorAll('#story-form textarea#body:not([readonly]), #entry-form textarea#entry').forEach(start);
