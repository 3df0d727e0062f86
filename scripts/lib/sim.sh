# shellcheck shell=bash
# ./occupancy sim [ARGS]: the simulated fleet (firmware/Occupancy.Firmware.Simulator) against a
# running edge. Without site or broker options it plays the demo site "hq" against the demo's
# edge on 127.0.0.1:$OCCUPANCY_MQTT_PORT, with the demo's device secret. Sourced by ./occupancy.
#
#   ./occupancy sim                              real time, until Ctrl+C
#   ./occupancy sim --speed max --days 7         seed a week of history (ends at today's midnight)
#   ./occupancy sim --desks 1000 --doors 20 --broker-port 1884 --speed 60
#   ./occupancy sim --help                       every option

# True when any of the given option names appears among the arguments.
sim_has_option() {
    local wanted argument
    for wanted in "${@:2}"; do
        for argument in $1; do
            [[ $argument == "$wanted" ]] && return 0
        done
    done
    return 1
}

run_sim() {
    cd "$OCCUPANCY_ROOT" || exit 1
    ensure_dotnet
    local project=firmware/Occupancy.Firmware.Simulator/Occupancy.Firmware.Simulator.csproj
    local dll=firmware/Occupancy.Firmware.Simulator/bin/Release/net10.0/Occupancy.Firmware.Simulator.dll
    say "Building the simulator (Release)"
    MSBUILDTERMINALLOGGER=off dotnet build "$project" -c Release -nologo -v quiet >/dev/null \
        || die "the simulator does not build: dotnet build $project"

    local given=" $* "
    local args=("$@")
    if ! sim_has_option "$given" --network --desks; then
        args+=(--network "$OCCUPANCY_ROOT/scripts/demo/network.json")
        sim_has_option "$given" --site || args+=(--site hq)
    fi
    sim_has_option "$given" --broker-host || args+=(--broker-host 127.0.0.1)
    sim_has_option "$given" --broker-port || args+=(--broker-port "${OCCUPANCY_MQTT_PORT:-1883}")

    # The demo keeps its device secret (and a door master key, once there is one) in .data/.
    local data="$OCCUPANCY_ROOT/.data"
    if [[ -z ${OCCUPANCY_DEVICE_SECRET:-} && -s $data/device-secret ]]; then
        OCCUPANCY_DEVICE_SECRET=$(cat "$data/device-secret")
        export OCCUPANCY_DEVICE_SECRET
    fi
    if [[ -z ${OCCUPANCY_DOOR_MASTER_KEY:-} && -s $data/door-master-key ]]; then
        OCCUPANCY_DOOR_MASTER_KEY=$(cat "$data/door-master-key")
        export OCCUPANCY_DOOR_MASTER_KEY
    fi

    if ! sim_has_option "$given" --help -h; then
        local host port i
        for ((i = 0; i < ${#args[@]} - 1; i++)); do
            [[ ${args[i]} == --broker-host ]] && host=${args[i + 1]}
            [[ ${args[i]} == --broker-port ]] && port=${args[i + 1]}
        done
        tcp_open "$host" "$port" \
            || die "nothing listens on $host:$port: start the edge first (./occupancy demo) or pass --broker-host/--broker-port"
    fi

    exec dotnet "$dll" "${args[@]}"
}
