/**
 * The display settings form (light, dark or system theme). The choice is kept in localStorage and
 * applied before paint on every page by the inline script in the layout's <head>.
 */
type Choice = 'light' | 'dark' | 'system';

export function startThemeChooser() {
  const form = document.getElementById('parametres-affichage');
  if (!form) return;
  form.hidden = false;
  let current: Choice = 'system';
  try {
    const stored = localStorage.getItem('theme');
    if (stored === 'light' || stored === 'dark') current = stored;
  } catch {
    // storage unavailable: system setting
  }
  const radios = form.querySelectorAll<HTMLInputElement>('input[name="theme"]');
  for (const radio of radios) {
    radio.checked = radio.value === current;
    radio.addEventListener('change', () => {
      const choice = radio.value as Choice;
      if (choice === 'system') document.documentElement.removeAttribute('data-theme');
      else document.documentElement.setAttribute('data-theme', choice);
      try {
        if (choice === 'system') localStorage.removeItem('theme');
        else localStorage.setItem('theme', choice);
      } catch {
        // the choice holds for this page only
      }
    });
  }
}
