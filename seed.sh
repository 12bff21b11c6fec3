#!/usr/bin/env bash
# Fills the local storage of ./run.sh with N synthetic supporting members (plausible German names and addresses,
# emails at example.org/example.de, joined 1 to 5 years ago, active, with a saved SEPA mandate or card).
#   ./seed.sh N [--due-today K] [--today yyyy-MM-dd] [--seed S]
# Starts nothing: run ./run.sh in another terminal first (its Azurite keeps the data in .azurite/), or point
# AzureWebJobsStorage at another storage. Seeding the same seed again adds nothing twice.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

if [ $# -lt 1 ] || ! [[ "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: ./seed.sh N [--due-today K] [--today yyyy-MM-dd] [--seed S]" >&2
  exit 2
fi
members=$1
shift

kok_require dotnet "install the .NET 10 SDK (https://dot.net)."
if [ -z "${AzureWebJobsStorage:-}" ]; then
  if ! (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
    echo "error: no storage on 127.0.0.1:10002; start ./run.sh in another terminal first (or set AzureWebJobsStorage)." >&2
    exit 1
  fi
  export AzureWebJobsStorage="UseDevelopmentStorage=true"
fi

echo "==> dotnet build tools/Kok.Seed"
dotnet build tools/Kok.Seed -c Release -nologo -v quiet -clp:ErrorsOnly || exit 1
exec dotnet tools/Kok.Seed/bin/Release/net10.0/Kok.Seed.dll --members "$members" "$@"
