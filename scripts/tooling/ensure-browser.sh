#!/usr/bin/env bash
# Makes sure a Chromium is there for the browser tests (scripts/tooling/chromium.ts picks it).
# CHROMIUM_PATH or Playwright's own browser will do. Otherwise Chromium's headless shell, the
# lighter build for tests without a screen: when it is missing and apt-get is usable, Debian's
# package « chromium-headless-shell » is installed (test tools cannot download browsers on some
# networks). A full Chromium already on the machine is the last resort: it works, more slowly.
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if node -e "const { chromium } = require('playwright-core'); process.exit(require('node:fs').existsSync(chromium.executablePath()) ? 0 : 1)" 2>/dev/null; then
  exit 0
fi
if [ -x /usr/lib/chromium/chromium-headless-shell ] || command -v chromium-headless-shell >/dev/null 2>&1; then exit 0; fi

if command -v apt-get >/dev/null 2>&1; then
  echo "Navigateur des tests : installation du paquet Debian « chromium-headless-shell »…"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  if $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium-headless-shell >/dev/null; then
    exit 0
  fi
  echo "L'installation a échoué ; recherche d'un autre Chromium." >&2
fi

for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then exit 0; fi
done

echo "Aucun navigateur Chromium trouvé. Installez Chromium (ou lancez « npx playwright install chromium »)," >&2
echo "ou indiquez son chemin dans la variable CHROMIUM_PATH, puis relancez « npm test »." >&2
exit 1
