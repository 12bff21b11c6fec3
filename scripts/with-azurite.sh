#!/usr/bin/env bash
# Runs one command against a private Azurite (removed afterwards) on free loopback ports, with AzureWebJobsStorage pointing at
# it, and stops Azurite whatever happens. For running a subset of the tests by hand:
#   scripts/with-azurite.sh dotnet test tests/Kok.IntegrationTests --filter "FullyQualifiedName~Donation"
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/common.sh"
kok_npm
[ $# -gt 0 ] || { echo "usage: scripts/with-azurite.sh COMMAND [ARGS...]" >&2; exit 2; }
kok_start_azurite || exit 1
trap kok_stop_azurite EXIT
"$@"
