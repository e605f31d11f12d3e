"use strict";
// The claimgraph view: vis-network drawing, filters, search and the side panel.
// Text goes in with textContent and SVG is built with DOM methods: nothing here parses markup.
(function () {
  const P = JSON.parse(document.getElementById("cg-data").textContent);
  const D = P.data;
  const SVG = "http://www.w3.org/2000/svg";
  const BIG = P.nodes.length > 3000 || P.edges.length > 8000;
  const byKey = new Map();
  for (const n of P.nodes) byKey.set(n.meta.key, n.id);
  const EDGE_LABEL = {};
  for (const item of document.querySelectorAll("[data-edge]")) EDGE_LABEL[item.dataset.edge] = item.textContent.trim();
  // edges come as [from, to, kind index, claim count]; source links are "lazy" (shown for the selected node
  // only) when there are too many to draw at once
  const LAZY = new Set(P.lazyKinds);
  const edgeList = P.edges.map((a, i) => {
    const kind = P.edgeKinds[a[2]];
    return Object.assign({ id: i, from: a[0], to: a[1], kind, lazy: LAZY.has(kind),
                           title: (EDGE_LABEL[kind] || kind) + (a[3] > 1 ? " (" + a[3] + " claims)" : "") },
                         P.edgeStyles[kind]);
  });
  // Groups, claims and checks are drawn as a glyph (the status shape) with the label to its right: compact rows.
  const FACE = "Arial, 'Liberation Sans', Helvetica, 'DejaVu Sans Condensed', sans-serif";
  const FONT = "12px " + FACE;
  const LINE = 15, CHAR_W = 7.0;  // the layout's estimate of a character's width, in claimgraph/view/layout.py
  const GLYPHS = new Set(["dot", "star", "diamond", "square", "triangle", "triangleDown", "hexagon"]);
  const measure = document.createElement("canvas").getContext("2d");
  measure.font = FONT;
  let network = null;
  function glyphPath(ctx, shape, x, y, r) {
    ctx.beginPath();
    if (shape === "dot") { ctx.arc(x, y, r, 0, 2 * Math.PI); return; }
    if (shape === "square") { ctx.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8); return; }
    let pts;
    if (shape === "diamond") pts = [[0, -1.15], [1.15, 0], [0, 1.15], [-1.15, 0]];
    else if (shape === "triangle") pts = [[0, -1.1], [1.05, 0.8], [-1.05, 0.8]];
    else if (shape === "triangleDown") pts = [[-1.05, -0.8], [1.05, -0.8], [0, 1.1]];
    else if (shape === "hexagon") pts = [0, 1, 2, 3, 4, 5].map((k) => [Math.cos(k * Math.PI / 3), Math.sin(k * Math.PI / 3)]);
    else pts = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => { const a = -Math.PI / 2 + k * Math.PI / 5, q = k % 2 ? 0.45 : 1.2;
                                                          return [q * Math.cos(a), q * Math.sin(a)]; });
    pts.forEach(([px, py], k) => (k ? ctx.lineTo(x + px * r, y + py * r) : ctx.moveTo(x + px * r, y + py * r)));
    ctx.closePath();
  }
  // A glyph node's text lives in node.text, not node.label: vis-network would otherwise reserve room for a label
  // under the node (in its bounding box) that is never drawn there.
  const TEXT = new Map();
  function glyph(st, emphasis) {
    const fill = st.color.background, stroke = st.color.border, dashes = st.shapeProperties ? st.shapeProperties.borderDashes : null;
    return ({ ctx, id, x, y, state, style }) => {
      const lines = TEXT.get(id) || [""];
      const r = style.size || 8;
      ctx.font = FONT;
      const tw = Math.max(...lines.map((l) => ctx.measureText(l).width));
      const w = 2 * r + 6 + tw, h = Math.max(2 * r, lines.length * LINE);
      return {
        drawNode() {
          const left = x - w / 2;
          if (state.selected || state.hover) {
            ctx.fillStyle = state.selected ? "rgba(255, 214, 80, 0.55)" : "rgba(200, 200, 200, 0.45)";
            ctx.fillRect(left - 3, y - h / 2 - 2, w + 6, h + 4);
          }
          const scale = network ? network.getScale() : 1;
          // zoomed far out, groups keep a few pixels on screen so that the statuses still show as a map
          const drawn = scale < 0.35 && emphasis ? Math.max(r, Math.min(3.5 / scale, 4 * r)) : r;
          glyphPath(ctx, st.shape, left + r, y, drawn);
          ctx.fillStyle = fill;
          ctx.fill();
          if (scale >= 0.35 || state.selected) {  // zoomed far out, the fill alone shows the status
            ctx.lineWidth = state.selected ? 2.5 : 1.3;
            ctx.strokeStyle = state.selected ? "#000000" : stroke;
            if (dashes) ctx.setLineDash(dashes);
            ctx.stroke();
            ctx.setLineDash([]);
          }
          if (scale * 12 < 3.5) return;
          ctx.fillStyle = "#1a1a1a";
          ctx.textBaseline = "middle";
          ctx.textAlign = "left";
          lines.forEach((l, i) => ctx.fillText(l, left + 2 * r + 6, y + (i - (lines.length - 1) / 2) * LINE));
        },
        nodeDimensions: { width: w, height: h },
      };
    };
  }
  const groups = {};
  for (const [kind, st] of Object.entries(P.nodeStyles)) {
    groups[kind] = GLYPHS.has(st.shape)
      ? Object.assign({}, st, { shape: "custom", ctxRenderer: glyph(st, kind.startsWith("group:")) }) : st;
  }
  for (const n of P.nodes) {
    if (groups[n.group] && groups[n.group].shape === "custom") {
      n.text = n.label;
      TEXT.set(n.id, String(n.label || "").split("\n"));
      delete n.label;
    }
  }
  const labelOf = (n) => (n.text !== undefined ? n.text : n.label || "");
  // The layout estimated label widths at CHAR_W per character; where this browser's font is wider, spread the
  // columns by the same factor so that labels still do not overlap.
  let spread = 1;
  for (const n of P.nodes) {
    for (const line of String(labelOf(n)).split("\n")) {
      if (line.length > 3) spread = Math.max(spread, measure.measureText(line).width / (line.length * CHAR_W));
    }
  }
  spread = Math.min(spread, 1.8);
  if (spread > 1.001) for (const n of P.nodes) n.x = n.x * spread;
  const nodes = new vis.DataSet(P.nodes);
  const edges = new vis.DataSet(edgeList);
  const adj = new Map();
  for (const e of edgeList) {
    if (!adj.has(e.from)) adj.set(e.from, []);
    if (!adj.has(e.to)) adj.set(e.to, []);
    adj.get(e.from).push(e.to);
    adj.get(e.to).push(e.from);
  }
  const hasLazy = edgeList.some((e) => e.lazy);
  const state = { company: P.focus.company, metric: P.focus.metric, period: "", status: "", search: "",
                  allSources: !hasLazy, selected: null, visible: null };

  const CORE = (kind) => kind.startsWith("group:") || kind.startsWith("claim") || kind.startsWith("check:");
  const SOURCE = new Set(["article", "person", "organization", "software_agent", "publisher"]);
  const hay = (n) => (labelOf(n) + " " + (n.title || "") + " " + n.meta.company + " " + n.meta.metric).toLowerCase();

  function computeVisible() {
    const filtering = state.company || state.metric || state.period || state.status;
    if (!filtering && !state.search) return null;
    const core = new Set();
    for (const n of P.nodes) {
      const m = n.meta;
      if (CORE(n.group)) {
        if (state.company && m.company !== state.company) continue;
        if (state.metric && m.metric !== state.metric) continue;
        if (state.period && m.period !== state.period) continue;
        if (state.status && !m.tags.includes(state.status)) continue;
        if (state.search && !hay(n).includes(state.search)) continue;
        core.add(n.id);
      } else if (state.search && !filtering && hay(n).includes(state.search)) {
        core.add(n.id);
      }
    }
    const out = new Set(core);
    const columns = new Set();
    for (const id of core) {
      const n = nodes.get(id);
      if (n.meta.column) columns.add(n.meta.column);
      for (const other of adj.get(id) || []) {
        const k = nodes.get(other).group;
        if (k === "company" || k === "metric" || SOURCE.has(k) || (!filtering && CORE(k))) out.add(other);
      }
    }
    for (const id of Array.from(out)) {
      if (nodes.get(id).group !== "article") continue;
      for (const other of adj.get(id) || []) if (SOURCE.has(nodes.get(other).group)) out.add(other);
    }
    for (const n of P.nodes) if (n.group === "period" && columns.has(n.meta.column)) out.add(n.id);
    return out;
  }

  const nodeView = new vis.DataView(nodes, { filter: (n) => state.visible === null || state.visible.has(n.id) });
  const edgeView = new vis.DataView(edges, { filter: (e) => {
    if (state.visible !== null && !(state.visible.has(e.from) && state.visible.has(e.to))) return false;
    return !e.lazy || state.allSources || e.from === state.selected || e.to === state.selected;
  } });
  const options = {
    groups,
    layout: { improvedLayout: false },
    physics: P.physics ? { solver: "forceAtlas2Based", stabilization: { iterations: 300, fit: true },
                           forceAtlas2Based: { gravitationalConstant: -70, springLength: 120 } } : false,
    interaction: { hover: !BIG, tooltipDelay: 150, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG, multiselect: false },
    edges: { smooth: false, selectionWidth: 1.5 },
    nodes: { font: { size: 12, face: FACE }, margin: 6 },
  };
  const container = document.getElementById("graph");
  network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);

  function fit(ids) {
    network.fit(ids && ids.length ? { nodes: ids, animation: false } : { animation: false });
    network.moveTo({ scale: network.getScale() * 0.94, animation: false });
  }
  function settle() {
    fit();
    network.once("afterDrawing", () => {
      document.body.dataset.loadMs = String(Math.round(performance.now()));
      document.body.dataset.settled = "1";
    });
    network.redraw();
  }
  if (P.physics) {
    network.once("stabilizationIterationsDone", () => { network.setOptions({ physics: false }); settle(); });
  } else {
    settle();
  }

  function refresh() {
    state.visible = computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    document.getElementById("counts").textContent = nodeView.length + " nodes \u00b7 " + edgeView.length + " edges";
    showResults();
    if (state.visible !== null && state.visible.size) fit(Array.from(state.visible));
    else if (state.visible === null) fit();
  }

  function showResults() {
    const box = document.getElementById("results-box");
    const list = document.getElementById("results");
    list.replaceChildren();
    if (state.visible === null) { box.hidden = true; return; }
    const groups = nodeView.get({ filter: (n) => n.group.startsWith("group:") });
    document.getElementById("results-count").textContent = "(" + groups.length + ")";
    for (const n of groups.slice(0, 300)) {
      const g = D.groups[n.meta.group];
      const li = el("li", null, g.company + " \u00b7 " + g.metric + " \u00b7 " + g.period + " \u2014 " +
                    labelOf(n).replace(/\n/g, " "));
      li.dataset.node = String(n.id);
      li.addEventListener("click", () => select(n.id, true));
      list.appendChild(li);
    }
    box.hidden = false;
  }

  for (const sel of document.querySelectorAll("#filters select")) {
    const key = sel.dataset.key;
    if (state[key]) sel.value = state[key];
    sel.addEventListener("change", () => { state[key] = sel.value; refresh(); });
  }
  document.getElementById("search").addEventListener("input", (ev) => {
    state.search = ev.target.value.trim().toLowerCase();
    refresh();
  });
  const links = document.getElementById("source-links");
  links.checked = state.allSources;
  links.addEventListener("change", () => { state.allSources = links.checked; edgeView.refresh(); });
  document.getElementById("fit").addEventListener("click", () => fit(state.visible ? Array.from(state.visible) : null));

  // --- the side panel ------------------------------------------------------------------------------------
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function kv(rows) {
    const t = el("table", "kv");
    for (const [k, v] of rows) {
      if (v === undefined || v === null || v === "") continue;
      const tr = el("tr");
      tr.appendChild(el("td", null, k));
      tr.appendChild(el("td", null, v));
      t.appendChild(tr);
    }
    return t;
  }
  function sourceName(i) { return D.sources[i] ? D.sources[i].title : "unknown source"; }
  function authors(s) { return s.authors.map((a) => a.name + (a.kind === "software_agent" ? " (AI writing agent)" : a.kind === "organization" ? " (organisation)" : "")).join(", "); }
  function linkItem(text, nodeId) {
    const li = el("li", null, text);
    li.addEventListener("click", () => select(nodeId, true));
    return li;
  }

  // the unit in words where the formatted value does not show it already (currency codes, counts)
  function unitNote(g) { return g && g.unit && !["percent", "pp", "W", "x"].includes(g.unit) ? " (" + g.unit + ")" : ""; }
  function claimCard(ci, g, focus) {
    const c = D.claims[ci];
    const s = D.sources[c.src] || { title: "unknown", authors: [] };
    const dissent = g && !c.superseded && g.support_claims.length && !g.support_claims.includes(ci);
    const card = el("div", "claim" + (c.superseded ? " superseded" : "") + (dissent ? " dissent" : "") + (focus ? " focus" : ""));
    card.dataset.claim = String(ci);
    const head = el("div");
    head.appendChild(el("span", "value", c.value + unitNote(g)));
    head.appendChild(el("span", "stated", " \u00b7 as stated: \u201c" + c.stated + "\u201d"));
    if (c.superseded) head.appendChild(el("span", "badge unresolved", "superseded"));
    if (dissent) head.appendChild(el("span", "badge conflict", "dissent"));
    card.appendChild(head);
    card.appendChild(kv([["Source", s.title], ["Author", authors(s) || "unknown"], ["Publisher", s.publisher || "unknown"],
                         ["Date", s.published || "unknown"], ["Modality", c.modality], ["Period", c.period || (g ? g.period : "")]]));
    card.appendChild(el("blockquote", null, "\u201c" + c.quote + "\u201d"));
    return card;
  }

  function groupPanel(gi, focusClaim) {
    const g = D.groups[gi];
    const body = [];
    const badges = el("div");
    badges.appendChild(el("span", "badge " + g.status, g.status.replace("_", " ")));
    if (g.undecided) { badges.appendChild(document.createTextNode(" ")); badges.appendChild(el("span", "badge undecided", "undecided")); }
    body.push(badges);
    if (g.undecided) {
      body.push(el("div", "resolved", "Resolved value: undecided"));
      const sides = g.sides.map((side) => Array.from(new Set(side.map((ci) => D.claims[ci].value))).join(" / ") +
        " (" + new Set(side.map((ci) => D.claims[ci].src)).size + " sources)");
      body.push(el("p", null, "No value wins: " + sides.join(" against ") + "."));
    } else {
      body.push(el("div", "resolved", "Resolved value: " + (g.resolved || "n/a") + unitNote(g)));
    }
    const count = (k) => k + (k === 1 ? " source: " : " sources: ");
    body.push(kv([["Interval", g.resolved_range], ["Support", g.support.length ? count(g.support.length) + g.support.map(sourceName).join("; ") : "none"],
                  ["Dissent", g.dissent.length ? count(g.dissent.length) + g.dissent.map(sourceName).join("; ") : "none"],
                  ["Measure", g.measure_label || "level"], ["Modality", g.modality_class], ["Reason", g.reason]]));
    if (g.series !== undefined) {
      body.push(el("h3", null, "Timeline: " + D.series[g.series].label));
      body.push(chart(g.series, gi));
    }
    if (g.revisions.length) {
      body.push(el("h3", null, "Revisions"));
      for (const r of g.revisions) {
        const cur = D.claims[r.current], old = D.claims[r.revises];
        const box = el("div", "rev-box");
        box.appendChild(el("span", "old", old.value));
        box.appendChild(el("span", null, " (" + old.stated + "; " + sourceName(old.src) + ", " + old.modality + ") \u2192 "));
        box.appendChild(el("strong", null, cur.value));
        box.appendChild(el("span", null, " (" + cur.stated + "; " + sourceName(cur.src) + ", " + cur.modality + ")"));
        body.push(box);
      }
    }
    body.push(el("h3", null, "Claims (" + g.claims.length + ")"));
    const order = g.claims.slice().sort((a, b) => (D.claims[a].superseded ? 1 : 0) - (D.claims[b].superseded ? 1 : 0));
    for (const ci of order) body.push(claimCard(ci, g, ci === focusClaim));
    const title = g.company + " \u00b7 " + g.metric + (g.measure_label ? " (" + g.measure_label + ")" : "") + " \u00b7 " + g.period;
    return [title, g.kind.replace("group:", "group: "), body];
  }

  function chart(si, current) {
    const s = D.series[si];
    const W = 360, H = 180, L = 70, R = 12, T = 12, B = 38;
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    svg.setAttribute("class", "chart");
    svg.setAttribute("role", "img");
    const add = (tag, attrs, parent, text) => {
      const e = document.createElementNS(SVG, tag);
      for (const k in attrs) e.setAttribute(k, String(attrs[k]));
      if (text !== undefined) e.textContent = text;
      (parent || svg).appendChild(e);
      return e;
    };
    const n = s.groups.length, pw = W - L - R, ph = H - T - B;
    const x = (i) => L + (n === 1 ? pw / 2 : (i * pw) / (n - 1));
    if (!s.ticks.length) return svg;
    const lo = s.ticks[0][0], hi = s.ticks[s.ticks.length - 1][0];
    const y = (v) => T + ph - ((v - lo) / (hi - lo || 1)) * ph;
    const ci = s.groups.indexOf(current);
    const band = Math.min(n === 1 ? pw / 2 : (pw / (n - 1)) * 0.7, 48);
    if (ci >= 0) add("rect", { x: x(ci) - band / 2, y: T, width: band, height: ph, class: "current" });
    add("line", { x1: L, y1: T, x2: L, y2: T + ph, class: "axis" });
    add("line", { x1: L, y1: T + ph, x2: W - R, y2: T + ph, class: "axis" });
    for (const [v, label] of s.ticks) {
      add("line", { x1: L - 3, y1: y(v), x2: L, y2: y(v), class: "axis" });
      add("text", { x: L - 5, y: y(v) + 3, "text-anchor": "end" }, null, label);
    }
    const step = Math.ceil(n / 4);
    const spacing = n === 1 ? pw / 2 : pw / (n - 1);
    const points = [];
    s.groups.forEach((gi, i) => {
      const g = D.groups[gi];
      if (i % step === 0 ? (n - 1 - i >= step / 2 || i === n - 1) : i === n - 1) {
        const anchor = n === 1 ? "middle" : i === 0 ? "start" : i === n - 1 ? "end" : "middle";
        add("text", { x: x(i), y: H - B + 14, "text-anchor": anchor }, null, g.period);
      }
      if (g.y !== null && g.y !== undefined) points.push(x(i).toFixed(1) + "," + y(g.y).toFixed(1));
      const seen = new Set();
      // one mark per source and value: a source that revised its figure has a mark for each
      const marks = g.claims.filter((c) => { const k = D.claims[c].src + "\u0000" + D.claims[c].value;
                                             if (seen.has(k)) return false; seen.add(k); return true; });
      marks.forEach((c, k) => {
        const cl = D.claims[c];
        if (cl.y === null || cl.y === undefined) return;
        const dx = (k - (marks.length - 1) / 2) * Math.min(5, (0.6 * spacing) / marks.length);
        const colour = cl.superseded ? "#999999" : (g.support_claims.length && !g.support_claims.includes(c)) ? "#D55E00" : "#0072B2";
        if (cl.lo !== undefined && cl.hi !== undefined && cl.lo !== null && cl.hi !== null && cl.hi > cl.lo) {
          add("line", { x1: x(i) + dx, y1: y(Math.max(cl.lo, lo)), x2: x(i) + dx, y2: y(Math.min(cl.hi, hi)), stroke: colour, "stroke-width": 1.5, "stroke-opacity": 0.6 });
        }
        const mark = add("circle", { cx: x(i) + dx, cy: y(cl.y), r: 3.5, fill: cl.superseded ? "#ffffff" : colour, stroke: colour, "stroke-width": 1.2 });
        mark.dataset.claim = String(c);
        add("title", {}, mark, g.period + ": " + cl.value + " \u2014 " + sourceName(cl.src) + (cl.superseded ? " (superseded)" : ""));
      });
    });
    if (points.length > 1) add("polyline", { points: points.join(" "), class: "resolved-line" });
    add("text", { x: L, y: H - 6 }, null, "one mark per source; line: resolved value");
    return svg;
  }

  function sourceClaims(si) {
    if (!sourceClaims.index) {
      sourceClaims.index = new Map();
      D.groups.forEach((g, gi) => g.claims.forEach((c) => {
        const src = D.claims[c].src;
        if (!sourceClaims.index.has(src)) sourceClaims.index.set(src, []);
        sourceClaims.index.get(src).push([c, gi]);
      }));
    }
    return sourceClaims.index.get(si) || [];
  }

  function otherPanel(n) {
    const m = n.meta, body = [];
    if (m.source !== undefined) {
      const s = D.sources[m.source];
      body.push(kv([["Title", s.title], ["Authors", authors(s) || "unknown"], ["Publisher", s.publisher || "unknown"],
                    ["Published", s.published || "unknown"], ["URL", s.url], ["Trust", s.trust]]));
      const list = el("ol", "linklist");
      for (const [c, gi] of sourceClaims(m.source).slice(0, 500)) {
        const g = D.groups[gi];
        list.appendChild(linkItem(D.claims[c].value + " \u00b7 " + g.metric + " \u00b7 " + g.period + " (" + g.status + ")", byKey.get(g.id)));
      }
      body.push(el("h3", null, "Claims (" + sourceClaims(m.source).length + ")"));
      body.push(list);
      return [s.title, n.group, body];
    }
    if (m.explanation) {
      body.push(kv([["Arithmetic", m.explanation]]));
    }
    const list = el("ul", "linklist");
    for (const other of adj.get(n.id) || []) {
      const o = nodes.get(other);
      if (o.group === "period") continue;
      list.appendChild(linkItem(labelOf(o).replace(/\n/g, " ") + " (" + o.group + ")", o.id));
    }
    if (n.group === "period") {
      for (const o of P.nodes) if (o.group.startsWith("group:") && o.meta.column === m.column) {
        const g = D.groups[o.meta.group];
        list.appendChild(linkItem(g.company + " \u00b7 " + g.metric + " \u2014 " + labelOf(o).replace(/\n/g, " "), o.id));
      }
    }
    body.push(el("h3", null, "Linked"));
    body.push(list);
    return [labelOf(n).replace(/\n/g, " "), n.group, body];
  }

  function showPanel(id) {
    const n = nodes.get(id);
    if (!n) return;
    const m = n.meta;
    const [title, hint, body] = m.group !== undefined ? groupPanel(m.group, m.claim) : otherPanel(n);
    document.getElementById("panel-title").textContent = title;
    document.getElementById("panel-hint").textContent = hint;
    document.getElementById("panel-body").replaceChildren(...body);
    const focus = document.querySelector("#panel-body .claim.focus");
    if (focus) focus.scrollIntoView({ block: "nearest" });
    document.body.dataset.panel = m.key;
  }

  function select(id, focus) {
    state.selected = id;
    if (!state.allSources) edgeView.refresh();
    if (nodeView.get(id)) {
      network.selectNodes([id]);
      if (focus) network.focus(id, { scale: Math.max(network.getScale(), 0.9), animation: false });
    }
    showPanel(id);
  }
  network.on("click", (params) => {
    if (params.nodes.length) select(params.nodes[0], false);
    else if (state.selected !== null) { state.selected = null; if (!state.allSources) edgeView.refresh(); }
  });

  window.claimgraph = { network, nodes, edges, nodeView, edgeView, showPanel, select, refresh, state, data: D,
                        byKey, payload: P, labelOf };
  if (state.company || state.metric) refresh();
})();
