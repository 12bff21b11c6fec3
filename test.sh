#!/usr/bin/env bash
# Runs every test: installs what is missing, starts a private Azurite (removed afterwards) on free ports, runs the solution's
# tests, stops Azurite whatever happens, and ends with the line "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

kok_prerequisites
kok_npm
kok_chromium

echo "==> dotnet build"
dotnet build Kok.Serverless.sln -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

kok_start_azurite || { echo "0 passed, 1 failed"; exit 1; }
trap kok_stop_azurite EXIT

export KOK_TEST_OUTPUT="$PWD/.test-output"
results="$KOK_TEST_OUTPUT/results"
rm -rf "$results"
mkdir -p "$results"

echo "==> dotnet test"
# -m:1: one test project after the other. Run together, the four quick projects' start-up competed with the first
# minutes of the integration tests on 2 cores and pushed storage requests past their budgets (503s, retries).
dotnet test Kok.Serverless.sln --no-build -nologo -m:1 --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$results" 2>&1 | grep -vE '^\s*$|^Test run for|^VSTest version|^A total of|^Starting test execution'
status=${PIPESTATUS[0]}

summary=$(node -e '
  const fs = require("fs"), path = require("path");
  const dir = process.argv[1]; let passed = 0, failed = 0, skipped = 0, files = 0;
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith(".trx")) continue; files++;
    const text = fs.readFileSync(path.join(dir, f), "utf8");
    const m = text.match(/<Counters\s[^>]*>/);
    if (!m) continue;
    const get = k => Number((m[0].match(new RegExp(k + "=\"(\\d+)\"")) || [0, 0])[1]);
    passed += get("passed"); failed += get("failed") + get("error") + get("timeout") + get("aborted");
    skipped += (text.match(/outcome="NotExecuted"/g) || []).length;
    // CI shows only the end of the output: name every failed test there, with the start of its message.
    for (const r of text.matchAll(/<UnitTestResult\s[^>]*outcome="Failed"[^>]*>[\s\S]*?<\/UnitTestResult>/g)) {
      const name = (r[0].match(/testName="([^"]*)"/) || [, "?"])[1];
      const msg = (r[0].match(/<Message>([\s\S]*?)<\/Message>/) || [, ""])[1].split("\n").slice(0, 6).join("\n    ");
      const xml = t => t.replace(/&quot;/g, "\u0022").replace(/&apos;/g, "\u0027").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
      console.error("FAILED " + xml(name) + "\n    " + xml(msg));
    }
  }
  console.log(passed, failed, skipped, files);' "$results")
read -r passed failed skipped files <<<"$summary"
# A crashed test host leaves no counters: never report green for a non-zero exit.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
line="$passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then line="$line, $skipped skipped"; fi
echo "$line"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
