#!/usr/bin/env bash
# The lint step of the GitHub Action (action.yml): pick the files, run asyncwriter lint.
#
# Environment: INPUT_FILES (files to check; default: the Markdown files changed since
# BASE_SHA, or every tracked Markdown file when there is no usable base),
# INPUT_PR_DESCRIPTION ("true": also the pull request's title and description, read from
# GITHUB_EVENT_PATH), INPUT_ARGS (more lint options), ASYNCWRITER (the command; default
# asyncwriter). The exit status is lint's: 1 when a finding is an error.
set -euo pipefail

read -r -a command <<< "${ASYNCWRITER:-asyncwriter}"
read -r -a extra <<< "${INPUT_ARGS:-}"
files=()
if [ -n "${INPUT_FILES:-}" ]; then
    read -r -a files <<< "$INPUT_FILES"
else
    base="${BASE_SHA:-}"
    # A new branch's push has an all-zero "before"; a shallow clone may lack the base.
    if [ -n "$base" ] && [[ ! "$base" =~ ^0+$ ]] && git cat-file -e "$base^{commit}" 2>/dev/null; then
        mapfile -d '' -t files < <(git diff -z --name-only --diff-filter=ACMR "$base" HEAD \
            -- '*.md' '*.markdown')
    else
        echo "asyncwriter: no base commit to compare with; checking every Markdown file" >&2
        mapfile -d '' -t files < <(git ls-files -z -- '*.md' '*.markdown')
    fi
fi

options=(lint --format github)
if [ "${INPUT_PR_DESCRIPTION:-false}" = "true" ]; then
    case "${GITHUB_EVENT_NAME:-}" in
        pull_request | pull_request_target) options+=(--pr-description) ;;
        *) echo "asyncwriter: not a pull request event; no description to check" >&2 ;;
    esac
fi
if [ "${#files[@]}" -eq 0 ] && [[ ! " ${options[*]} " =~ " --pr-description " ]]; then
    echo "asyncwriter: no changed Markdown files to check"
    exit 0
fi
exec "${command[@]}" "${options[@]}" "${extra[@]}" -- "${files[@]}"
