# Shared set-up for run.sh and test.sh: checks the prerequisites and installs what is missing, idempotently.
# Sourced, not executed.

kok_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

kok_require() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "error: '$1' is not installed; $2" >&2
    exit 1
  fi
}

kok_prerequisites() {
  kok_require dotnet "install the .NET 10 SDK (https://dot.net)."
  kok_require node "install Node.js 20 or newer (Azurite runs on it)."
  kok_require npm "install npm (comes with Node.js)."
}

# Azurite is pinned in package.json/package-lock.json; npm ci only when node_modules is missing or stale.
kok_npm() {
  if [ ! -x "$kok_root/node_modules/.bin/azurite" ] || [ "$kok_root/package-lock.json" -nt "$kok_root/node_modules/.package-lock.json" ]; then
    echo "==> npm ci (Azurite)"
    (cd "$kok_root" && npm ci --no-audit --no-fund --loglevel=error) || { echo "error: npm ci failed" >&2; exit 1; }
  fi
}

# Debian's Chromium for the browser tests (Playwright drives it through ExecutablePath; no browser download).
kok_chromium() {
  if command -v chromium >/dev/null 2>&1; then return 0; fi
  echo "==> installing Chromium (Debian package) for the browser tests"
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  if command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq chromium >/dev/null 2>&1 || true
  fi
  if ! command -v chromium >/dev/null 2>&1; then
    echo "warning: Chromium could not be installed; browser tests will fail (install the 'chromium' package)." >&2
  fi
}

# Prints three free loopback ports (blob queue table).
kok_free_ports() {
  node -e '
    const net = require("net"); const ports = []; const servers = [];
    for (let i = 0; i < 3; i++) {
      const s = net.createServer(); servers.push(s);
      s.listen(0, "127.0.0.1", () => {
        ports.push(s.address().port);
        if (ports.length === 3) { servers.forEach(x => x.close()); console.log(ports.join(" ")); }
      });
    }'
}

kok_wait_port() {
  local port=$1 i
  for i in $(seq 1 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  return 1
}

kok_connection_string() {
  local blob=$1 queue=$2 table=$3
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
}

# Starts a private Azurite (its data removed at stop) on free loopback ports and exports AzureWebJobsStorage for it; pair with
# kok_stop_azurite (e.g. in an EXIT trap). Used by test.sh, bench.sh and scripts/with-azurite.sh.
# Each service (blob, queue, table) runs in a Node.js process of its own (azurite-blob, azurite-queue, azurite-table):
# one process serves all its requests on one thread, so in one process queue and table work wait for each other while
# the machine's other core sits idle (README, "Benchmarks"); in Azure they are separate services too. It also lets a
# message's consumer run truly alongside the save that follows its send, the races the app must survive (two were
# found that way). KOK_AZURITE_PER_SERVICE=0 runs one process for all three.
kok_start_azurite() {
  local blob queue table p service port
  read -r blob queue table < <(kok_free_ports)
  # In memory where the machine has a RAM disk (/dev/shm): the queue service's files then cost no disk writes.
  kok_azurite_dir="$( { [ -d /dev/shm ] && [ -w /dev/shm ] && mktemp -d -p /dev/shm kok-azurite.XXXXXX; } || mktemp -d)"
  kok_azurite_pids=()
  # KOK_AZURITE_CPU_PROFILE=DIR: Azurite runs under node's sampling profiler and writes a .cpuprofile (one per
  # process) into DIR when it stops (open it in Chrome's DevTools), to see where the emulator spends its time.
  local profile=()
  [ -n "${KOK_AZURITE_CPU_PROFILE:-}" ] && mkdir -p "$KOK_AZURITE_CPU_PROFILE" && profile=(node --cpu-prof --cpu-prof-dir="$KOK_AZURITE_CPU_PROFILE")
  if [ "${KOK_AZURITE_PER_SERVICE:-1}" = 1 ]; then
    for service in blob queue table; do
      case $service in blob) port=$blob ;; queue) port=$queue ;; table) port=$table ;; esac
      # The queue service keeps its messages in files in the temporary directory (removed at stop) rather than in its
      # memory store: there Azurite stores every message as an extent of its own, and its garbage collector (every
      # 60 s) deletes the consumed ones one by one, each delete re-sorting an index over all of them; with thousands
      # of messages the queue service then stalls for tens of seconds (the dues benchmark: 11-15 charges a second in
      # memory, 16.6-16.9 in files). In files messages share extents. KOK_AZURITE_QUEUE_ON_DISK=0 keeps them in memory.
      local persistence=(--inMemoryPersistence)
      if [ "$service" = queue ] && [ "${KOK_AZURITE_QUEUE_ON_DISK:-1}" = 1 ]; then
        mkdir -p "$kok_azurite_dir/queue-data"; persistence=(--location "$kok_azurite_dir/queue-data")
      fi
      "${profile[@]}" "$kok_root/node_modules/.bin/azurite-$service" "${persistence[@]}" --skipApiVersionCheck --loose --silent \
        --disableTelemetry "--${service}Host" 127.0.0.1 "--${service}Port" "$port" >"$kok_azurite_dir/$service.log" 2>&1 &
      kok_azurite_pids+=($!)
    done
  else
    "${profile[@]}" "$kok_root/node_modules/.bin/azurite" --inMemoryPersistence --skipApiVersionCheck --loose --silent --disableTelemetry \
      --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
      --blobPort "$blob" --queuePort "$queue" --tablePort "$table" >"$kok_azurite_dir/azurite.log" 2>&1 &
    kok_azurite_pids+=($!)
  fi
  for p in "$blob" "$queue" "$table"; do
    kok_wait_port "$p" || { echo "error: Azurite did not start (see $kok_azurite_dir/*.log)" >&2; return 1; }
  done
  echo "==> Azurite on 127.0.0.1 ports blob=$blob queue=$queue table=$table (${#kok_azurite_pids[@]} process(es), data removed at stop)"
  export AzureWebJobsStorage
  AzureWebJobsStorage="$(kok_connection_string "$blob" "$queue" "$table")"
}

kok_stop_azurite() {
  local pid
  for pid in "${kok_azurite_pids[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  [ -n "${kok_azurite_dir:-}" ] && rm -rf "$kok_azurite_dir"
  return 0
}
