#!/usr/bin/env bash
# Makes sure nginx is there for the browser tests, which serve the built site through the
# deployment configuration of the guide (docs/deploiement/nginx.conf, scripts/tooling/nginx-preview.ts).
# NGINX_PATH or an nginx already installed will do; otherwise Debian's package « nginx » is
# installed when apt-get is usable. Its system service is not started: the tests run their own
# nginx, on a port of their own, with a private configuration.
set -euo pipefail

if [ -n "${NGINX_PATH:-}" ] && [ -x "$NGINX_PATH" ]; then exit 0; fi
if [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1; then exit 0; fi

if command -v apt-get >/dev/null 2>&1; then
  echo "Serveur web des tests : installation du paquet Debian « nginx » (sans démarrer le service)…"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  # policy-rc.d answering 101 is Debian's way to install a service without starting it; one
  # already there (as in containers) is left as it is.
  guard=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    guard=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' | $sudo_cmd tee "$guard" >/dev/null
    $sudo_cmd chmod +x "$guard"
  fi
  status=0
  { $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq nginx >/dev/null; } || status=$?
  if [ -n "$guard" ]; then $sudo_cmd rm -f "$guard"; fi
  if [ "$status" -eq 0 ] && [ -x /usr/sbin/nginx ]; then exit 0; fi
  echo "L'installation de nginx a échoué." >&2
fi

echo "nginx est introuvable. Installez-le (Debian : « apt-get install nginx ») ou indiquez son" >&2
echo "chemin dans la variable NGINX_PATH, puis relancez « npm test »." >&2
exit 1
