#!/usr/bin/env bash
# Runs a benchmark: installs what is missing, starts a private Azurite (removed afterwards) on free ports, builds Release, runs
# the benchmark against it, and stops Azurite whatever happens. Not part of ./test.sh.
#   ./bench.sh donations   POST /api/donations latency and webhook throughput, each relative to raw Table Storage
#   ./bench.sh dues [SMALL LARGE]
#                          dues run time with 500 due among 10,000 and 100,000 members (or SMALL and LARGE), their
#                          ratio and storage transactions; then charges per second through dues-charge (takes minutes)
#   ./bench.sh dues-mail [N]
#                          N (2,000) dues charges end to end with the mails they cause (receipts with PDF, failed-charge
#                          mails) through DevHost: charges and mails per second, failed executions per 1,000 charges,
#                          storage round trips per charge and per mail, the machine's load
#   ./bench.sh cold-start [STARTS]
#                          DevHost started fresh STARTS times (default 7), each in its own process: the first and the
#                          second GET /api/dashboard/summary and POST /api/donations, their medians and cold/warm ratio
#   ./bench.sh receipts    PDFs per second of a 12-line Sammelbestätigung; register issues per second, 8 workers
#   ./bench.sh annual-receipts [DONORS]
#                          the annual run through DevHost for 1,000 and DONORS (10,000) monthly donors with 12 payments:
#                          receipts per second, storage transactions per receipt, the ratio of the two run times
set -uo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

usage() { echo "usage: ./bench.sh donations | dues [SMALL LARGE] | dues-mail [N] | cold-start [STARTS] | receipts | annual-receipts [DONORS]" >&2; exit 2; }
case "${1:-} $#" in
  "donations 1" | "dues 1" | "dues 3" | "dues-mail 1" | "dues-mail 2" | "cold-start 1" | "cold-start 2" | "receipts 1" | "annual-receipts 1" | "annual-receipts 2") ;;
  *) usage ;;
esac

kok_prerequisites
kok_npm

echo "==> dotnet build (Release)"
dotnet build benchmarks/Kok.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly || exit 1

# Each storage service runs in a process of its own, as Azure runs them apart (scripts/common.sh).
kok_start_azurite || exit 1
trap kok_stop_azurite EXIT
dotnet benchmarks/Kok.Benchmarks/bin/Release/net10.0/Kok.Benchmarks.dll "$@"
