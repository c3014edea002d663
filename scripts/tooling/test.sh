#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it: lint and format check, unit tests, fidelity of the
# content to its sources, types, a build under a sub-path (the site, and beside it the fixture site
# of tests/fixtures/site/ that the engine's checks run on: tests/fixture-site.ts), checks of both
# built folders, then the browser tests (accessibility of every page, keyboard, display, search),
# served by a real nginx with the deployment guide's configuration and its strict
# Content-Security-Policy. Each site is built once.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Publishers deploy under a sub-path: the tests build and serve the site the same way.
export BASE_PATH="${BASE_PATH:-/intranet/handicap/}"

# Each stage says how long the previous one took, so that a slow one shows (the tests themselves
# never time anything); Playwright gives its own duration last.
stage() {
  if [ -n "${stage_name:-}" ]; then echo "  (${stage_name} : $((SECONDS - stage_start)) s, ${SECONDS} s en tout)"; fi
  stage_name="$1"
  stage_start=$SECONDS
  echo "▶ $1"
}

# Two jobs side by side (each stage here runs on one core, the machine has two); their outputs are
# shown one after the other, and the stage fails if either does.
side_by_side() {
  local log_a log_b status_a=0 status_b=0
  log_a=$(mktemp) log_b=$(mktemp)
  bash -c "$1" > "$log_a" 2>&1 &
  local pid_a=$!
  bash -c "$2" > "$log_b" 2>&1 || status_b=$?
  wait "$pid_a" || status_a=$?
  cat "$log_a" "$log_b"
  rm -f "$log_a" "$log_b"
  [ "$status_a" -eq 0 ] && [ "$status_b" -eq 0 ]
}

stage "Navigateur, serveur web (nginx) et lecteur XML strict (xmllint) pour les tests"
bash scripts/tooling/ensure-browser.sh
bash scripts/tooling/ensure-nginx.sh
bash scripts/tooling/ensure-xmllint.sh
# Astro's generated types once, first: the lint and the type check below read them side by side,
# and nothing writes them again until the build.
stage "Types générés par Astro"
npx astro sync --silent
stage "Lint (ESLint) et mise en forme (Prettier) ; à côté, tests unitaires, fidélité du contenu aux sources et vérification des types"
# The unit and content tests share one process each (--test-isolation=none): loading the model and
# its libraries once instead of once per file halves their time (a failure still names its file).
side_by_side 'npm run lint:code --silent' \
  'npm run test:unit --silent && npm run test:content --silent && { npm run typecheck --silent -- --noSync > .typecheck.log 2>&1 || { cat .typecheck.log; exit 1; }; tail -n 4 .typecheck.log; }'
# The builds after the type check: the site's writes Astro's content store, which the type check
# reads. The fixture site is built in a copy of the project (.fixture-site/), beside it.
stage "Construction du site sous ${BASE_PATH}, et à côté du site d’essai"
side_by_side \
  'npm run build --silent > .build.log 2>&1 || { cat .build.log; exit 1; }; tail -n 1 .build.log' \
  'node tests/fixture-site.ts && head -n 1 .fixture-site/build.log'
# Two test files at a time: one of them builds a copy of the site, which leaves a core to the others.
stage "Contrôles du dossier construit"
npm run test:build --silent
# The same checks on the fixture site, where every kind of page and content exists (their facts
# about it run there only); the copy edited by the référents' commands is built once, above.
stage "Contrôles du dossier construit : site d’essai"
SITE_DIST=.fixture-site/dist BUILD_LOG=.fixture-site/build.log \
  node --test --test-concurrency=2 $(ls tests/build/*.test.ts | grep -v edited-site)

stage "Tests dans le navigateur"
npx playwright test
