#!/usr/bin/env bash
# Makes sure a Chromium is there for the browser tests. Playwright's own browser, Debian's
# chromium or one named by CHROMIUM_PATH will do; when none is present and apt-get is usable,
# installs Debian's chromium (test tools cannot download browsers on some networks).
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if node -e "const { chromium } = require('playwright-core'); process.exit(require('node:fs').existsSync(chromium.executablePath()) ? 0 : 1)" 2>/dev/null; then
  exit 0
fi
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then exit 0; fi
done

if command -v apt-get >/dev/null 2>&1; then
  echo "Aucun navigateur Chromium trouvé : installation du paquet Debian « chromium »…"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
  exit 0
fi

echo "Aucun navigateur Chromium trouvé. Installez Chromium (ou lancez « npx playwright install chromium »)," >&2
echo "ou indiquez son chemin dans la variable CHROMIUM_PATH, puis relancez « npm test »." >&2
exit 1
