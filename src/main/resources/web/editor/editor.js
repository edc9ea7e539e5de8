// The Body field as a rich-text editor (Tiptap). Without JavaScript the plain Body textarea is the
// editor; with it, the textarea is hidden and kept up to date with the editor's HTML, so saving,
// autosave and the browser copy work exactly as before. The server sanitises whatever arrives.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';

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
  { label: 'Link', run: null, active: (e) => e.isActive('link') },
  { label: 'Bulleted list', run: (c) => c.toggleBulletList(), active: (e) => e.isActive('bulletList') },
  { label: 'Numbered list', run: (c) => c.toggleOrderedList(), active: (e) => e.isActive('orderedList') },
  { label: 'Quote', run: (c) => c.toggleBlockquote(), active: (e) => e.isActive('blockquote') },
  { label: 'Image', run: null, upload: true, active: () => false },
  { label: 'Undo', run: (c) => c.undo(), active: () => false },
  { label: 'Redo', run: (c) => c.redo(), active: () => false },
];

function editLink(editor) {
  const current = editor.getAttributes('link').href || 'https://';
  const href = window.prompt('Link address (leave empty to remove the link)', current);
  if (href === null) {
    return;
  }
  const chain = editor.chain().focus().extendMarkRange('link');
  if (href.trim() === '' || href.trim() === 'https://') {
    chain.unsetLink().run();
  } else {
    chain.setLink({ href: href.trim() }).run();
  }
}

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const FALLBACK_ERRORS = {
  413: 'The image is too large to upload (over 10 MB). Save it smaller and choose it again.',
  503: 'The server is busy with other images. Nothing is wrong with the file: try again in a few seconds.',
};

/**
 * "Image": choose a file, upload it (the server checks and re-encodes it), ask for its alt text, and
 * place it in the body at the cursor. The server keeps only images uploaded here.
 */
function addImage(editor, textarea, say) {
  const picker = document.createElement('input');
  picker.type = 'file';
  picker.accept = 'image/jpeg,image/png,image/webp';
  picker.addEventListener('change', async () => {
    const file = picker.files[0];
    if (!file) {
      return;
    }
    if (file.size > MAX_IMAGE_BYTES) {
      say(`This image is ${(file.size / 1048576).toFixed(1)} MB, larger than 10 MB. Save it smaller and choose it again.`);
      return;
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
        return;
      }
      let alt = '';
      while (alt !== null && alt.trim() === '') {
        alt = window.prompt('Describe the image for readers who cannot see it (alt text):', '');
      }
      if (alt === null) {
        say('Image not added.');
        return;
      }
      editor.chain().focus().setImage({ src: answer.src, alt: alt.trim(), width: answer.width, height: answer.height }).run();
      say('Image added.');
    } catch (e) {
      say('The image could not be uploaded: check the connection and try again.');
    }
  });
  picker.click();
}

function start(textarea) {
  const field = textarea.closest('.field');
  const toolbar = document.createElement('div');
  toolbar.className = 'rich-text-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Body formatting');
  toolbar.setAttribute('aria-controls', 'body-editor');
  const holder = document.createElement('div');
  holder.className = 'rich-text-holder';
  const status = document.createElement('p');
  status.className = 'hint';
  status.setAttribute('role', 'status');
  textarea.after(toolbar, holder, status);
  textarea.hidden = true;

  const editor = new Editor({
    element: holder,
    injectCSS: false,
    content: asHtml(textarea.value),
    extensions: [Image.configure({ inline: false, allowBase64: false }), StarterKit.configure({
      heading: { levels: [2, 3] },
      code: false, codeBlock: false, horizontalRule: false, strike: false, underline: false,
      link: { openOnClick: false, autolink: true, protocols: ['mailto'],
        HTMLAttributes: { target: null, rel: 'nofollow noopener' } },
    })],
    editorProps: {
      attributes: { id: 'body-editor', class: 'rich-text', role: 'textbox', 'aria-multiline': 'true',
        'aria-label': 'Body', 'aria-describedby': textarea.getAttribute('aria-describedby') || '' },
    },
    onUpdate: ({ editor: e }) => {
      textarea.value = e.isEmpty ? '' : e.getHTML();
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    },
  });

  const buttons = BUTTONS.map((spec) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button secondary small';
    button.textContent = spec.label;
    button.addEventListener('click', () => {
      if (spec.run) {
        spec.run(editor.chain().focus()).run();
      } else if (spec.upload) {
        addImage(editor, textarea, (text) => { status.textContent = text; });
      } else {
        editLink(editor);
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
  const label = field && field.querySelector('label[for="body"]');
  if (label) {
    label.addEventListener('click', (event) => { event.preventDefault(); editor.commands.focus(); });
  }
  field.classList.add('rich-text-field');
  const hint = document.getElementById('body-hint');
  if (hint) {
    hint.textContent = 'Use the buttons for subheadings, bold, italic, links, lists and quotes. Pasted text keeps its structure; Ctrl+S saves.';
  }
  window.copydeskEditor = editor;
}

const body = document.querySelector('#story-form textarea#body:not([readonly])');
if (body) {
  start(body);
}
