#!/usr/bin/env bash
# The command the GitHub Action runs (action.yml). Inputs come as environment variables;
# CE_CLI replaces the published package (tests run the local build this way).
set -euo pipefail
cli=${CE_CLI:-npx --yes conflict-events@${CE_VERSION:-latest}}
args=(validate --format github --max-errors "${CE_MAX_ERRORS:-1000}" --fail-on "${CE_FAIL_ON:-error}")
if [ -n "${CE_CONFIG:-}" ]; then args+=(--config "$CE_CONFIG"); fi
# Word splitting is wanted here: paths may be several patterns, which the CLI expands
# itself (with ** support), so the shell's own globbing is turned off.
set -f
# shellcheck disable=SC2206
paths=(${CE_PATHS//$'\n'/ })
set +f
if [ ${#paths[@]} -eq 0 ]; then
  echo "conflict-events: no paths to validate" >&2
  exit 2
fi
# shellcheck disable=SC2086
exec $cli "${args[@]}" "${paths[@]}"
