#!/usr/bin/env bash
# Takes the console screenshots (docs/img/console-*.png) by running its browser test, which saves
# one per page when hookstream.screenshots.dir is set. Needs chromium and chromedriver
# (Debian: apt-get install chromium chromium-driver).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -ntp verify -pl e2e-tests -am \
  -Dtest=ConsoleTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ConsoleTest -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dhookstream.screenshots.dir="$PWD/docs/img"
