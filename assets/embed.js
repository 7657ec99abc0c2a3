/* FT-ROI embed helper. Include once on a page that has one or more
 *   <iframe data-ft-roi src="https://…/?embed=1&…"></iframe>
 * and it keeps each frame as tall as the calculator's content (so it never
 * scrolls inside) and, for frames opened with theme=host, tells the
 * calculator whether the page around it is light or dark.
 *
 * Messages (all plain objects; see docs/embed.md):
 *   calculator → page  { type: "ft-roi:height", height }   content height, CSS px
 *   page → calculator  { type: "ft-roi:measure" }           report your height now
 *   page → calculator  { type: "ft-roi:theme", theme }      "light" or "dark"
 * and the host API, version 1 (FtRoi.connect(iframe) → get, set, on):
 *   page → calculator  ft-roi:get, ft-roi:set, ft-roi:subscribe
 *   calculator → page  ft-roi:state, ft-roi:set-result, ft-roi:results, ft-roi:error
 * A calculator reports its height by itself when it changes; this script
 * also asks each frame when it loads, when the window is resized and when
 * the frame comes into view, because a cross-origin frame out of view gets
 * no animation frames or resize observations to notice changes with.
 * Messages are taken only from a frame's own window at the origin of its
 * src, and sent only to that origin. No dependencies, no requests, nothing
 * else touched. */
