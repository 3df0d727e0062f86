# shellcheck shell=bash
# ./occupancy demo: influxd, the server, one edge and a simulated sensor fleet on this machine.
# Sourced by ./occupancy. Every process is started with a plain `cmd &` so `$!` is its own PID.

on_demo_exit() {
    local status=$?
    trap - EXIT INT TERM
    if [[ ${#STARTED_PIDS[@]} -gt 0 ]]; then
        echo
        local names=() i
        for ((i = ${#STARTED_NAMES[@]} - 1; i >= 0; i--)); do
            names+=("${STARTED_NAMES[i]}")
        done
        say "Stopping ${names[*]}"
        stop_started_processes
    fi
    exit "$status"
}

build_demo_projects() {
    local project
    for project in \
        server/Occupancy.Server/Occupancy.Server.csproj \
        edge/Occupancy.Edge/Occupancy.Edge.csproj \
        firmware/Occupancy.Firmware.Simulator/Occupancy.Firmware.Simulator.csproj; do
        [[ -f $project ]] || die "$project is missing: the demo needs it"
        say "Building $project (Release)"
        MSBUILDTERMINALLOGGER=off dotnet build "$project" -c Release -nologo -v quiet
    done
}

# A random secret kept with the demo's data, made once: demo_secret NAME.
demo_secret() {
    local file="$OCCUPANCY_DATA/$1"
    if [[ ! -s $file ]]; then
        (umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$file")
    fi
    cat "$file"
}

# Registers every device of the demo site with the edge (stored hashed). The simulated fleet
# shares one secret for simplicity; an installer provisions one secret per device.
provision_demo_devices() {
    say "Provisioning the demo site's devices with the edge"
    dotnet edge/Occupancy.Edge/bin/Release/net10.0/Occupancy.Edge.dll devices \
        --data-dir "$OCCUPANCY_DATA/edge-hq" provision \
        --network "$OCCUPANCY_ROOT/scripts/demo/network.json" --site hq \
        --secret "$DEVICE_SECRET" >/dev/null
}

start_influxd() {
    local log="$OCCUPANCY_LOGS/influxd.log"
    say "Starting influxd on 127.0.0.1:$INFLUX_PORT (data in .data/influxdb)"
    INFLUXDB_META_DIR="$OCCUPANCY_DATA/influxdb/meta" \
        INFLUXDB_DATA_DIR="$OCCUPANCY_DATA/influxdb/data" \
        INFLUXDB_DATA_WAL_DIR="$OCCUPANCY_DATA/influxdb/wal" \
        INFLUXDB_HTTP_BIND_ADDRESS="127.0.0.1:$INFLUX_PORT" \
        INFLUXDB_BIND_ADDRESS="127.0.0.1:$INFLUX_RPC_PORT" \
        INFLUXDB_REPORTING_DISABLED=true \
        INFLUXDB_MONITOR_STORE_ENABLED=false \
        INFLUXDB_HTTP_LOG_ENABLED=false \
        INFLUXDB_DATA_QUERY_LOG_ENABLED=false \
        influxd -config /dev/null >"$log" 2>&1 &
    local pid=$!
    remember_process "$pid" influxd "$log"
    wait_until influxd "$pid" "$log" 20 "answer on /ping" http_ok "http://127.0.0.1:$INFLUX_PORT/ping" || return 1
    curl -fsS -o /dev/null -X POST "http://127.0.0.1:$INFLUX_PORT/query" --data-urlencode "q=CREATE DATABASE occupancy" \
        || die "could not create the occupancy database in influxd"
}

start_server() {
    local log="$OCCUPANCY_LOGS/server.log"
    say "Starting the server on port $HTTP_PORT"
    # The site key goes through the environment (same setting as --EdgeKeys:hq) to keep it out of `ps`.
    EdgeKeys__hq="$EDGE_KEY" \
        Access__NetworkKey="$NETWORK_KEY" \
        Admin__Email="$DEMO_ADMIN_EMAIL" \
        Admin__Password="$DEMO_ADMIN_PASSWORD" \
        DemoAccounts__HostEmail="$DEMO_HOST_EMAIL" \
        DemoAccounts__HostPassword="$DEMO_HOST_PASSWORD" \
        DemoAccounts__MemberEmail="$DEMO_MEMBER_EMAIL" \
        DemoAccounts__MemberPassword="$DEMO_MEMBER_PASSWORD" \
        dotnet server/Occupancy.Server/bin/Release/net10.0/Occupancy.Server.dll \
        --urls "http://0.0.0.0:$HTTP_PORT" \
        --Server:DataDirectory="$OCCUPANCY_DATA/server" \
        --Seed:NetworkFile="$OCCUPANCY_ROOT/scripts/demo/network.json" \
        --Influx:Url="http://127.0.0.1:$INFLUX_PORT" \
        --Influx:Database=occupancy \
        >"$log" 2>&1 &
    local pid=$!
    remember_process "$pid" server "$log"
    wait_until server "$pid" "$log" 180 "answer on /healthz" http_ok "http://127.0.0.1:$HTTP_PORT/healthz" || return 1
}

start_edge() {
    local log="$OCCUPANCY_LOGS/edge-hq.log"
    say "Starting the edge for site hq (MQTT on port $MQTT_PORT)"
    Uplink__SiteKey="$EDGE_KEY" \
        Access__NetworkKey="$NETWORK_KEY" \
        Access__DoorMasterKey="$DOOR_MASTER_KEY" \
        dotnet edge/Occupancy.Edge/bin/Release/net10.0/Occupancy.Edge.dll \
        --Edge:SiteId=hq \
        --Edge:DataDirectory="$OCCUPANCY_DATA/edge-hq" \
        --Edge:HttpPort="$EDGE_HTTP_PORT" \
        --Influx:UsageMaxLag=16.00:00:00 \
        --Mqtt:Port="$MQTT_PORT" \
        --Influx:Url="http://127.0.0.1:$INFLUX_PORT" \
        --Influx:Database=occupancy \
        --Uplink:ServerUrl="http://127.0.0.1:$HTTP_PORT" \
        >"$log" 2>&1 &
    local pid=$!
    remember_process "$pid" edge "$log"
    wait_until edge "$pid" "$log" 60 "MQTT listener" tcp_open 127.0.0.1 "$MQTT_PORT" || return 1
}

# The edge's outbox has nothing left for InfluxDB (its /readyz says "behind.influx":0).
edge_caught_up() {
    curl -sS --max-time 2 "http://127.0.0.1:$EDGE_HTTP_PORT/readyz" 2>/dev/null | grep -Eq '"behind\.influx": *0[^0-9]'
}

# On the first start only: two weeks of realistic coworking days played through the real pipeline, time
# accelerated — simulated sensors publish with past event times to the edge, which records them in its outbox,
# rolls them up and writes them to InfluxDB — so the host's heatmaps show patterns at once. The edge accepts
# device times that old for its roll-ups because start_edge raises Influx:UsageMaxLag.
seed_demo_history() {
    local marker="$OCCUPANCY_DATA/history-seeded" log="$OCCUPANCY_LOGS/history.log"
    [[ -e $marker ]] && return 0
    say "Seeding $DEMO_HISTORY_DAYS days of history through the edge (first start only, a few minutes; log: .data/logs/history.log)"
    local started=$SECONDS
    OCCUPANCY_DEVICE_SECRET="$DEVICE_SECRET" \
        dotnet firmware/Occupancy.Firmware.Simulator/bin/Release/net10.0/Occupancy.Firmware.Simulator.dll \
        --network "$OCCUPANCY_ROOT/scripts/demo/network.json" \
        --site hq \
        --broker-host 127.0.0.1 \
        --broker-port "$MQTT_PORT" \
        --speed max \
        --days "$DEMO_HISTORY_DAYS" \
        --seed 2026 \
        --schedule realistic \
        >"$log" 2>&1 &
    local pid=$!
    remember_process "$pid" history "$log"
    local code=0
    wait "$pid" || code=$?
    # It ended by itself: it must not count as a service that died.
    unset 'STARTED_PIDS[-1]' 'STARTED_NAMES[-1]' 'STARTED_LOGS[-1]'
    if ((code != 0)); then
        warn "the history simulator failed (exit $code). Last lines of $log:"
        tail -n 25 "$log" >&2 || true
        return 1
    fi
    local edge_pid=${STARTED_PIDS[-1]}
    wait_until edge "$edge_pid" "$OCCUPANCY_LOGS/edge-hq.log" 600 "catch-up with InfluxDB" edge_caught_up || return 1
    touch "$marker"
    say "History seeded in $((SECONDS - started)) s"
}

start_simulator() {
    local log="$OCCUPANCY_LOGS/simulator.log"
    say "Starting the simulated sensor fleet"
    OCCUPANCY_DEVICE_SECRET="$DEVICE_SECRET" \
        OCCUPANCY_DOOR_MASTER_KEY="$DOOR_MASTER_KEY" \
        dotnet firmware/Occupancy.Firmware.Simulator/bin/Release/net10.0/Occupancy.Firmware.Simulator.dll \
        --network "$OCCUPANCY_ROOT/scripts/demo/network.json" \
        --site hq \
        --broker-host 127.0.0.1 \
        --broker-port "$MQTT_PORT" \
        --occupied-after-ms 3000 \
        --free-after-ms 20000 \
        --schedule busy \
        >"$log" 2>&1 &
    remember_process "$!" simulator "$log"
}

run_demo() {
    [[ $# -eq 0 ]] || die "demo takes no arguments (ports: OCCUPANCY_HTTP_PORT, OCCUPANCY_MQTT_PORT, OCCUPANCY_INFLUX_PORT, OCCUPANCY_INFLUX_RPC_PORT, OCCUPANCY_EDGE_HTTP_PORT)"
    cd "$OCCUPANCY_ROOT" || exit 1
    HTTP_PORT=${OCCUPANCY_HTTP_PORT:-5080}
    MQTT_PORT=${OCCUPANCY_MQTT_PORT:-1883}
    INFLUX_PORT=${OCCUPANCY_INFLUX_PORT:-8086}
    INFLUX_RPC_PORT=${OCCUPANCY_INFLUX_RPC_PORT:-8088}
    EDGE_HTTP_PORT=${OCCUPANCY_EDGE_HTTP_PORT:-$((HTTP_PORT + 1))}
    DEMO_HISTORY_DAYS=${OCCUPANCY_DEMO_HISTORY_DAYS:-14}
    OCCUPANCY_DATA="$OCCUPANCY_ROOT/.data"
    OCCUPANCY_LOGS="$OCCUPANCY_DATA/logs"

    ensure_dotnet
    ensure_debian_packages
    ensure_npm_packages
    require_free_ports "$HTTP_PORT" "$MQTT_PORT" "$INFLUX_PORT" "$INFLUX_RPC_PORT" "$EDGE_HTTP_PORT"
    build_demo_projects

    mkdir -p "$OCCUPANCY_LOGS" "$OCCUPANCY_DATA/influxdb" "$OCCUPANCY_DATA/server" "$OCCUPANCY_DATA/edge-hq"
    EDGE_KEY=$(demo_secret edge-key)
    DEVICE_SECRET=$(demo_secret device-secret)
    # Access control: the network's key (card hashes, member pseudonyms; server and edge) and the door master key
    # every reader's command key is derived from (edge and simulated readers).
    NETWORK_KEY=$(demo_secret network-key)
    DOOR_MASTER_KEY=$(demo_secret door-master-key)
    DEMO_ADMIN_EMAIL=admin@occupancy.local
    DEMO_ADMIN_PASSWORD=$(demo_secret admin-password | cut -c1-20)
    DEMO_HOST_EMAIL=host@occupancy.local
    DEMO_HOST_PASSWORD=$(demo_secret host-password | cut -c1-20)
    DEMO_MEMBER_EMAIL=member@occupancy.local
    DEMO_MEMBER_PASSWORD=$(demo_secret member-password | cut -c1-20)
    provision_demo_devices

    trap on_demo_exit EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    # Job control puts each service in its own process group, so Ctrl+C reaches this script only
    # and the services stop in order (simulator first, influxd last) instead of all at once.
    set -m

    # Under `set -e` a failed start exits here, and the EXIT trap stops what did start.
    start_influxd
    start_server
    start_edge
    seed_demo_history
    start_simulator

    echo
    say "Occupancy is running."
    echo "    Dashboard:  http://localhost:$HTTP_PORT/"
    echo "    Sign in at  http://localhost:$HTTP_PORT/#/sign-in as"
    echo "      member:   $DEMO_MEMBER_EMAIL / $DEMO_MEMBER_PASSWORD (floor plans, pass page with the door code: #/me)"
    echo "      host:     $DEMO_HOST_EMAIL / $DEMO_HOST_PASSWORD (host of Harbour Street, hq)"
    echo "      admin:    $DEMO_ADMIN_EMAIL / $DEMO_ADMIN_PASSWORD"
    echo "    Logs:       .data/logs/ (influxd.log, server.log, edge-hq.log, simulator.log)"
    echo "    Data:       .data/ (delete it to start afresh)"
    echo "    Stop:       Ctrl+C"
    watch_started_processes || exit 1
}
