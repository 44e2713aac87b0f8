# Shared by the bench scripts that start servers (source it after cd to the
# repository root): installing what is missing, a work folder cleaned at exit
# with the servers started, and free loopback ports.

# install_missing PKG...: installs the Debian packages named, if any.
install_missing() {
  [ $# -gt 0 ] || return 0
  echo "installing Debian packages: $*"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# new_workdir: sets work, a temporary folder nginx's unprivileged workers can
# read, and pids, the servers to stop; both are cleaned up at exit.
new_workdir() {
  work=$(mktemp -d)
  chmod 755 "$work"
  pids=()
  trap cleanup EXIT
}
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}

# free_port prints a loopback port nothing listens on.
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
