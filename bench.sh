#!/usr/bin/env bash
# Runs a benchmark: installs what is missing, starts a private in-memory Azurite on free ports, builds Release, runs
# the benchmark against it, and stops Azurite whatever happens. Not part of ./test.sh.
#   ./bench.sh donations   POST /api/donations latency and webhook throughput, each relative to raw Table Storage
#   ./bench.sh dues [SMALL LARGE]
#                          dues run time with 500 due among 10,000 and 100,000 members (or SMALL and LARGE), their
#                          ratio and storage transactions; then charges per second through dues-charge (takes minutes)
set -uo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

usage() { echo "usage: ./bench.sh donations | dues [SMALL LARGE]" >&2; exit 2; }
case "${1:-} $#" in
  "donations 1" | "dues 1" | "dues 3") ;;
  *) usage ;;
esac

kok_prerequisites
kok_npm

echo "==> dotnet build (Release)"
dotnet build benchmarks/Kok.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly || exit 1

read -r blob queue table < <(kok_free_ports)
azurite_dir="$(mktemp -d)"
node_modules/.bin/azurite --inMemoryPersistence --skipApiVersionCheck --loose --silent --disableTelemetry \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
  --blobPort "$blob" --queuePort "$queue" --tablePort "$table" >"$azurite_dir/azurite.log" 2>&1 &
azurite_pid=$!
cleanup() {
  kill "$azurite_pid" 2>/dev/null
  wait "$azurite_pid" 2>/dev/null
  rm -rf "$azurite_dir"
}
trap cleanup EXIT
for p in "$blob" "$queue" "$table"; do
  kok_wait_port "$p" || { echo "error: Azurite did not start (see $azurite_dir/azurite.log)" >&2; exit 1; }
done
echo "==> Azurite on 127.0.0.1 ports blob=$blob queue=$queue table=$table (in memory, fresh for this run)"

export AzureWebJobsStorage
AzureWebJobsStorage="$(kok_connection_string "$blob" "$queue" "$table")"
dotnet benchmarks/Kok.Benchmarks/bin/Release/net10.0/Kok.Benchmarks.dll "$@"
