// tests/browser/lib/a11y.mjs: a basic accessibility check run inside the page: every form
// control has a label, no positive tabindex, exactly one h1, headings do not skip levels, images
// have alt text, buttons and links have names, one main landmark, the page has a language,
// ids are unique, and visible text meets WCAG AA contrast (4.5:1, or 3:1 for large text).
// Returns a list of problems (empty when the page passes); it is not a full audit.

export async function accessibilityProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const shown = (el) => {
      if (!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)) return false;
      for (let e = el; e; e = e.parentElement) {
        const cs = getComputedStyle(e);
        if (cs.visibility === 'hidden' || cs.display === 'none') return false;
        if (cs.clipPath === 'inset(50%)' || cs.clip === 'rect(0px, 0px, 0px, 0px)') return false;
      }
      return true;
    };
    const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const nameFromIds = (ids) => (ids ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();

    for (const el of document.querySelectorAll('input, select, textarea')) {
      if (['hidden', 'submit', 'button', 'reset'].includes(el.type)) continue;
      const name = [...(el.labels ?? [])].map((l) => l.textContent).join(' ').trim()
        || (el.getAttribute('aria-label') ?? '').trim() || nameFromIds(el.getAttribute('aria-labelledby'));
      if (!name) problems.push(`form control without a label: ${describe(el)}`);
    }
    for (const el of document.querySelectorAll('[tabindex]')) {
      if (Number(el.getAttribute('tabindex')) > 0) problems.push(`positive tabindex: ${describe(el)}`);
    }
    const h1s = document.querySelectorAll('h1');
    if (h1s.length !== 1) problems.push(`expected exactly one h1, found ${h1s.length}`);
    let last = 0;
    for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      const level = Number(h.tagName[1]);
      if (last && level > last + 1) problems.push(`heading level skips from h${last} to h${level}: ${describe(h)}`);
      last = level;
    }
    for (const img of document.querySelectorAll('img')) {
      if (!img.hasAttribute('alt')) problems.push(`image without alt: ${img.src}`);
    }
    for (const el of document.querySelectorAll('button, a[href], [role="tab"]')) {
      const name = (el.textContent ?? '').trim() || (el.getAttribute('aria-label') ?? '').trim() || nameFromIds(el.getAttribute('aria-labelledby'));
      if (!name) problems.push(`control without a name: ${describe(el)}`);
    }
    if (document.querySelectorAll('main').length !== 1) problems.push('expected exactly one <main> landmark');
    if (!document.documentElement.lang) problems.push('<html> has no lang');
    const ids = new Map();
    for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) ?? 0) + 1);
    for (const [id, n] of ids) if (n > 1) problems.push(`id "${id}" used ${n} times`);

    // Contrast: text colour against the first opaque background up the tree (composited).
    const parse = (c) => {
      const m = c.match(/rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:[,/]\s*([\d.]+))?\)/);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
    };
    const over = (top, under) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
    const background = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
      }
      let colour = [255, 255, 255, 1];
      for (const layer of layers.reverse()) colour = over(layer, colour);
      return colour;
    };
    const lum = (c) => {
      const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    for (const el of document.querySelectorAll('body *')) {
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '');
      if (!hasText || !shown(el) || el.closest('.visually-hidden, [disabled]')) continue;
      const cs = getComputedStyle(el);
      const bg = background(el);
      const fg = parse(cs.color);
      if (!fg) continue;
      const size = parseFloat(cs.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
      const r = ratio(over(fg, bg), bg);
      if (r < (large ? 3 : 4.5)) problems.push(`contrast ${r.toFixed(2)}:1 too low: ${describe(el)}`);
    }
    return problems;
  });
}

/** Facts about the element that has keyboard focus, including whether a focus ring shows. */
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none';
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(), id: el.id, text: (el.textContent ?? '').trim(), type: el.getAttribute('type'),
      ring, onScreen: r.bottom > 0 && r.top < innerHeight && r.width > 0,
    };
  });
}

/** True when nothing makes the page wider than the window (no sideways scrolling on phones). */
export async function fitsWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
