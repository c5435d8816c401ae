#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (/usr/bin/chromium) with playwright-core; no browser is downloaded.
# On a fresh Debian machine (as root) this installs it; elsewhere it says what to do.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$path" ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at $path (Debian: sudo apt-get install chromium; or set CHROMIUM_PATH)." >&2
exit 1
