#!/bin/sh
# What `make test` needs from Debian besides Python, make, git and Node.js/npm:
# Chromium (the browser tests drive /usr/bin/chromium with Playwright), a JRE (the
# Nu HTML Checker is a Java program) and faketime (the reproducibility test moves the
# build's clock). Run as root (a container, CI), it installs what is missing with
# apt-get; run as anyone else, it stops with one line naming the command to run, so
# no test starts on a machine that would fail it half an hour later.
set -eu

# package:command pairs; a package is missing when its command is not on PATH.
NEEDED="chromium:chromium default-jre-headless:java faketime:faketime"

missing=""
for pair in $NEEDED; do
  command -v "${pair#*:}" >/dev/null 2>&1 || missing="$missing ${pair%%:*}"
done
missing="${missing# }"
[ -z "$missing" ] && exit 0

command="apt-get install -y $missing"
if [ "$(id -u)" -ne 0 ]; then
  echo "make test needs $missing; install with: sudo $command" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "make test needs $missing, and this system has no apt-get; install them by hand" >&2
  exit 1
fi
echo "installing $missing (apt-get)" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
