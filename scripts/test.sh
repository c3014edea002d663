#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it: lint and format check, unit tests, fidelity of the
# content to its sources, types, a build under a sub-path, checks of the built folder, then the
# browser tests (accessibility of every page, keyboard, display, search). The site is built once.
set -euo pipefail
cd "$(dirname "$0")/.."

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

stage "Navigateur pour les tests"
bash scripts/ensure-browser.sh
stage "Lint (ESLint) et mise en forme (Prettier) ; tests unitaires et fidélité du contenu aux sources, à côté"
# The unit and content tests share one process each (--test-isolation=none): loading the model and
# its libraries once instead of once per file halves their time (a failure still names its file).
side_by_side 'npm run lint --silent' 'npm run test:unit --silent && npm run test:content --silent'
# The build first, alone: it and the type check both write Astro's content store.
stage "Construction du site sous ${BASE_PATH}"
npm run build --silent > /tmp/conventions-build.log 2>&1 || { cat /tmp/conventions-build.log; exit 1; }
tail -n 1 /tmp/conventions-build.log
stage "Vérification des types (TypeScript strict) ; contrôles du dossier construit, à côté"
side_by_side 'npm run typecheck --silent > /tmp/conventions-typecheck.log 2>&1 || { cat /tmp/conventions-typecheck.log; exit 1; }; tail -n 4 /tmp/conventions-typecheck.log' \
  'node --test "tests/build/**/*.test.ts"'

stage "Tests dans le navigateur"
npx playwright test
