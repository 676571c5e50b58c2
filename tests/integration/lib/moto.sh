# shellcheck shell=bash
# moto_server on a free 127.0.0.1 port with dummy credentials; stopped (by its PID) on exit.
# After start_moto: $MOTO_URL, and `awsm ARGS...` runs the AWS CLI against it.

start_moto() {
  need_cmd moto_server aws python3
  MOTO_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  MOTO_URL="http://127.0.0.1:$MOTO_PORT"
  moto_server -H 127.0.0.1 -p "$MOTO_PORT" >"$WORK/moto.log" 2>&1 &
  MOTO_PID=$!
  # shellcheck disable=SC2016  # expanded at exit
  on_exit 'kill "$MOTO_PID" 2>/dev/null; wait "$MOTO_PID" 2>/dev/null'

  # Dummy credentials, no retries (the CLI would retry moto's HTTP 500s for minutes), no pager,
  # no shared config of the caller.
  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing
  export AWS_DEFAULT_REGION="${AWS_REGION_UNDER_TEST:-eu-west-2}" AWS_REGION="${AWS_REGION_UNDER_TEST:-eu-west-2}"
  export AWS_MAX_ATTEMPTS=1 AWS_RETRY_MODE=standard AWS_PAGER="" AWS_EC2_METADATA_DISABLED=true
  export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null

  local i
  for ((i = 0; i < 100; i++)); do
    if python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1] + '/moto-api/', timeout=1)" "$MOTO_URL" 2>/dev/null; then
      log "moto_server (pid $MOTO_PID) on $MOTO_URL"
      return 0
    fi
    kill -0 "$MOTO_PID" 2>/dev/null || { cat "$WORK/moto.log" >&2; fail "moto_server exited at start-up"; }
    sleep 0.2
  done
  fail "moto_server did not answer on $MOTO_URL within 20 s"
}

awsm() { aws --endpoint-url "$MOTO_URL" --output json "$@"; }

# Prints the tail of moto's log (its tracebacks explain HTTP 500s) after a failed call.
# (Its request log and "no CloudFormation support" lines are left out.)
moto_log_tail() {
  grep -v -e '"POST / HTTP' -e '"GET / HTTP' -e 'No Moto CloudFormation support' -e 'UserWarning: Tried to parse' \
    -e 'parse_resource(' "$WORK/moto.log" | tail -n 40 >&2 || true
}
