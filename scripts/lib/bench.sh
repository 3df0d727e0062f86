# shellcheck shell=bash
# ./occupancy bench [NAME [ARGS]]: builds the benchmark projects under bench/ in Release and runs
# them; NAME picks one (edge-ingest, EdgeIngest or Occupancy.Bench.EdgeIngest all name the same
# project), ARGS go to it. Sourced by ./occupancy.

# "Occupancy.Bench.EdgeIngest" or "edge-ingest" → "edgeingest".
bench_key() {
    local name=${1##*/}
    name=${name%.csproj}
    name=${name#Occupancy.Bench.}
    name=${name//[-._]/}
    printf '%s\n' "${name,,}"
}

# Only the runnable ones: bench/Occupancy.Bench.Common is a library the benchmarks share.
bench_projects() {
    local project
    for project in "$OCCUPANCY_ROOT"/bench/*/*.csproj; do
        if [[ -f $project ]] && grep -q '<OutputType>Exe</OutputType>' "$project"; then
            printf '%s\n' "$project"
        fi
    done
}

run_bench() {
    cd "$OCCUPANCY_ROOT" || exit 1
    ensure_dotnet
    ensure_debian_packages
    export MSBUILDTERMINALLOGGER=off DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

    local wanted=${1:-} project
    [[ $# -gt 0 ]] && shift
    local selected=()
    while IFS= read -r project; do
        if [[ -z $wanted || $(bench_key "$project") == $(bench_key "$wanted") ]]; then
            selected+=("$project")
        fi
    done < <(bench_projects)
    if [[ ${#selected[@]} -eq 0 ]]; then
        local known
        known=$(bench_projects | while IFS= read -r project; do bench_key "$project"; done | paste -sd ' ' -)
        die "no benchmark named '$wanted' (there are: ${known:-none})"
    fi

    for project in "${selected[@]}"; do
        say "Building $(basename "$project" .csproj) (Release)"
        dotnet build "$project" -c Release -nologo -v quiet || die "the build of $project failed"
        say "Running $(basename "$project" .csproj) $*"
        dotnet run --project "$project" -c Release --no-build -- "$@"
    done
}
