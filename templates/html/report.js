// The HTML report's page (src/reports/html/render.ts inlines it). Data comes from the JSON in
// #evals-data (shape: src/reports/html/model.ts). Every string from the data is set with
// textContent or as an attribute value, never parsed as HTML: candidate answers are hostile.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('evals-data').textContent);
  var chunks = JSON.parse(document.getElementById('evals-items').textContent);
  var app = document.getElementById('app');
  var SVG = 'http://www.w3.org/2000/svg';
  var PAGE_SIZE = 50;

  // ---- DOM helpers -------------------------------------------------------------------------
  function h(tag, attrs) {
    var el = document.createElement(tag);
    setAttrs(el, attrs);
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }
  function s(tag, attrs) {
    var el = document.createElementNS(SVG, tag);
    setAttrs(el, attrs);
    return el;
  }
  function setAttrs(el, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (key) {
      var value = attrs[key];
      if (value === undefined || value === null || value === false) return;
      if (key.slice(0, 2) === 'on') el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, String(value));
    });
  }
  function append(el, child) {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(el, c); });
    else if (typeof child === 'string' || typeof child === 'number') el.appendChild(document.createTextNode(String(child)));
    else el.appendChild(child);
  }
  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }

  // ---- formatting --------------------------------------------------------------------------
  function mean(x) { return typeof x === 'number' ? x.toFixed(2) : '–'; }
  function points(d) {
    var text = Math.abs(d * 100).toFixed(1);
    return text === '0.0' ? text : (d < 0 ? '\u2212' : '+') + text;
  }
  function pValue(p) { return p === null || p === undefined ? '–' : p < 0.001 ? '< 0.001' : p.toFixed(3); }
  function badge(text, kind) { return h('span', { class: 'badge' + (kind ? ' ' + kind : '') }, text); }

  var head = data.head;
  var base = data.base;
  var longTail = Object.keys(head.slices).filter(function (name) { return head.slices[name].longTail; });
  /** The overall row, then long-tail slices, then the rest: the order the gate reads them in. */
  var groups = [['all', head.summary]].concat(
    longTail.map(function (n) { return [n, head.slices[n]]; }),
    Object.keys(head.slices).filter(function (n) { return !head.slices[n].longTail; }).map(function (n) { return [n, head.slices[n]]; })
  );
  function baseGroup(name) {
    if (!base) return undefined;
    return name === 'all' ? base.summary : base.slices[name];
  }

  // ---- sections ------------------------------------------------------------------------------
  function renderSummary(el) {
    var pass = head.summary.metrics.pass;
    el.appendChild(h('h1', null, data.title));
    var verdict = data.gate ? badge(data.gate.passed ? 'gate passed' : 'gate FAILED', data.gate.passed ? 'pass' : 'fail') : badge('no baseline: nothing compared');
    el.appendChild(h('p', null,
      'suite ', h('b', null, data.suite), ' · candidate ', h('b', null, head.candidate), ' (' + data.candidate.kind + ')',
      base ? [' · base ', h('b', null, base.candidate)] : null, ' ', verdict));
    el.appendChild(h('p', { class: 'muted' },
      head.summary.n + ' items, ' + head.summary.errors + ' errors' + (pass ? ', pass rate ' + mean(pass.mean) + ' (95% CI ' + mean(pass.ci[0]) + '–' + mean(pass.ci[1]) + ')' : '')));
    if (data.gate && data.gate.failures.length) {
      el.appendChild(h('ul', { class: 'failures', id: 'gate-failures' }, data.gate.failures.map(function (f) { return h('li', null, '\u2717 ' + f.message); })));
    }
  }

  function renderSlices(el) {
    var metrics = Object.keys(head.summary.metrics);
    var chosen = metrics.indexOf('pass') >= 0 ? 'pass' : metrics[0];
    var select = h('select', { 'aria-label': 'metric', onchange: function () { chosen = select.value; draw(); } },
      metrics.map(function (m) { return h('option', { value: m, selected: m === chosen }, m); }));
    el.appendChild(h('div', { class: 'controls' }, h('label', null, 'metric ', select),
      h('span', { class: 'legend' }, h('span', null, h('i', { class: 'swatch head' }), head.candidate + ' (head)'),
        base ? h('span', null, h('i', { class: 'swatch base' }), base.candidate + ' (base)') : null,
        h('span', { class: 'muted' }, 'whiskers: 95% interval'))));
    var chart = h('div', { class: 'chart', id: 'slice-chart' });
    el.appendChild(chart);
    function draw() {
      clear(chart);
      groups.forEach(function (g) {
        var name = g[0];
        var bars = [];
        var b = baseGroup(name);
        if (b && b.metrics[chosen]) bars.push(['base', b.metrics[chosen]]);
        if (g[1].metrics[chosen]) bars.push(['head', g[1].metrics[chosen]]);
        if (!bars.length) return;
        var label = h('div', { class: 'chart-label', title: name }, name, ' ', h('span', { class: 'muted' }, '(' + g[1].n + ')'),
          g[1].longTail ? badge('long tail', 'tail') : null);
        chart.appendChild(h('div', { class: 'chart-row', 'data-slice': name }, label, barChart(bars)));
      });
    }
    draw();
  }

  /** Horizontal bars on a 0..1 scale, each with its 95% interval as a whisker and its mean as text. */
  function barChart(bars) {
    var W = 680, ROW = 18, LEFT = 0, SCALE = 520;
    var svg = s('svg', { viewBox: '0 0 ' + W + ' ' + bars.length * ROW, width: W, height: bars.length * ROW, role: 'img' });
    bars.forEach(function (bar, i) {
      var m = bar[1];
      var y = i * ROW;
      var x = function (v) { return LEFT + Math.max(0, Math.min(1, v)) * SCALE; };
      svg.appendChild(s('rect', { x: LEFT, y: y + 2, width: SCALE, height: ROW - 4, fill: '#f4f6f8' }));
      var rect = s('rect', { x: LEFT, y: y + 2, width: x(m.mean) - LEFT, height: ROW - 4, fill: bar[0] === 'head' ? '#2f6fdb' : '#9aa4af', class: 'bar bar-' + bar[0] });
      var title = s('title');
      title.textContent = bar[0] + ': ' + mean(m.mean) + ' (95% CI ' + mean(m.ci[0]) + '–' + mean(m.ci[1]) + ', n = ' + m.n + ')';
      rect.appendChild(title);
      svg.appendChild(rect);
      var mid = y + ROW / 2;
      svg.appendChild(s('line', { x1: x(m.ci[0]), x2: x(m.ci[1]), y1: mid, y2: mid, stroke: '#1b1f24', 'stroke-width': 1.5, class: 'ci' }));
      svg.appendChild(s('line', { x1: x(m.ci[0]), x2: x(m.ci[0]), y1: mid - 4, y2: mid + 4, stroke: '#1b1f24', 'stroke-width': 1.5 }));
      svg.appendChild(s('line', { x1: x(m.ci[1]), x2: x(m.ci[1]), y1: mid - 4, y2: mid + 4, stroke: '#1b1f24', 'stroke-width': 1.5 }));
      var text = s('text', { x: SCALE + 8, y: mid + 4, 'font-size': 12, fill: '#1b1f24' });
      text.textContent = mean(m.mean) + ' [' + mean(m.ci[0]) + ', ' + mean(m.ci[1]) + ']';
      svg.appendChild(text);
    });
    return svg;
  }

  function renderGate(el) {
    var gate = data.gate;
    var all = false;
    var toggle = h('input', { type: 'checkbox', onchange: function () { all = toggle.checked; draw(); } });
    el.appendChild(h('p', { class: 'muted' },
      'Items paired by id; a gated row fails when its drop exceeds the tolerance and is significant in the family (alpha ' + gate.alpha +
      ', adjusted p). Detectable drop: the smallest drop this row catches with ' + Math.round(gate.power * 100) + '% power.'));
    el.appendChild(h('div', { class: 'controls' }, h('label', null, toggle, ' show metrics that are not gated')));
    var table = h('table', { id: 'gate-table' });
    el.appendChild(table);
    if (gate.notes.length) el.appendChild(h('ul', { class: 'failures muted' }, gate.notes.map(function (n) { return h('li', null, n); })));
    function draw() {
      clear(table);
      table.appendChild(h('thead', null, h('tr', null, ['slice', 'metric', 'n', 'base', 'head', 'change (points)', '95% CI', 'p adj.', 'detectable drop', 'verdict'].map(function (c, i) {
        return h('th', { class: i >= 2 && i <= 8 ? 'num' : null }, c);
      }))));
      var body = h('tbody');
      gate.rows.filter(function (r) { return all || r.gated; }).forEach(function (r) {
        body.appendChild(h('tr', { 'data-verdict': r.verdict, title: r.message || null },
          h('td', null, r.slice, r.longTail ? badge('long tail', 'tail') : null),
          h('td', null, r.metric),
          h('td', { class: 'num' }, r.n),
          h('td', { class: 'num' }, mean(r.meanBase)),
          h('td', { class: 'num' }, mean(r.meanHead)),
          h('td', { class: 'num' }, points(r.diff)),
          h('td', { class: 'num' }, points(r.interval[0]) + ' to ' + points(r.interval[1])),
          h('td', { class: 'num' }, pValue(r.pAdjusted)),
          h('td', { class: 'num' }, r.minDetectableDrop === null ? '–' : (r.minDetectableDrop * 100).toFixed(1) + ' pts'),
          h('td', null, badge(r.verdict, r.verdict === 'fail' ? 'fail' : r.verdict === 'pass' ? 'pass' : null))));
      });
      table.appendChild(body);
    }
    draw();
  }

  // ---- items ---------------------------------------------------------------------------------
  var filters = { text: '', slice: '', failed: false, regressed: false, errored: false, manipulation: false };
  var haystacks = null;
  function haystack(item) {
    var parts = [item.id, item.head.failures.join('\n')];
    if (item.head.answer) parts.push(item.head.answer.text);
    if (typeof item.input === 'string') parts.push(item.input);
    else if (item.input) item.input.forEach(function (m) { parts.push(m.content); });
    return parts.join('\n').toLowerCase();
  }
  function matches(item, i) {
    if (filters.slice && item.slices.indexOf(filters.slice) < 0) return false;
    if (filters.failed && item.head.pass) return false;
    if (filters.regressed && !item.drops) return false;
    if (filters.errored && !item.head.error) return false;
    if (filters.manipulation && !item.manipulation) return false;
    if (filters.text) {
      if (!haystacks) haystacks = data.items.map(haystack);
      if (haystacks[i].indexOf(filters.text) < 0) return false;
    }
    return true;
  }

  function renderItems(el) {
    var page = 0;
    var shown = [];
    var selected = null;
    var search = h('input', { type: 'search', placeholder: 'search id, answer, input, failure', 'aria-label': 'search items', oninput: function () { filters.text = search.value.toLowerCase(); refilter(); } });
    var sliceNames = Object.keys(head.slices);
    var slice = h('select', { 'aria-label': 'slice', id: 'filter-slice', onchange: function () { filters.slice = slice.value; refilter(); } },
      h('option', { value: '' }, 'all slices'), sliceNames.map(function (n) { return h('option', { value: n }, n); }));
    function flag(key, label) {
      var box = h('input', { type: 'checkbox', id: 'filter-' + key, onchange: function () { filters[key] = box.checked; refilter(); } });
      return h('label', null, box, ' ' + label);
    }
    el.appendChild(h('div', { class: 'controls' }, search, slice, flag('failed', 'failed'),
      base ? flag('regressed', 'regressed') : null, flag('errored', 'errored'), flag('manipulation', 'judge-manipulation flag')));
    var count = h('span', { id: 'item-count' });
    var prev = h('button', { type: 'button', onclick: function () { if (page > 0) { page--; draw(); } } }, '‹ prev');
    var next = h('button', { type: 'button', onclick: function () { if ((page + 1) * PAGE_SIZE < shown.length) { page++; draw(); } } }, 'next ›');
    var where = h('span', { class: 'muted' });
    el.appendChild(h('div', { class: 'pager' }, count, prev, where, next));
    var table = h('table', { id: 'item-table' });
    el.appendChild(table);
    var detail = h('div', { id: 'detail', hidden: true });
    el.appendChild(detail);

    function refilter() {
      shown = [];
      data.items.forEach(function (item, i) { if (matches(item, i)) shown.push(item); });
      page = 0;
      draw();
    }
    function draw() {
      count.textContent = shown.length + ' of ' + data.items.length + ' items';
      var pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
      where.textContent = 'page ' + (page + 1) + ' of ' + pages;
      prev.disabled = page === 0;
      next.disabled = page + 1 >= pages;
      clear(table);
      table.appendChild(h('thead', null, h('tr', null, h('th', null, 'id'), h('th', null, 'slices'), h('th', null, 'head'),
        base ? h('th', null, 'base') : null, base ? h('th', null, 'dropped') : null, h('th', null, 'why it fails'))));
      var body = h('tbody');
      shown.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).forEach(function (item) {
        var row = h('tr', { class: 'clickable' + (item === selected ? ' selected' : ''), 'data-id': item.id, tabindex: 0,
          onclick: function () { select(item); }, onkeydown: function (e) { if (e.key === 'Enter') select(item); } },
          h('td', null, item.id, item.manipulation ? badge('judge-manipulation', 'warn') : null),
          h('td', null, item.slices.join(', ')),
          h('td', null, passBadge(item.head)),
          base ? h('td', null, item.base ? passBadge(item.base) : '–') : null,
          base ? h('td', null, item.drops ? item.drops.map(function (d) { return d.metric + ' ' + mean(d.base) + '→' + mean(d.head); }).join('; ') : '') : null,
          h('td', { class: 'cell-ellipsis', title: item.head.failures.join('\n') }, item.head.failures[0] || ''));
        body.appendChild(row);
      });
      table.appendChild(body);
    }
    function select(item) {
      selected = item;
      draw();
      renderDetail(detail, item);
      detail.hidden = false;
      history.replaceState(null, '', '#item=' + encodeURIComponent(item.id));
      detail.scrollIntoView({ block: 'nearest' });
    }
    refilter();
    var wanted = /^#item=(.*)$/.exec(location.hash);
    if (wanted) {
      var id = decodeURIComponent(wanted[1]);
      data.items.forEach(function (item) { if (item.id === id) select(item); });
    }
  }

  function passBadge(side) {
    if (side.error) return badge('error: ' + side.error.kind, 'warn');
    return badge(side.pass ? 'pass' : 'fail', side.pass ? 'pass' : 'fail');
  }

  // ---- item detail ---------------------------------------------------------------------------
  function renderDetail(el, item) {
    clear(el);
    el.appendChild(h('h3', null, item.id, ' ', h('span', { class: 'muted' }, item.slices.join(', ')), item.manipulation ? badge('judge-manipulation', 'warn') : null));
    if (item.input !== undefined) {
      el.appendChild(h('h3', null, 'Input'));
      if (typeof item.input === 'string') el.appendChild(h('pre', { class: 'text' }, item.input));
      else item.input.forEach(function (m) { el.appendChild(h('pre', { class: 'text' }, m.role + ': ' + m.content)); });
    } else {
      el.appendChild(h('p', { class: 'muted' }, 'The input is not in this report (it is written by evals run, which reads the golden set).'));
    }
    if (item.reference !== undefined) el.appendChild(h('div', null, h('h3', null, 'Reference'), h('pre', { class: 'text' }, item.reference)));
    el.appendChild(h('h3', null, 'Answers'));
    var cols = h('div', { class: 'cols' + (item.base ? '' : ' one') });
    if (item.base) cols.appendChild(sideView('base: ' + base.candidate, item.base));
    cols.appendChild(sideView('head: ' + head.candidate, item.head));
    el.appendChild(cols);
    el.appendChild(sourcesView(item));
    if (item.head.checks && item.head.checks.length) {
      el.appendChild(h('h3', null, 'Checks (head)'));
      el.appendChild(h('table', null, h('thead', null, h('tr', null, h('th', null, 'check'), h('th', null, 'verdict'), h('th', { class: 'num' }, 'score'), h('th', null, 'reason'))),
        h('tbody', null, item.head.checks.map(function (c) {
          return h('tr', null, h('td', null, c.name), h('td', null, badge(c.pass ? 'pass' : 'fail', c.pass ? 'pass' : 'fail')), h('td', { class: 'num' }, mean(c.score)), h('td', null, c.reason || ''));
        }))));
    }
    if (item.head.judgments && item.head.judgments.length) {
      el.appendChild(h('h3', null, 'Judges (head)'));
      item.head.judgments.forEach(function (j) {
        var details = j.details ? Object.keys(j.details).map(function (k) { return k + ' ' + mean(j.details[k]); }).join(' · ') : '';
        el.appendChild(h('div', { class: 'judgment' },
          h('p', null, h('b', null, j.metric), ' by ', j.judges.join(', '), ' ', j.error ? badge('judge error', 'warn') : badge(j.pass ? 'pass' : 'fail', j.pass ? 'pass' : 'fail'),
            ' score ' + mean(j.score), details ? h('span', { class: 'muted' }, ' · ' + details) : null),
          j.error ? h('pre', { class: 'text' }, j.error) : null,
          j.reason ? h('pre', { class: 'text' }, j.reason) : null,
          j.notes && j.notes.length ? h('ul', { class: 'failures' }, j.notes.map(function (n) { return h('li', null, 'unsupported: ' + n); })) : null));
      });
    }
  }

  function sideView(title, side) {
    return h('div', null,
      h('p', null, h('b', null, title), ' ', passBadge(side)),
      side.answer ? h('pre', { class: 'text' }, side.answer.text) : h('p', { class: 'muted' }, 'no answer recorded'),
      side.failures.length ? h('ul', { class: 'failures' }, side.failures.map(function (f) { return h('li', null, f); })) : null);
  }

  /** Gold vs retrieved vs cited: a gold page never retrieved, or a citation of a page not retrieved, stands out. */
  function sourcesView(item) {
    var headAnswer = item.head.answer || {};
    var baseAnswer = (item.base && item.base.answer) || {};
    var gold = item.gold || [];
    var retrieved = headAnswer.retrieved || [];
    var cited = headAnswer.citations || [];
    var baseCited = baseAnswer.citations || [];
    var ids = [];
    [gold, retrieved, cited, baseCited].forEach(function (list) { list.forEach(function (id) { if (ids.indexOf(id) < 0) ids.push(id); }); });
    if (!ids.length) return h('p', { class: 'muted' }, 'No sources: the item names none and the answers cite none.');
    var yes = function (list, id) { return list.indexOf(id) >= 0 ? '✓' : ''; };
    return h('div', null, h('h3', null, 'Sources'),
      h('table', { class: 'sources' }, h('thead', null, h('tr', null, h('th', null, 'source'), h('th', null, 'gold'), h('th', null, 'retrieved (head)'),
        h('th', null, 'cited (head)'), item.base ? h('th', null, 'cited (base)') : null, h('th', null, ''))),
      h('tbody', null, ids.map(function (id) {
        var note = '', cls = '';
        if (cited.indexOf(id) >= 0 && headAnswer.retrieved && retrieved.indexOf(id) < 0) { note = 'cited, never retrieved'; cls = 'src-unsupported'; }
        else if (gold.indexOf(id) >= 0 && cited.indexOf(id) >= 0) { note = 'gold and cited'; cls = 'src-good'; }
        else if (gold.indexOf(id) >= 0 && headAnswer.retrieved && retrieved.indexOf(id) < 0) { note = 'gold, missed by retrieval'; cls = 'src-missed'; }
        else if (gold.indexOf(id) >= 0) { note = 'gold, not cited'; cls = 'src-missed'; }
        else if (cited.indexOf(id) >= 0) { note = 'cited, not gold'; }
        return h('tr', { class: cls }, h('td', null, id), h('td', null, yes(gold, id)), h('td', null, yes(retrieved, id)), h('td', null, yes(cited, id)),
          item.base ? h('td', null, yes(baseCited, id)) : null, h('td', null, note));
      }))));
  }

  // ---- the page ------------------------------------------------------------------------------
  /**
   * The sections in page order. A new view (a decision matrix, a history trend) is one entry:
   * `when` says whether the data holds it, `render` draws it into its own <section>.
   */
  var SECTIONS = [
    { id: 'summary', title: null, when: function () { return true; }, render: renderSummary },
    { id: 'slices', title: 'Slices', when: function () { return true; }, render: renderSlices },
    { id: 'gate', title: 'Gate: base vs head', when: function (d) { return !!d.gate; }, render: renderGate },
    { id: 'items', title: 'Items', when: function () { return true; }, render: renderItems },
  ];

  /** One chunk of items: base64 of gzip'd JSON (src/reports/html/embed.ts), inflated by the browser. */
  function inflate(b64) {
    var bin = atob(b64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text().then(JSON.parse);
  }

  function start() {
    document.title = data.title + ' · evals';
    var present = SECTIONS.filter(function (section) { return section.when(data); });
    app.appendChild(h('nav', null, present.filter(function (x) { return x.title; }).map(function (x) { return h('a', { href: '#' + x.id }, x.title); })));
    present.forEach(function (section) {
      var el = h('section', { id: section.id });
      if (section.title) el.appendChild(h('h2', null, section.title));
      app.appendChild(el);
      section.render(el);
    });
  }

  Promise.all(chunks.map(inflate)).then(function (parts) {
    data.items = [];
    parts.forEach(function (part) { for (var i = 0; i < part.length; i++) data.items.push(part[i]); });
    start();
  }).catch(function (err) {
    app.appendChild(h('p', null, 'This browser could not read the report\'s items (it needs DecompressionStream): ' + String(err)));
    throw err;
  });
})();
