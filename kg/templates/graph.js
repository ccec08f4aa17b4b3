// The page's behaviour. Every string from the graph reaches the DOM through textContent, never as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var words = data.words;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // vis-network shows an Element title as it is; a string it would show with innerText.
  function tooltip(tip) {
    var box = el("div", "kg-tip");
    box.appendChild(el("div", "kg-tip-name", tip.name));
    tip.other.forEach(function (text) { box.appendChild(el("div", "kg-tip-other", text)); });
    box.appendChild(el("div", "kg-tip-class", tip.cls));
    if (tip.dates) box.appendChild(el("div", "kg-tip-dates", words.dates + ": " + tip.dates));
    if (tip.evidence.length) {
      box.appendChild(el("div", "kg-tip-head", words.evidence));
      tip.evidence.forEach(function (text) { box.appendChild(el("div", "kg-tip-evidence", "“" + text + "”")); });
    }
    if (tip.sources.length) {
      box.appendChild(el("div", "kg-tip-head", words.sources));
      tip.sources.forEach(function (text) { box.appendChild(el("div", "kg-tip-source", text)); });
    }
    return box;
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    n.title = tooltip(n.tip);
    delete n.tip;
    return n;
  }));
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(document.getElementById("kg-network"), {}, data.options);
  // Positions come precomputed and physics is off, so the first drawing is the final layout.
  network.once("afterDrawing", function () {
    window.kgStableAt = performance.now();
    document.documentElement.setAttribute("data-kg-stable", "1");
  });
  network.setData({nodes: nodes, edges: edges});
  network.fit({animation: false});

  var count = document.getElementById("kg-count");
  function visibleIds() {
    return nodes.getIds({filter: function (n) { return !n.hidden; }});
  }
  function updateCount() {
    var shown = {};
    var ids = visibleIds();
    ids.forEach(function (id) { shown[id] = true; });
    var links = edges.get({filter: function (e) { return shown[e.from] && shown[e.to]; }}).length;
    count.textContent = ids.length.toLocaleString("en-US") + " " + words.nodes + " · " +
      links.toLocaleString("en-US") + " " + words.edges;
  }

  document.querySelectorAll("#kg-legend input[data-cls]").forEach(function (box) {
    box.addEventListener("change", function () {
      var cls = box.getAttribute("data-cls");
      var ids = nodes.getIds({filter: function (n) { return n.cls === cls; }});
      nodes.update(ids.map(function (id) { return {id: id, hidden: !box.checked}; }));
      updateCount();
    });
  });

  var search = document.getElementById("kg-search");
  var matches = document.getElementById("kg-matches");
  search.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var text = search.value.trim().toLowerCase();
    network.unselectAll();
    if (!text) {
      matches.textContent = "";
      network.fit({animation: false});
      return;
    }
    var ids = nodes.getIds({filter: function (n) { return !n.hidden && n.search.indexOf(text) >= 0; }});
    matches.textContent = words.matches.replace("{n}", ids.length);
    if (!ids.length) return;
    network.selectNodes(ids);
    network.fit({nodes: ids, animation: false});
    if (network.getScale() > 1.5) network.moveTo({scale: 1.5});
  });

  window.kg = {network: network, nodes: nodes, edges: edges, visibleIds: visibleIds};
})();
