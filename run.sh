#!/usr/bin/env bash
# Runs the whole backend locally and offline: Azurite (data in .azurite/) and Kok.DevHost, which hosts the
# Functions and plays Stripe and SendGrid. Ctrl-C stops both.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

kok_prerequisites
kok_npm

echo "==> dotnet build"
dotnet build src/Kok.DevHost -nologo -v quiet -clp:ErrorsOnly || exit 1

port="${KOK_PORT:-7071}"
pids=()
stop() {
  trap - INT TERM EXIT
  echo
  echo "==> stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
}
trap stop INT TERM EXIT

if (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
  echo "==> storage already answers on 127.0.0.1:10002; using it"
else
  mkdir -p .azurite
  node_modules/.bin/azurite --skipApiVersionCheck --loose --silent --disableTelemetry --location .azurite \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >.azurite/azurite.log 2>&1 &
  pids+=($!)
  for p in 10000 10001 10002; do
    kok_wait_port "$p" || { echo "error: Azurite did not start (see .azurite/azurite.log)" >&2; exit 1; }
  done
  echo "==> Azurite on 127.0.0.1:10000-10002 (data in .azurite/)"
fi

base="http://127.0.0.1:$port"
(cd src/Kok.DevHost && exec dotnet run --no-build --no-launch-profile -- --urls "$base") &
pids+=($!)
kok_wait_port "$port" || { echo "error: DevHost did not start" >&2; exit 1; }
cat <<INFO

  KOK backend running (offline):
    Health            $base/api/health
    Donation form     $base/
    Membership form   $base/membership.html
    Mails sent        $base/dev/mail
    Stripe events     $base/dev/stripe/events
    Functions admin   POST $base/admin/functions/{name}
    Office dashboard  $base/dashboard  (sign in with the dev token)
    Staff token       Authorization: Bearer dev-staff-token

  Press Ctrl-C to stop.
INFO
wait -n "${pids[@]}"
