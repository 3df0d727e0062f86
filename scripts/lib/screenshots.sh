# shellcheck shell=bash
# ./occupancy screenshots: runs the demo on its ports (OCCUPANCY_*_PORT, as for `demo`), lets the simulated
# fleet report, takes the README's pictures with headless Chromium (scripts/Occupancy.Screenshots) into
# docs/screenshots/, then stops the demo. Sourced by ./occupancy.

run_screenshots() {
    cd "$OCCUPANCY_ROOT" || exit 1
    ensure_dotnet
    ensure_debian_packages
    local port=${OCCUPANCY_HTTP_PORT:-5080}
    say "Building the screenshot tool (Release)"
    MSBUILDTERMINALLOGGER=off dotnet build scripts/Occupancy.Screenshots/Occupancy.Screenshots.csproj -c Release -nologo -v quiet \
        || die "the build of the screenshot tool failed"

    mkdir -p .data/logs
    local log=.data/logs/screenshots-demo.log
    say "Starting the demo (log: $log)"
    "$OCCUPANCY_ROOT/occupancy" demo >"$log" 2>&1 &
    SCREENSHOTS_DEMO_PID=$!
    trap stop_screenshots_demo EXIT

    local waited=0
    until http_ok "http://127.0.0.1:$port/healthz" 2>/dev/null; do
        kill -0 "$SCREENSHOTS_DEMO_PID" 2>/dev/null || die "the demo stopped; see $log"
        ((waited++ < 900)) || die "the demo did not answer on port $port within 15 minutes; see $log"
        sleep 1
    done
    # The server answers before the edge and the simulator run: wait for the demo's own "running" line.
    until grep -q "Occupancy is running" "$log"; do
        kill -0 "$SCREENSHOTS_DEMO_PID" 2>/dev/null || die "the demo stopped; see $log"
        sleep 1
    done

    dotnet scripts/Occupancy.Screenshots/bin/Release/net10.0/Occupancy.Screenshots.dll \
        --url "http://127.0.0.1:$port/" \
        --member-email member@occupancy.local \
        --member-password "$(cut -c1-20 .data/member-password)" \
        --host-email host@occupancy.local \
        --host-password "$(cut -c1-20 .data/host-password)" \
        --out docs/screenshots
}

stop_screenshots_demo() {
    if [[ -n ${SCREENSHOTS_DEMO_PID:-} ]] && kill -0 "$SCREENSHOTS_DEMO_PID" 2>/dev/null; then
        say "Stopping the demo"
        kill -TERM "$SCREENSHOTS_DEMO_PID" 2>/dev/null || true
        wait "$SCREENSHOTS_DEMO_PID" 2>/dev/null || true
    fi
}
