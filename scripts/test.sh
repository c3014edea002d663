#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it: unit tests, a build under a sub-path, checks of
# the built folder, then the browser tests (accessibility of every page, search).
set -euo pipefail
cd "$(dirname "$0")/.."

# Publishers deploy under a sub-path: the tests build and serve the site the same way.
export BASE_PATH="${BASE_PATH:-/intranet/handicap/}"

echo "▶ Navigateur pour les tests"
bash scripts/ensure-browser.sh
echo "▶ Tests unitaires"
node --test "tests/unit/**/*.test.ts"
echo "▶ Vérification des types (TypeScript strict)"
npm run typecheck --silent > /tmp/conventions-typecheck.log 2>&1 || { cat /tmp/conventions-typecheck.log; exit 1; }
tail -n 4 /tmp/conventions-typecheck.log
echo "▶ Construction du site sous ${BASE_PATH}"
npm run build --silent > /tmp/conventions-build.log 2>&1 || { cat /tmp/conventions-build.log; exit 1; }
tail -n 1 /tmp/conventions-build.log
echo "▶ Contrôles du dossier construit"
node --test "tests/build/**/*.test.ts"
echo "▶ Tests dans le navigateur"
npx playwright test
