# shellcheck shell=bash
# Installs what the build, the tests and the demo need, and nothing when it is all there.
# Sourced by ./occupancy.

# Debian package → a program it installs; a package counts as present when its program is found.
declare -A OCCUPANCY_PACKAGE_COMMANDS=(
    [influxdb]=influxd
    [influxdb-client]=influx
    [mosquitto]=mosquitto
    [mosquitto-clients]=mosquitto_sub
    [redis-server]=redis-server
    [chromium]=chromium
    [curl]=curl
    [afl++]=afl-fuzz
    [systemd]=systemd-analyze
    [nodejs]=node
    [npm]=npm
)

# Daemons live in sbin, which a non-root PATH may lack.
program_found() {
    command -v "$1" >/dev/null 2>&1 || [[ -x "/usr/sbin/$1" || -x "/sbin/$1" ]]
}

debian_package_present() {
    local package=$1
    local program=${OCCUPANCY_PACKAGE_COMMANDS[$package]:-}
    if [[ -n $program ]] && program_found "$program"; then
        return 0
    fi
    command -v dpkg-query >/dev/null 2>&1 \
        && [[ $(dpkg-query -W -f='${Status}' "$package" 2>/dev/null) == "install ok installed" ]]
}

ensure_dotnet() {
    program_found dotnet \
        || die "dotnet not found: install the .NET SDK (version in global.json), then run this again"
}

ensure_debian_packages() {
    # systemd only for systemd-analyze, which checks the service units in deploy/systemd/ (nothing is started).
    local wanted=(influxdb influxdb-client mosquitto mosquitto-clients postgresql redis-server chromium curl afl++ systemd)
    # Node only when missing: a newer Node installed another way is fine for the dashboard build.
    if ! program_found node || ! program_found npm; then
        wanted+=(nodejs npm)
    fi

    local missing=() package
    for package in "${wanted[@]}"; do
        debian_package_present "$package" || missing+=("$package")
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        return 0
    fi

    command -v apt-get >/dev/null 2>&1 \
        || die "missing ${missing[*]} and apt-get is not available: install them by hand"
    say "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# npm ci in dashboard/ when its node_modules is missing or older than the lockfile. The server
# build would do it too; doing it here keeps an install failure apart from a build failure.
ensure_npm_packages() {
    local dashboard="$OCCUPANCY_ROOT/dashboard"
    [[ -f "$dashboard/package-lock.json" ]] || return 0
    # npm writes node_modules/.package-lock.json on every install: the marker of the last one.
    local marker="$dashboard/node_modules/.package-lock.json"
    if [[ -f $marker && ! "$dashboard/package-lock.json" -nt $marker ]]; then
        return 0
    fi
    say "Installing dashboard npm packages (npm ci)"
    (cd "$dashboard" && npm ci --no-audit --no-fund)
}
