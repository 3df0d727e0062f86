# shellcheck shell=bash
# Shared helpers for ./occupancy: messages, the repo root, the solution file.
# Sourced, not run; expects OCCUPANCY_ROOT to be set by ./occupancy.

say() {
    printf '==> %s\n' "$*"
}

warn() {
    printf 'occupancy: %s\n' "$*" >&2
}

die() {
    warn "$*"
    exit 1
}

# Runs a command as root: directly when we are root (CI, containers), else through sudo.
as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "'$*' needs root and sudo is not installed"
    fi
}

# The solution at the repo root (Occupancy.sln, or Occupancy.slnx as newer SDKs create).
solution_file() {
    local candidate
    for candidate in Occupancy.sln Occupancy.slnx; do
        if [[ -f "$OCCUPANCY_ROOT/$candidate" ]]; then
            printf '%s\n' "$OCCUPANCY_ROOT/$candidate"
            return 0
        fi
    done
    die "no Occupancy.sln in $OCCUPANCY_ROOT"
}
