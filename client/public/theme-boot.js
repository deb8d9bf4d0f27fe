// Paints the last theme this browser showed before the app's code loads, so a dark theme does not flash
// light on every page load. ThemeService writes `atelier.theme.paint` ({ css, dark }) whenever it paints.
(function () {
  try {
    var paint = JSON.parse(localStorage.getItem('atelier.theme.paint') || 'null');
    if (!paint || typeof paint.css !== 'object') return;
    var root = document.documentElement;
    for (var name in paint.css) if (/^--[\w-]+$/.test(name)) root.style.setProperty(name, String(paint.css[name]));
    root.style.colorScheme = paint.dark ? 'dark' : 'light';
  } catch (e) {
    // No storage or a damaged entry: the stylesheet's default theme shows until the app paints.
  }
})();
