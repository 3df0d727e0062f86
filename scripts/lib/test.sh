# shellcheck shell=bash
# ./occupancy test: install, build Release, run every test project, print the totals line last.
# Sourced by ./occupancy.

OCCUPANCY_TOTALS_PRINTED=false

print_totals() {
    local passed=$1 failed=$2 skipped=$3
    local line="$passed passed, $failed failed"
    if ((skipped > 0)); then
        line+=", $skipped skipped"
    fi
    printf '%s\n' "$line"
    OCCUPANCY_TOTALS_PRINTED=true
}

# Whatever stops the run early (a failed apt-get, a missing SDK), the last line still says it failed.
on_test_exit() {
    local status=$?
    if [[ $OCCUPANCY_TOTALS_PRINTED == false ]]; then
        echo "The test run stopped before any test ran (exit code $status)."
        print_totals 0 1 0
        exit 1
    fi
}

# Sums every "Passed!/Failed!  - Failed: N, Passed: N, Skipped: N" line (one per test assembly).
# Prints "passed failed skipped".
sum_test_summaries() {
    awk '
        { gsub(/\033\[[0-9;]*m/, "") }
        /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
            f = $0; sub(/.*Failed: +/, "", f); failed += f + 0
            p = $0; sub(/.*Passed: +/, "", p); passed += p + 0
            s = $0; sub(/.*Skipped: +/, "", s); skipped += s + 0
            assemblies++
        }
        END { printf "%d %d %d %d\n", passed, failed, skipped, assemblies }
    ' "$1"
}

run_tests() {
    trap on_test_exit EXIT
    cd "$OCCUPANCY_ROOT" || exit 1
    ensure_dotnet
    ensure_debian_packages
    ensure_npm_packages

    local solution
    solution=$(solution_file)
    mkdir -p "$OCCUPANCY_ROOT/.data/logs"
    local log="$OCCUPANCY_ROOT/.data/logs/test.log"
    : >"$log"

    # Plain MSBuild output: the terminal logger would rewrite the summary lines counted below.
    export MSBUILDTERMINALLOGGER=off DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

    say "Building $(basename "$solution") (Release)"
    if ! dotnet build "$solution" -c Release 2>&1 | tee -a "$log"; then
        echo "The build failed (errors above); no test ran."
        print_totals 0 1 0
        exit 1
    fi

    say "Running tests"
    local status=0
    # Minimal console verbosity prints each failure with its message and stack trace, plus one
    # summary line per test assembly, which is what is summed below.
    dotnet test "$solution" -c Release --no-build --logger "console;verbosity=minimal" "$@" 2>&1 \
        | tee -a "$log" || status=$?

    local passed failed skipped assemblies
    read -r passed failed skipped assemblies < <(sum_test_summaries "$log")
    echo
    echo "Test assemblies reported: $assemblies (full output in ${log#"$OCCUPANCY_ROOT"/})"
    if ((status != 0 && failed == 0)); then
        echo "dotnet test exited with code $status without reporting a failed test (a crashed test host, or a project that did not run): counted as 1 failed."
        failed=1
    fi
    print_totals "$passed" "$failed" "$skipped"
    if ((failed > 0)); then
        exit 1
    fi
}
