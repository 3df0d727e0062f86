# shellcheck shell=bash
# Starting, watching and stopping the demo's background processes, always by PID.
# Sourced by ./occupancy.

STARTED_PIDS=()
STARTED_NAMES=()
STARTED_LOGS=()

remember_process() {
    STARTED_PIDS+=("$1")
    STARTED_NAMES+=("$2")
    STARTED_LOGS+=("$3")
}

# True when something listens on the TCP port, on any local address.
port_in_use() {
    local port=$1
    if command -v ss >/dev/null 2>&1; then
        [[ -n $(ss -Hltn "sport = :$port" 2>/dev/null) ]]
    else
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
    fi
}

require_free_ports() {
    local port busy=()
    for port in "$@"; do
        port_in_use "$port" && busy+=("$port")
    done
    if [[ ${#busy[@]} -gt 0 ]]; then
        die "port(s) ${busy[*]} already in use: stop what listens there, or move the demo with OCCUPANCY_HTTP_PORT, OCCUPANCY_MQTT_PORT, OCCUPANCY_INFLUX_PORT, OCCUPANCY_INFLUX_RPC_PORT"
    fi
}

process_alive() {
    kill -0 "$1" 2>/dev/null
}

# Says which process died, with its exit code when known and the end of its log.
report_death() {
    local name=$1 pid=$2 log=$3 code=${4:-}
    warn "$name (pid $pid) stopped unexpectedly${code:+ with exit code $code}. Last lines of $log:"
    tail -n 25 "$log" >&2 || true
}

# wait_until NAME PID LOG SECONDS DESCRIPTION COMMAND...: polls COMMAND until it succeeds while
# the process is alive. A probe can succeed against a leftover instance on the same port while
# ours died on "address in use", so liveness is checked after the probe as well.
wait_until() {
    local name=$1 pid=$2 log=$3 seconds=$4 description=$5
    shift 5
    local deadline=$((SECONDS + seconds))
    while ((SECONDS < deadline)); do
        if ! process_alive "$pid"; then
            report_death "$name" "$pid" "$log"
            return 1
        fi
        if "$@" >/dev/null 2>&1 && process_alive "$pid"; then
            return 0
        fi
        sleep 0.2
    done
    warn "$name (pid $pid): no $description within ${seconds}s. Last lines of $log:"
    tail -n 25 "$log" >&2 || true
    return 1
}

http_ok() {
    curl -fsS -o /dev/null --max-time 2 "$1"
}

tcp_open() {
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# Every process in the tree under PID, children first.
descendants_of() {
    local child
    for child in $(pgrep -P "$1" 2>/dev/null || true); do
        descendants_of "$child"
        printf '%s\n' "$child"
    done
}

# TERM, up to ~5 s to exit, then KILL; children too, so nothing is left orphaned.
stop_process() {
    local pid=$1 name=$2
    process_alive "$pid" || { wait "$pid" 2>/dev/null || true; return 0; }
    local tree
    tree=$(descendants_of "$pid")
    kill -TERM "$pid" 2>/dev/null || true
    local tries=0
    while process_alive "$pid" && ((tries < 50)); do
        sleep 0.1
        tries=$((tries + 1))
    done
    if process_alive "$pid"; then
        warn "$name (pid $pid) ignored TERM for 5 s: killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    local child
    for child in $tree; do
        kill -KILL "$child" 2>/dev/null || true
    done
}

# Stops everything this script started, newest first (the simulator before the broker it talks to).
stop_started_processes() {
    local i
    for ((i = ${#STARTED_PIDS[@]} - 1; i >= 0; i--)); do
        stop_process "${STARTED_PIDS[i]}" "${STARTED_NAMES[i]}"
    done
    STARTED_PIDS=()
    STARTED_NAMES=()
    STARTED_LOGS=()
}

# Blocks until one started process exits (or a signal arrives: its trap runs), then names it.
watch_started_processes() {
    local died="" code=0
    wait -n -p died "${STARTED_PIDS[@]}" || code=$?
    local i
    for i in "${!STARTED_PIDS[@]}"; do
        if [[ ${STARTED_PIDS[i]} == "$died" ]]; then
            report_death "${STARTED_NAMES[i]}" "$died" "${STARTED_LOGS[i]}" "$code"
            return 1
        fi
    done
    for i in "${!STARTED_PIDS[@]}"; do
        if ! process_alive "${STARTED_PIDS[i]}"; then
            report_death "${STARTED_NAMES[i]}" "${STARTED_PIDS[i]}" "${STARTED_LOGS[i]}"
            return 1
        fi
    done
    return 1
}
