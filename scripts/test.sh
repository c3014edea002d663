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

stage "Lint (ESLint) et mise en forme (Prettier)"
npm run lint --silent
stage "Navigateur pour les tests"
bash scripts/ensure-browser.sh
stage "Tests unitaires"
node --test "tests/unit/**/*.test.ts"
stage "Fidélité du contenu aux documents sources"
node --test "tests/content/**/*.test.ts"
stage "Vérification des types (TypeScript strict)"
npm run typecheck --silent > /tmp/conventions-typecheck.log 2>&1 || { cat /tmp/conventions-typecheck.log; exit 1; }
tail -n 4 /tmp/conventions-typecheck.log
stage "Construction du site sous ${BASE_PATH}"
npm run build --silent > /tmp/conventions-build.log 2>&1 || { cat /tmp/conventions-build.log; exit 1; }
tail -n 1 /tmp/conventions-build.log
stage "Contrôles du dossier construit"
node --test "tests/build/**/*.test.ts"
stage "Tests dans le navigateur"
npx playwright test
