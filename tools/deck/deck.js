/* Fit each slide to reveal.js's 1280×720 box (tools/publish.py inlines this into every deck).
   First the figures shrink (not below 280 px), then the whole slide (not below 80%), then the
   tallest table, list or output scrolls in a box of its own; a slide that still does not fit scrolls. Runs on the slide shown, and again once images and saved explorers have
   drawn. crmExtent is also what tools/walk_decks.py measures. */
window.crmExtent = function (Reveal, section) {
  // how far the slide's content reaches, in slide coordinates (reveal.js scales the whole deck)
  var box = section.getBoundingClientRect(), scale = Reveal.getScale() || 1;
  var bottom = box.top, right = box.left;
  var all = section.querySelectorAll('*');
  for (var i = 0; i < all.length; i++) {
    var el = all[i];
    if (el.closest('aside.notes')) continue;
    // what scrolls inside a box of its own is measured by its box
    if (el.parentElement && el.parentElement.closest('.crm-scrollbox')) continue;
    var r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.bottom > bottom) bottom = r.bottom;
    if (r.right > right) right = r.right;
  }
  var top = section.classList.contains('crm-scroll') ? box.top - section.scrollTop : box.top;
  return {height: Math.round((bottom - top) / scale), width: Math.round((right - box.left) / scale)};
};
window.crmFitSlide = function (Reveal, section) {
  if (!section) return;
  var H = Reveal.getConfig().height, W = Reveal.getConfig().width;
  var fits = function () { var e = crmExtent(Reveal, section); return e.height <= H && e.width <= W; };
  section.classList.remove('crm-scroll');
  section.style.height = ''; section.style.zoom = '';
  Array.prototype.forEach.call(section.querySelectorAll('.crm-scrollbox'), function (b) {
    b.classList.remove('crm-scrollbox'); b.style.maxHeight = '';
  });
  var imgs = Array.prototype.slice.call(section.querySelectorAll('img'));
  imgs.forEach(function (i) { i.style.maxHeight = ''; });
  if (fits()) return;
  var excess = crmExtent(Reveal, section).height - H;
  var big = imgs.filter(function (i) { return i.offsetHeight > 280; });
  var total = big.reduce(function (s, i) { return s + i.offsetHeight; }, 0);
  if (total > 0 && excess > 0) {
    var factor = Math.max(0, (total - excess) / total);
    big.forEach(function (i) { i.style.maxHeight = Math.max(280, Math.floor(i.offsetHeight * factor)) + 'px'; });
  }
  for (var z = 0.95; !fits() && z >= 0.8 - 1e-9; z -= 0.05) section.style.zoom = z.toFixed(2);
  // still too tall: the tallest table, list or output gets a height of its own and scrolls
  var scale = Reveal.getScale() || 1, zoom = parseFloat(section.style.zoom) || 1;
  var blocks = '.jp-OutputArea-output, .jp-RenderedMarkdown > ul, .jp-RenderedMarkdown > ol, ' +
               '.jp-RenderedMarkdown > table, .jp-InputArea-editor';
  for (var pass = 0; pass < 3 && !fits(); pass++) {
    var tallest = null, th = 0;
    Array.prototype.forEach.call(section.querySelectorAll(blocks), function (b) {
      if (b.classList.contains('crm-scrollbox') || b.closest('.crm-scrollbox')) return;
      var h = b.getBoundingClientRect().height / scale;
      if (h > th) { th = h; tallest = b; }
    });
    var over = crmExtent(Reveal, section).height - H;
    if (!tallest || th - over - 8 < 160) break;
    tallest.classList.add('crm-scrollbox');
    tallest.style.maxHeight = Math.floor((th - over - 8) / zoom) + 'px';
  }
  if (!fits()) {
    section.classList.add('crm-scroll');
    section.style.height = Math.floor(H / (parseFloat(section.style.zoom) || 1)) + 'px';
  }
};
window.crmFit = function (Reveal, section) {
  // now, again when an image of the slide has decoded, and once more when the slide has settled
  crmFitSlide(Reveal, section);
  Array.prototype.forEach.call(section.querySelectorAll('img'), function (i) {
    if (!i.complete) i.addEventListener('load', function () { crmFitSlide(Reveal, section); }, {once: true});
  });
  setTimeout(function () { crmFitSlide(Reveal, section); }, 200);
  setTimeout(function () { crmFitSlide(Reveal, section); }, 800);
  // formulas grow when MathJax typesets them (the deck re-renders a slide's maths on arrival)
  if (window.MathJax && MathJax.Hub) {
    setTimeout(function () { MathJax.Hub.Queue(function () { crmFitSlide(Reveal, section); }); }, 0);
  }
};
