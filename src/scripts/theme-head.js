// Runs in <head> before the page is painted, so the chosen theme shows without a flash.
// Kept tiny and dependency-free; the chooser itself is src/scripts/theme.ts.
(function () {
  try {
    var choice = localStorage.getItem('theme');
    if (choice === 'light' || choice === 'dark') document.documentElement.setAttribute('data-theme', choice);
  } catch (e) {
    /* storage unavailable: the system setting applies */
  }
})();
