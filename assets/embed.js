/* FT-ROI embed helper. Include once on a page that has one or more
 *   <iframe data-ft-roi src=".../?embed=1&..."></iframe>
 * Each embedded calculator posts { type: "ft-roi:height", height } to its
 * parent whenever its content height changes; this sets that iframe's
 * height, so it never shows an inner scrollbar. No dependencies, no
 * requests, nothing else touched. */
(function () {
  'use strict';
  if (window.__ftRoiEmbed) return;
  window.__ftRoiEmbed = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'ft-roi:height') return;
    var height = Number(data.height);
    if (!(height > 0 && height < 100000)) return;
    var frames = document.querySelectorAll('iframe[data-ft-roi]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + 'px';
        frames[i].setAttribute('scrolling', 'no');
      }
    }
  });
})();
