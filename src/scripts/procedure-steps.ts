/**
 * Enhances a procedure's steps (src/components/ProcedureSteps.astro), which are all shown without
 * it. Each step heading's text moves into a button that shows or hides the step, its number
 * inside (govuk-frontend #3687: a number outside the button is not announced with it); one
 * « Tout masquer / Tout afficher » button acts on all of them. The step reached by its link
 * (`#etape-2`, from a page that is part of it) is shown and marked `aria-current="step"`, in the
 * list of steps and on the step itself.
 */
export function startProcedureSteps() {
  const list = document.querySelector<HTMLElement>('[data-etapes]');
  const controls = document.querySelector<HTMLElement>('[data-etapes-commandes]');
  if (!list || !controls) return;
  const steps = [...list.querySelectorAll<HTMLElement>(':scope > li.etape')];
  const toggles = steps.map(makeToggle).filter((t): t is Toggle => t !== undefined);
  if (toggles.length === 0) return;

  const all = document.createElement('button');
  all.type = 'button';
  all.className = 'etapes-commandes__tout';
  const refresh = () => {
    const anyShown = toggles.some((t) => t.shown());
    all.textContent = anyShown ? 'Tout masquer' : 'Tout afficher';
    all.setAttribute('aria-expanded', String(anyShown));
  };
  all.addEventListener('click', () => {
    const show = !toggles.some((t) => t.shown());
    for (const t of toggles) t.set(show);
    refresh();
  });
  for (const t of toggles) t.button.addEventListener('click', refresh);
  controls.append(all);
  controls.hidden = false;
  refresh();

  const markCurrent = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    for (const el of document.querySelectorAll('[data-etape]')) {
      if (el.getAttribute('data-etape') === id) el.setAttribute('aria-current', 'step');
      else el.removeAttribute('aria-current');
    }
    const reached = toggles.find((t) => t.step.id === id);
    if (reached && !reached.shown()) {
      reached.set(true);
      refresh();
    }
  };
  window.addEventListener('hashchange', markCurrent);
  markCurrent();
}

interface Toggle {
  step: HTMLElement;
  button: HTMLButtonElement;
  shown: () => boolean;
  set: (show: boolean) => void;
}

/** Puts the heading's content in a button that shows or hides the step's content. */
function makeToggle(step: HTMLElement): Toggle | undefined {
  const heading = step.querySelector<HTMLElement>(':scope > .etape__titre');
  const content = step.querySelector<HTMLElement>(':scope > .etape__contenu');
  if (!heading || !content || content.childElementCount === 0) return undefined;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'etape__bouton';
  button.setAttribute('aria-controls', content.id);
  button.append(...heading.childNodes);
  heading.append(button);
  const shown = () => !content.hidden;
  const set = (show: boolean) => {
    content.hidden = !show;
    button.setAttribute('aria-expanded', String(show));
  };
  button.addEventListener('click', () => set(!shown()));
  set(true);
  return { step, button, shown, set };
}
