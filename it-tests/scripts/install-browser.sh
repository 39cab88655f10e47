#!/bin/sh
# Test set-up for the admin-console browser test: installs Debian's chromium and chromium-driver when they are
# missing (as root, or with password-less sudo). Never fails the build: where nothing can be installed the
# browser test skips itself with a message. IT_SKIP_BROWSER_INSTALL=true disables the installation.
# Every step is bounded in time.

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  echo "browser test set-up: chromium and chromedriver are installed"
  exit 0
fi
if [ "${IT_SKIP_BROWSER_INSTALL:-false}" = "true" ]; then
  echo "browser test set-up: IT_SKIP_BROWSER_INSTALL=true, not installing chromium (the browser test will skip)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "browser test set-up: no apt-get here; install chromium and chromedriver yourself or the browser test will skip"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "browser test set-up: not root and no password-less sudo; the browser test will skip"
    exit 0
  fi
fi
LOG="${1:-/tmp}/install-browser.log"
echo "browser test set-up: installing chromium and chromium-driver with apt-get (log: $LOG)"
export DEBIAN_FRONTEND=noninteractive
if ! timeout 900 $SUDO apt-get install -y --no-install-recommends chromium chromium-driver >"$LOG" 2>&1; then
  timeout 300 $SUDO apt-get update >>"$LOG" 2>&1
  timeout 900 $SUDO apt-get install -y --no-install-recommends chromium chromium-driver >>"$LOG" 2>&1 \
    || echo "browser test set-up: installation failed (see $LOG); the browser test will skip"
fi
exit 0
