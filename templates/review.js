// The review page's script (templates/review.html): draws the pages and the
// record from the JSON in #review-data, links each field to where it was
// read (its `provenance` entry: a box on a page image, or a span of a page's
// text), and runs a self-check when the address ends with #selftest.
//
// Data: {file, record, warned: {path: [warning index]}, pages: [{number,
// text, ocr_confidence, image: {src, width, height} | null}],
// low_confidence_below, index}. A box is [left, top, right, bottom] in the
// pixels of the page as OCR read it (image.width x image.height); it is
// drawn in percentages of that frame, so it follows the image at any size.
// A span is [begin, end) in code points of the page's text.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('review-data').textContent);
  const record = data.record || {};
  const prov = record.provenance || {};
  const warned = data.warned || {};
  const warnings = record.warnings || [];
  const lowBelow = data.low_confidence_below;

  const marks = new Map();  // path -> elements on the pages (boxes, text segments)
  const rows = [];          // the record's field rows, in order
  const rowOf = new Map();  // path -> row
  let current = -1;         // index in rows of the selected field

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function addMark(path, e) {
    if (!marks.has(path)) marks.set(path, []);
    marks.get(path).push(e);
  }
  function isLow(p) { return p && typeof p.confidence === 'number' && p.confidence < lowBelow; }

  // ---- Pages ----------------------------------------------------------------

  // A page's text, with a segment element for each run of characters that
  // the same fields were read from (spans may overlap: a president who is
  // also in the present list).
  function textView(page, entries) {
    const cps = Array.from(page.text);
    const cuts = new Set([0, cps.length]);
    for (const [, p] of entries) {
      cuts.add(Math.min(Math.max(p.span[0], 0), cps.length));
      cuts.add(Math.min(Math.max(p.span[1], 0), cps.length));
    }
    const points = Array.from(cuts).sort((a, b) => a - b);
    const pre = el('pre', 'page-text');
    for (let i = 0; i + 1 < points.length; ++i) {
      const a = points[i], b = points[i + 1];
      const text = cps.slice(a, b).join('');
      const covering = entries.filter(([, p]) => p.span[0] <= a && b <= p.span[1]);
      if (covering.length === 0) {
        pre.appendChild(document.createTextNode(text));
        continue;
      }
      const seg = el('span', 'seg', text);
      seg.dataset.fields = covering.map(([path]) => path).join(' ');
      if (covering.some(([, p]) => isLow(p))) seg.classList.add('low');
      seg.title = covering.map(([path]) => path).join(', ');
      seg.addEventListener('click', () => select(covering[0][0]));
      for (const [path] of covering) addMark(path, seg);
      pre.appendChild(seg);
    }
    return pre;
  }

  function drawPages() {
    const host = document.getElementById('pages');
    if (data.pages.length === 0) {
      host.appendChild(el('p', 'error', 'No page to show: the file could not be read.'));
    }
    for (const page of data.pages) {
      const sec = el('section', 'page');
      sec.id = 'page-' + page.number;
      let head = 'Page ' + page.number;
      if (page.ocr_confidence !== null) head += ' · read by OCR, mean confidence ' + page.ocr_confidence;
      sec.appendChild(el('h2', '', head));
      const entries = Object.entries(prov).filter(([, p]) => p.page === page.number);
      if (page.image) {
        const frame = el('div', 'page-image');
        const img = el('img');
        img.src = page.image.src;
        // The frame's size: the aspect ratio is known before the image is decoded.
        img.width = page.image.width;
        img.height = page.image.height;
        img.alt = 'Page ' + page.number + ' as OCR read it';
        frame.appendChild(img);
        const w = page.image.width, h = page.image.height;
        for (const [path, p] of entries) {
          if (!p.box) continue;
          const b = el('div', 'box');
          b.dataset.field = path;
          b.style.left = (100 * p.box[0] / w) + '%';
          b.style.top = (100 * p.box[1] / h) + '%';
          b.style.width = (100 * (p.box[2] - p.box[0]) / w) + '%';
          b.style.height = (100 * (p.box[3] - p.box[1]) / h) + '%';
          if (isLow(p)) b.classList.add('low');
          if (warned[path]) b.classList.add('warned');
          b.title = path + (typeof p.confidence === 'number' ? ' (confidence ' + p.confidence + ')' : '');
          b.addEventListener('click', () => select(path));
          addMark(path, b);
          frame.appendChild(b);
        }
        sec.appendChild(frame);
        const more = el('details', 'text-as-read');
        more.appendChild(el('summary', '', 'Text as read'));
        more.appendChild(textView(page, entries));
        sec.appendChild(more);
      } else {
        sec.appendChild(textView(page, entries));
      }
      host.appendChild(sec);
    }
  }

  // ---- Record ---------------------------------------------------------------

  function isPerson(v) {
    return v && typeof v === 'object' && !Array.isArray(v) && typeof v.name === 'string' &&
           Object.keys(v).every((k) => ['civility', 'name', 'title', 'proxy'].includes(k));
  }
  function personText(v) {
    let s = (v.civility ? v.civility + ' ' : '') + v.name;
    if (v.title) s += ', ' + v.title;
    if (v.proxy) s += ' → pouvoir à ' + personText(v.proxy);
    return s;
  }
  function scalarText(v) {
    if (v === null) return 'null (not stated)';
    if (typeof v === 'string') return v;
    return JSON.stringify(v);
  }

  function fieldRow(parent, label, text, path, isNull) {
    const row = el('div', 'field');
    row.tabIndex = 0;
    row.dataset.field = path;
    row.appendChild(el('span', 'key', label));
    row.appendChild(el('span', 'value', text));
    if (isNull) row.classList.add('null');
    const p = prov[path];
    if (p) {
      row.classList.add('sourced');
      row.title = 'page ' + p.page + (p.box ? ', box ' + p.box.join(' ') : ', characters ' + p.span.join('–'));
    }
    if (isLow(p)) {
      row.classList.add('low');
      row.appendChild(el('span', 'badge conf', 'OCR ' + p.confidence));
    }
    if (warned[path]) {
      row.classList.add('warned');
      const b = el('span', 'badge warn', '⚠ ' + warned[path].length);
      b.title = warned[path].map((i) => warnings[i].code + ': ' + warnings[i].message).join('\n');
      row.appendChild(b);
    }
    row.addEventListener('mouseenter', () => hover(path, true));
    row.addEventListener('mouseleave', () => hover(path, false));
    row.addEventListener('click', () => select(path));
    row.addEventListener('focus', () => { if (rows[current] !== row) select(path); });
    rows.push(row);
    rowOf.set(path, row);
    parent.appendChild(row);
    return row;
  }

  function node(parent, label, value, path) {
    if (isPerson(value)) {
      fieldRow(parent, label, personText(value), path, false);
    } else if (Array.isArray(value)) {
      if (value.length === 0) {
        fieldRow(parent, label, '[] (none)', path, true);
        return;
      }
      parent.appendChild(el('h3', '', label + ' (' + value.length + ')'));
      const g = el('div', 'group');
      value.forEach((v, i) => node(g, '#' + (i + 1), v, path + '[' + i + ']'));
      parent.appendChild(g);
    } else if (value !== null && typeof value === 'object') {
      let title = label;
      if (path.startsWith('deliberations[') && /^deliberations\[\d+\]$/.test(path)) {
        title = 'Act ' + label.replace('#', '') + (value.number ? ' — ' + value.number : '') +
                (value.title ? ' — ' + value.title : '');
      }
      if (prov[path]) {
        // A value read as a whole (a vote, a signature): its row, then its parts.
        const summary = value.text || value.result || value.id || value.raw || '';
        fieldRow(parent, label, String(summary), path, false);
      } else {
        parent.appendChild(el('h3', '', title));
      }
      const g = el('div', 'group');
      for (const [k, v] of Object.entries(value)) node(g, k, v, path + '.' + k);
      parent.appendChild(g);
    } else {
      fieldRow(parent, label, scalarText(value), path, value === null);
    }
  }

  function drawRecord() {
    const host = document.getElementById('record');
    document.getElementById('file').textContent = data.file;
    if (data.index) {
      const a = el('a', '', '← index');
      a.href = data.index;
      document.getElementById('back').appendChild(a);
    }
    const src = record.source || {};
    document.getElementById('summary').textContent =
        [src.method, src.pages !== undefined ? src.pages + ' page(s)' : '',
         typeof src.ocr_confidence === 'number' ? 'OCR confidence ' + src.ocr_confidence.toFixed(1) : '',
         Object.keys(prov).length + ' fields placed', warnings.length + ' warning(s)']
            .filter(Boolean).join(' · ');
    if (record.error) {
      const p = el('p', 'error');
      p.appendChild(el('code', '', record.error.code));
      p.appendChild(document.createTextNode(' ' + record.error.message));
      host.appendChild(p);
    }
    if (warnings.length > 0) {
      host.appendChild(el('h2', '', 'Warnings (' + warnings.length + ')'));
      const ul = el('ul', 'warnings');
      warnings.forEach((w, i) => {
        const li = el('li');
        li.appendChild(el('code', '', w.code));
        li.appendChild(document.createTextNode(' ' + w.message));
        const fields = Object.keys(warned).filter((p) => warned[p].includes(i));
        if (fields.length > 0) {
          li.title = 'fields: ' + fields.join(', ');
          li.addEventListener('click', () => select(fields[0]));
        }
        ul.appendChild(li);
      });
      host.appendChild(ul);
    }
    for (const [key, value] of Object.entries(record)) {
      if (['schema_version', 'source', 'warnings', 'provenance', 'error'].includes(key)) continue;
      // A part of the record under its heading: its fields, or its items.
      host.appendChild(el('h2', '', key));
      if (Array.isArray(value) && value.length > 0) {
        value.forEach((v, i) => node(host, '#' + (i + 1), v, key + '[' + i + ']'));
      } else if (value !== null && typeof value === 'object' && !Array.isArray(value) &&
                 !isPerson(value) && !prov[key]) {
        for (const [k, v] of Object.entries(value)) node(host, k, v, key + '.' + k);
      } else {
        node(host, key, value, key);
      }
    }
  }

  // ---- Selection ------------------------------------------------------------

  function hover(path, on) {
    for (const m of marks.get(path) || []) m.classList.toggle('hover', on);
    if (on) reveal(path, 'nearest');
  }

  // Scrolls the field's box (or, for a text page, its span) into view.
  function reveal(path, block) {
    const ms = marks.get(path) || [];
    let target = ms.find((m) => m.classList.contains('box'));
    if (!target && ms.length > 0) {
      target = ms[0];
      const d = target.closest('details');
      if (d) d.open = true;
    }
    if (target) target.scrollIntoView({block: block, inline: 'nearest'});
  }

  function select(path) {
    const i = rows.indexOf(rowOf.get(path));
    for (const m of document.querySelectorAll('.active')) m.classList.remove('active');
    for (const r of document.querySelectorAll('.field.selected')) r.classList.remove('selected');
    for (const m of marks.get(path) || []) m.classList.add('active');
    current = i;
    if (i >= 0) {
      rows[i].classList.add('selected');
      if (document.activeElement !== rows[i]) rows[i].focus({preventScroll: true});
      rows[i].scrollIntoView({block: 'nearest'});
    }
    reveal(path, 'center');
    if (history.replaceState && location.hash !== '#selftest') {
      history.replaceState(null, '', '#field=' + encodeURIComponent(path));
    }
  }

  function marked(row) {
    return row.classList.contains('low') || row.classList.contains('warned');
  }
  function step(delta, onlyMarked) {
    for (let i = current + delta; i >= 0 && i < rows.length; i += delta) {
      if (!onlyMarked || marked(rows[i])) {
        select(rows[i].dataset.field);
        return;
      }
    }
  }
  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const moves = {ArrowDown: [1, false], j: [1, false], ArrowUp: [-1, false], k: [-1, false],
                   n: [1, true], p: [-1, true]};
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    step(m[0], m[1]);
  });

  // ---- Self-check (#selftest) ----------------------------------------------

  // For each provenance entry: where its box was drawn, with the image's
  // rectangle and frame, so that a test can compare it with the record's
  // box scaled to the rendered image; or the text its span highlights. Then
  // selects every field and records what was highlighted.
  function selftest() {
    const out = {entries: [], selection: [], failures: [],
                 viewport: [window.innerWidth, window.innerHeight]};
    for (const [path, p] of Object.entries(prov)) {
      const page = data.pages.find((pg) => pg.number === p.page);
      const e = {field: path, page: p.page};
      out.entries.push(e);
      if (!page) {
        out.failures.push(path + ': page ' + p.page + ' is not shown');
        continue;
      }
      const ms = marks.get(path) || [];
      if (p.box && page.image) {
        const img = document.querySelector('#page-' + p.page + ' img');
        const box = ms.find((m) => m.classList.contains('box'));
        e.kind = 'box';
        if (!box) {
          out.failures.push(path + ': no box drawn');
          continue;
        }
        const ir = img.getBoundingClientRect(), br = box.getBoundingClientRect();
        e.image = [ir.left, ir.top, ir.width, ir.height];
        e.frame = [page.image.width, page.image.height];
        e.rendered = [br.left, br.top, br.right, br.bottom];
        const inside = br.left >= ir.left - 1 && br.top >= ir.top - 1 &&
                       br.right <= ir.right + 1 && br.bottom <= ir.bottom + 1 &&
                       br.width > 0 && br.height > 0;
        if (!inside) out.failures.push(path + ': box outside its page image');
      } else {
        e.kind = 'span';
        const text = ms.filter((m) => m.classList.contains('seg')).map((m) => m.textContent).join('');
        e.expected_text = Array.from(page.text).slice(p.span[0], p.span[1]).join('');
        e.rendered_text = text;
        if (text !== e.expected_text) out.failures.push(path + ': span shows other text');
      }
    }
    for (const row of rows) {
      const path = row.dataset.field;
      select(path);
      const ms = marks.get(path) || [];
      const s = {field: path, row_selected: row.classList.contains('selected'),
                 marks: ms.length, active: ms.filter((m) => m.classList.contains('active')).length,
                 active_total: document.querySelectorAll('#pages .active').length};
      if (ms.length > 0) {
        const target = ms.find((m) => m.classList.contains('box')) || ms[0];
        const r = target.getBoundingClientRect();
        const view = document.getElementById('pages').getBoundingClientRect();
        s.in_view = r.bottom > view.top && r.top < view.bottom && r.right > view.left &&
                    r.left < view.right;
        if (!s.in_view) out.failures.push(path + ': not scrolled into view');
      }
      if (!s.row_selected || s.active !== ms.length) out.failures.push(path + ': not highlighted');
      if (s.active_total !== new Set(ms).size) out.failures.push(path + ': other marks highlighted');
      out.selection.push(s);
    }
    // The keys, as a reader presses them: from the first field, down, then up.
    if (rows.length > 1) {
      select(rows[0].dataset.field);
      const press = (key) => document.dispatchEvent(new KeyboardEvent('keydown', {key: key}));
      press('ArrowDown');
      out.keyboard_next = current === 1 && rows[1].classList.contains('selected');
      press('k');
      out.keyboard_previous = current === 0 && rows[0].classList.contains('selected');
      if (!out.keyboard_next) out.failures.push('the next-field key did not move');
      if (!out.keyboard_previous) out.failures.push('the previous-field key did not move');
    }
    out.ok = out.failures.length === 0;
    const pre = document.getElementById('selftest');
    pre.textContent = JSON.stringify(out);
    document.documentElement.dataset.selftest = out.ok ? 'pass' : 'fail';
  }

  drawPages();
  drawRecord();
  const start = () => {
    if (location.hash === '#selftest') {
      selftest();
    } else if (location.hash.startsWith('#field=')) {
      select(decodeURIComponent(location.hash.slice(7)));
    }
  };
  if (document.readyState === 'complete') {
    start();
  } else {
    window.addEventListener('load', start);
  }
})();
