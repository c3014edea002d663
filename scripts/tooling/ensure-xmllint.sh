#!/usr/bin/env bash
# Makes sure xmllint is there for tests/build/feed.test.ts, which reads the built feed (fil.xml)
# with a strict XML parser: libxml2 refuses what a feed reader refuses, such as a control character
# ("PCDATA invalid Char value 11", issue 19). An xmllint already installed will do; otherwise
# Debian's package « libxml2-utils » is installed when apt-get is usable (the package lists are
# fetched first when apt does not know it yet).
set -euo pipefail

if command -v xmllint >/dev/null 2>&1; then exit 0; fi

if command -v apt-get >/dev/null 2>&1; then
  echo "Lecteur XML strict des tests : installation du paquet Debian « libxml2-utils » (xmllint)…"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  # Several installs may run at once on a shared machine: wait for apt's lock rather than fail.
  apt_get() { DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get -o DPkg::Lock::Timeout=120 "$@"; }
  status=0
  if ! apt-cache show libxml2-utils >/dev/null 2>&1; then apt_get update -qq || status=$?; fi
  if [ "$status" -eq 0 ]; then apt_get install -y -qq libxml2-utils >/dev/null || status=$?; fi
  if [ "$status" -eq 0 ] && command -v xmllint >/dev/null 2>&1; then exit 0; fi
  echo "L'installation de libxml2-utils a échoué." >&2
fi

echo "xmllint est introuvable. Installez-le (Debian : « apt-get install libxml2-utils ») puis" >&2
echo "relancez « npm test »." >&2
exit 1
