// WCAG 2.1 contrast of every element that shows text of its own, against the colour behind it.
// Returns the failures: [{text, ratio, needed, color, background}]. Run by Selenium in Chromium.
function parse(color) {
  const m = color.match(/rgba?\(([^)]+)\)/);
  if (!m) { return null; }
  const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
  return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
}
function luminance(c) {
  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
}
function background(el) {
  for (let e = el; e; e = e.parentElement) {
    const bg = parse(getComputedStyle(e).backgroundColor);
    if (bg && bg.a > 0.5) { return bg; }
  }
  return { r: 255, g: 255, b: 255, a: 1 };
}
const failures = [];
for (const el of document.body.querySelectorAll('*')) {
  const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
  const style = getComputedStyle(el);
  if (!own || style.visibility === 'hidden' || style.display === 'none' || el.closest('[hidden], .visually-hidden')) { continue; }
  const fg = parse(style.color);
  const bg = background(el);
  const l1 = luminance(fg), l2 = luminance(bg);
  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  const size = parseFloat(style.fontSize);
  const bold = parseInt(style.fontWeight, 10) >= 700;
  const large = size >= 24 || (bold && size >= 18.66);
  const needed = large ? 3 : 4.5;
  if (ratio < needed) {
    failures.push({ text: el.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100, needed,
      color: style.color, background: 'rgb(' + bg.r + ',' + bg.g + ',' + bg.b + ')' });
  }
}
return failures;