(function () {
  'use strict';
  if (window.__ftRoiEmbed) return;
  window.__ftRoiEmbed = true;

  var SELECTOR = 'iframe[data-ft-roi]';
  // Per frame: whether its calculator has spoken since the frame (re)loaded,
  // and the theme it was last told.
  var state = typeof WeakMap === 'function' ? new WeakMap() : null;
  var observer = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver(function (entries) {
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].isIntersecting) measure(entries[i].target);
      }
    }, { rootMargin: '200px 0px' })
    : null;

  function frames() { return document.querySelectorAll(SELECTOR); }

  /** The origin of the frame's src ('' when it has none that can be talked to). */
  function originOf(frame) {
    try {
      var origin = new URL(frame.src, location.href).origin;
      return origin && origin !== 'null' ? origin : '';
    } catch (e) {
      return '';
    }
  }

  function stateOf(frame) {
    var s = state && state.get(frame);
    if (!s) {
      s = { ready: false, theme: '', warned: false, api: null, pending: {}, listeners: { results: [], error: [] } };
      if (state) state.set(frame, s);
    }
    return s;
  }

  function send(frame, message) {
    // A frame still at its initial about:blank (same-origin, so readable)
    // has no calculator yet: its load event will ask.
    try {
      if (frame.contentDocument && frame.contentDocument.URL === 'about:blank') return;
    } catch (e) { /* cross-origin: loaded */ }
    var origin = originOf(frame);
    // Sent to the src's origin only: a frame that went elsewhere hears nothing.
    if (origin && frame.contentWindow) frame.contentWindow.postMessage(message, origin);
  }

  function measure(frame) { send(frame, { type: 'ft-roi:measure' }); }

  function wantsHostTheme(frame) {
    try {
      return new URL(frame.src, location.href).searchParams.get('theme') === 'host';
    } catch (e) {
      return false;
    }
  }

  /** Starts looking after a frame once: ask on each load and when it comes into view. */
  function adopt(frame) {
    if (frame.__ftRoi) return;
    frame.__ftRoi = true;
    frame.addEventListener('load', function () {
      var s = stateOf(frame);
      s.ready = false;
      s.theme = '';
      measure(frame);
    });
    if (observer) observer.observe(frame);
    measure(frame);
  }

  function adoptAll() {
    var list = frames();
    for (var i = 0; i < list.length; i++) adopt(list[i]);
  }

  // ---- Heights (and the host API's answers) --------------------------------

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string' || data.type.indexOf('ft-roi:') !== 0) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (frame.contentWindow !== event.source) continue;
      var s = stateOf(frame);
      if (event.origin !== originOf(frame)) {
        if (!s.warned && window.console) {
          s.warned = true;
          console.warn('FT-ROI: ignored a message from ' + event.origin + ': the frame\'s src is at ' + (originOf(frame) || 'no origin'));
        }
        return;
      }
      if (data.type !== 'ft-roi:height') {
        answered(frame, data);
        return;
      }
      var height = Number(data.height);
      if (!(height > 0 && height < 100000)) return;
      frame.style.height = Math.ceil(height) + 'px';
      frame.setAttribute('scrolling', 'no');
      adopt(frame);
      // The first message after a load says the calculator listens: tell it
      // the theme, and send what a connected host page has been waiting to.
      if (!s.ready) {
        s.ready = true;
        tellTheme(frame);
        ready(frame);
      }
      return;
    }
  });

  // ---- Host API (FtRoi.connect) ----------------------------------------------

  var API_VERSION = 1;
  var nextId = 1;

  function isObject(v) { return !!v && typeof v === 'object' && !Array.isArray(v); }

  /** Runs a host page's callback; what it throws does not stop this script. */
  function call(callback, value) {
    try {
      callback(value);
    } catch (e) {
      setTimeout(function () { throw e; }, 0);
    }
  }

  /**
   * The calculator (re)started listening (the ready handshake: its first
   * height report after a load): subscribe a connected frame, and send each
   * request still unanswered (made before it listened, or before it reloaded).
   */
  function ready(frame) {
    var s = stateOf(frame);
    if (!s.api) return;
    send(frame, { type: 'ft-roi:subscribe' });
    for (var id in s.pending) {
      if (Object.prototype.hasOwnProperty.call(s.pending, id)) send(frame, s.pending[id].message);
    }
  }

  /** A message from a connected calculator other than a height: checked by shape. */
  function answered(frame, data) {
    var s = stateOf(frame);
    if (!s.api) return;
    var pending = typeof data.id === 'number' ? s.pending[data.id] : null;
    if (data.type === 'ft-roi:state' && pending && pending.kind === 'get' && isObject(data.inputs)) {
      delete s.pending[data.id];
      pending.resolve({ inputs: data.inputs, figures: isObject(data.figures) ? data.figures : null });
    } else if (data.type === 'ft-roi:set-result' && pending && pending.kind === 'set' && typeof data.ok === 'boolean' && isObject(data.errors)) {
      delete s.pending[data.id];
      pending.resolve({ ok: data.ok, errors: data.errors });
    } else if (data.type === 'ft-roi:results' && isObject(data.inputs)) {
      var results = { inputs: data.inputs, figures: isObject(data.figures) ? data.figures : null };
      s.listeners.results.slice().forEach(function (cb) { call(cb, results); });
    } else if (data.type === 'ft-roi:error' && isObject(data.errors)) {
      s.listeners.error.slice().forEach(function (cb) { call(cb, data.errors); });
    }
  }

  /** Asks frame for something; a Promise of the answer. */
  function ask(frame, kind, message) {
    var s = stateOf(frame);
    var id = nextId++;
    message.id = id;
    return new Promise(function (resolve) {
      s.pending[id] = { kind: kind, resolve: resolve, message: message };
      // Sent now if the calculator listens, else by `ready`.
      if (s.ready) send(frame, message);
    });
  }

  /**
   * A handle on a framed calculator (an <iframe> whose src is the
   * calculator): get() → Promise<{ inputs, figures }>, set(partial) →
   * Promise<{ ok, errors }>, on('results' | 'error', callback). Works
   * whether the frame has loaded or not; the same frame gives the same
   * handle. See docs/embed.md.
   */
  function connect(frame) {
    if (!frame || frame.tagName !== 'IFRAME') throw new TypeError('FtRoi.connect takes an <iframe> element');
    var s = stateOf(frame);
    if (s.api) return s.api;
    if (!frame.hasAttribute('data-ft-roi')) frame.setAttribute('data-ft-roi', '');
    s.api = {
      version: API_VERSION,
      frame: frame,
      get: function () { return ask(frame, 'get', { type: 'ft-roi:get' }); },
      set: function (partial) {
        if (!isObject(partial)) return Promise.reject(new TypeError('set takes an object of inputs by URL key'));
        var inputs = {};
        for (var key in partial) {
          if (Object.prototype.hasOwnProperty.call(partial, key)) inputs[key] = partial[key];
        }
        return ask(frame, 'set', { type: 'ft-roi:set', inputs: inputs });
      },
      on: function (name, callback) {
        if (!s.listeners[name] || typeof callback !== 'function') throw new TypeError("on takes 'results' or 'error' and a function");
        s.listeners[name].push(callback);
        return function off() {
          var at = s.listeners[name].indexOf(callback);
          if (at !== -1) s.listeners[name].splice(at, 1);
        };
      },
    };
    adopt(frame);
    if (s.ready) ready(frame);
    return s.api;
  }

  window.FtRoi = window.FtRoi || { version: API_VERSION, connect: connect };

  // A resize changes every frame's width; ask once it settles (a frame out
  // of view would otherwise keep the height of its old width).
  var resizeTimer = 0;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      var list = frames();
      for (var i = 0; i < list.length; i++) measure(list[i]);
    }, 100);
  });

  // ---- Theme (theme=host) --------------------------------------------------

  /** [r, g, b, a] (0–255, alpha 0–1) of a computed CSS colour, or null. */
  function parseColour(text) {
    var m = /^rgba?\(([^)]*)\)$/.exec(text);
    var scale = 1;
    if (!m) {
      m = /^color\(srgb ([^)]*)\)$/.exec(text);
      scale = 255;
    }
    if (m) {
      var p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      if (p.length >= 3 && p.every(isFinite)) {
        return [p[0] * scale, p[1] * scale, p[2] * scale, p.length > 3 ? p[3] : 1];
      }
    }
    // Any other syntax (oklch(), lab(), …): let a canvas convert it to sRGB.
    try {
      var ctx = document.createElement('canvas').getContext('2d');
      ctx.fillStyle = text;
      ctx.fillRect(0, 0, 1, 1);
      var d = ctx.getImageData(0, 0, 1, 1).data;
      return [d[0], d[1], d[2], d[3] / 255];
    } catch (e) {
      return null;
    }
  }

  function prefersDark() {
    return !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  }

  /** The canvas colour behind everything: the page's colour scheme's. */
  function canvasColour() {
    var scheme = getComputedStyle(document.documentElement).colorScheme || 'normal';
    if (scheme === 'normal') {
      var meta = document.querySelector('meta[name="color-scheme"]');
      scheme = meta ? meta.getAttribute('content') || '' : '';
    }
    var dark = /\bdark\b/.test(scheme) && (!/\blight\b/.test(scheme) || prefersDark());
    return dark ? [18, 18, 18, 1] : [255, 255, 255, 1];
  }

  /** The background a frame sits on: its ancestors' colours, composited. */
  function backgroundBehind(frame) {
    var layers = [];
    for (var el = frame.parentElement; el; el = el.parentElement) {
      var c = parseColour(getComputedStyle(el).backgroundColor);
      if (c && c[3] > 0) {
        layers.push(c);
        if (c[3] >= 1) break;
      }
    }
    var out = canvasColour();
    for (var i = layers.length - 1; i >= 0; i--) {
      var a = layers[i][3];
      out = [0, 1, 2].map(function (k) { return layers[i][k] * a + out[k] * (1 - a); });
    }
    return out;
  }

  function luminance(rgb) {
    var lin = rgb.map(function (c) {
      c /= 255;
      return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  }

  /** 'dark' when dark text would be less readable on it than light text. */
  function themeBehind(frame) {
    // 0.179: the luminance at which black and white text contrast equally.
    return luminance(backgroundBehind(frame)) < 0.179 ? 'dark' : 'light';
  }

  function tellTheme(frame) {
    if (!wantsHostTheme(frame)) return;
    var s = stateOf(frame);
    if (!s.ready) return;
    var theme = themeBehind(frame);
    if (theme === s.theme) return;
    s.theme = theme;
    // The frame element takes the same colour scheme as the calculator: a
    // browser paints a frame whose scheme differs from its element's on an
    // opaque canvas, which would hide the page's background behind it.
    frame.style.colorScheme = theme;
    send(frame, { type: 'ft-roi:theme', theme: theme });
  }

  // Re-read the host's look when it may have changed: its theme attribute or
  // class (on <html> or <body>), the system's scheme, or the end of a colour
  // transition. Coalesced: one reading per burst.
  var themeTimer = 0;
  function themeChanged() {
    if (themeTimer) return;
    themeTimer = setTimeout(function () {
      themeTimer = 0;
      var list = frames();
      for (var i = 0; i < list.length; i++) tellTheme(list[i]);
    }, 0);
  }

  var watched = [];
  var mutations = typeof MutationObserver === 'function' ? new MutationObserver(themeChanged) : null;
  function watch(el) {
    if (!mutations || !el || watched.indexOf(el) !== -1) return;
    watched.push(el);
    mutations.observe(el, { attributes: true });
  }
  watch(document.documentElement);
  watch(document.body);
  if (window.matchMedia) {
    var query = window.matchMedia('(prefers-color-scheme: dark)');
    if (query.addEventListener) query.addEventListener('change', themeChanged);
    else if (query.addListener) query.addListener(themeChanged);
  }
  document.addEventListener('transitionend', function (event) {
    if (/background|color/.test(event.propertyName)) themeChanged();
  }, true);

  function start() {
    watch(document.body);
    adoptAll();
  }
  adoptAll();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
