// What a paste from a word processor means, before the editor's schema keeps headings, lists, links, bold and
// italic and drops the rest (classes, styles, fonts, Office's own tags). The server does the same to whatever
// arrives (org.copydesk.story.PastedHtml, BodyHtml), so what is seen here is what is saved.
//  - Google Docs wraps the whole paste in <b style="font-weight:normal" id="docs-internal-guid-…">, which is not
//    bold, and says bold and italic with styles (<span style="font-weight:700">, font-style:italic);
//  - Word says a list item with <p class=MsoListParagraph style="mso-list:l0 level1 lfo1"> and a bullet of its own
//    in <span style="mso-list:Ignore">;
//  - both use <h1> and <h4>–<h6>, which the body has as its subheading and minor heading.

const BOLD = /(?<![\w-])font-weight\s*:\s*(bold|bolder|[6-9]00)\b/i;
const NOT_BOLD = /(?<![\w-])font-weight\s*:\s*(normal|lighter|[1-5]00)\b/i;
const ITALIC = /(?<![\w-])font-style\s*:\s*(italic|oblique)\b/i;
const WORD_LIST_ITEM = /mso-list\s*:\s*(l\d+)/i;
const NUMBERED = /^\(?([0-9]+|[a-zA-Z]|[ivxlcIVXLC]+)[.)]$/;
const WORD_MARKER = 'span[style*="mso-list:Ignore" i], span[style*="mso-list: Ignore" i]';

function unwrap(el) {
  el.replaceWith(...el.childNodes);
}

function rename(el, tag) {
  const renamed = el.ownerDocument.createElement(tag);
  renamed.append(...el.childNodes);
  el.replaceWith(renamed);
  return renamed;
}

function wrap(el, tag) {
  const wrapper = el.ownerDocument.createElement(tag);
  el.replaceWith(wrapper);
  wrapper.append(el);
}

function wordLists(body) {
  let run = null;
  let previous = null;
  let previousList = null;
  const runs = [];
  body.querySelectorAll('p[style]').forEach((p) => {
    const item = WORD_LIST_ITEM.exec(p.getAttribute('style'));
    if (!item) {
      return;
    }
    // A run of items of one list (Word numbers its lists l0, l1, …): another list starts another run.
    const sameList = item[1].toLowerCase() === previousList;
    previousList = item[1].toLowerCase();
    if (!run || p.previousElementSibling !== previous || !sameList) {
      run = [];
      runs.push(run);
    }
    run.push(p);
    previous = p;
  });
  runs.forEach((items) => {
    const marker = items[0].querySelector(WORD_MARKER);
    const text = marker ? marker.textContent.replace(/\u00a0/g, ' ').trim() : '';
    const list = body.ownerDocument.createElement(NUMBERED.test(text) ? 'ol' : 'ul');
    items[0].before(list);
    items.forEach((p) => {
      p.querySelectorAll(WORD_MARKER).forEach((m) => m.remove());
      list.append(rename(p, 'li'));
    });
  });
}

/** The pasted HTML as the writer meant it: for Tiptap's transformPastedHTML. */
export function pastedFromWordProcessor(html) {
  if (!/docs-internal-guid|mso-|urn:schemas-microsoft-com|font-weight|font-style|<h[1456]/i.test(html)) {
    return html;
  }
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;
  // Word's conditional comments and its own tags (<o:p>) carry nothing to keep.
  body.querySelectorAll('style, meta, link, title, xml').forEach((el) => el.remove());
  body.querySelectorAll('b, strong').forEach((b) => {
    if ((b.id || '').startsWith('docs-internal-guid') || NOT_BOLD.test(b.getAttribute('style') || '')) {
      unwrap(b);
    }
  });
  body.querySelectorAll('h1').forEach((h) => rename(h, 'h2'));
  body.querySelectorAll('h4, h5, h6').forEach((h) => rename(h, 'h3'));
  wordLists(body);
  body.querySelectorAll('span[style]').forEach((span) => {
    if (span.closest('h1, h2, h3, h4, h5, h6')) {
      return;
    }
    const style = span.getAttribute('style');
    if (ITALIC.test(style)) {
      wrap(span, 'em');
    }
    if (BOLD.test(style)) {
      wrap(span, 'strong');
    }
  });
  // Paragraphs with nothing in them (Word's <o:p>&nbsp;</o:p> spacing) are not wanted.
  body.querySelectorAll('p').forEach((p) => {
    if (!p.querySelector('img') && p.textContent.replace(/\u00a0/g, ' ').trim() === '') {
      p.remove();
    }
  });
  // A line break between two blocks (Google Docs puts one between paragraphs) breaks no line.
  const BLOCK = /^(P|H[1-6]|UL|OL|BLOCKQUOTE|IMG|BR|DIV|TABLE)$/;
  const blockOrEdge = (node, back) => {
    let at = node;
    while (at && at.nodeType === 3 && at.textContent.replace(/\u00a0/g, ' ').trim() === '') {
      at = back ? at.previousSibling : at.nextSibling;
    }
    return !at || (at.nodeType === 1 && BLOCK.test(at.tagName));
  };
  Array.from(body.children).forEach((br) => {
    if (br.tagName === 'BR' && blockOrEdge(br.previousSibling, true) && blockOrEdge(br.nextSibling, false)) {
      br.remove();
    }
  });
  // Styles and classes go: the editor's schema would drop most, but not a bold or italic they spell.
  body.querySelectorAll('[style], [class]').forEach((el) => {
    el.removeAttribute('style');
    el.removeAttribute('class');
  });
  return body.innerHTML;
}

/** The editor's HTML without its empty paragraphs (no text, no image: spacing made with Enter). */
export function withoutEmptyParagraphs(html) {
  return html.replace(/<p>(?:\s|&nbsp;|\u00a0|<br\s*\/?>)*<\/p>/g, '');
}
