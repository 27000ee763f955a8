#!/usr/bin/env bash
# Fuzzes Keuzehulp's readers of untrusted input with cargo-fuzz (libFuzzer): the
# catalogue-pack reader and validator (target `pack`), the dossier-file reader and
# importer (target `dossier_file`) and the search query path (target `query`). The
# property is: no panic, no crash, no hang.
#
#   bash scripts/fuzz.sh [TARGET|all] [SECONDS]      (default: all, 60 seconds per target)
#
# Each target runs for SECONDS on a working corpus in fuzz/corpus/TARGET (not committed),
# started from the committed seeds in fuzz/seeds/TARGET. The libFuzzer output goes to the
# terminal and to fuzz/logs/TARGET.log. A crash, hang (> 10 s per input) or runaway memory
# use (> 4 GB) leaves an input in fuzz/artifacts/TARGET/; the script then says so and exits
# non-zero. Keep a reproducer in fuzz/regressions/TARGET/ (see fuzz/README.md).
#
# Needs the nightly toolchain (`rustup toolchain install nightly`); installs cargo-fuzz
# when it is missing. On a shared machine, run it as `nice -n 19 bash scripts/fuzz.sh ...`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
targets_all=(pack dossier_file query)

target=${1:-all}
seconds=${2:-60}
if ! [[ $seconds =~ ^[0-9]+$ ]] || ((seconds < 1)); then
    echo "fuzz.sh: SECONDS must be a positive whole number, not '$seconds'" >&2
    exit 2
fi
case $target in
    all) targets=("${targets_all[@]}") ;;
    pack | dossier_file | query) targets=("$target") ;;
    *)
        echo "usage: bash scripts/fuzz.sh [pack|dossier_file|query|all] [SECONDS]" >&2
        exit 2
        ;;
esac

# Tools: the nightly toolchain (for the sanitizer flags) and cargo-fuzz.
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "fuzz.sh: the nightly toolchain is missing; run: rustup toolchain install nightly" >&2
    exit 2
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz"
    cargo install cargo-fuzz
fi

# The dossier_file target keeps one SQLite store per process. The store syncs every
# commit to disk, so put it on tmpfs when there is one; remove it afterwards (libFuzzer
# exits without cleaning up).
if [[ -d /dev/shm && -w /dev/shm ]]; then
    store_base=$(mktemp -d /dev/shm/keuzehulp-fuzz.XXXXXX)
else
    store_base=$(mktemp -d "${TMPDIR:-/tmp}/keuzehulp-fuzz.XXXXXX")
fi
trap 'rm -rf "$store_base"' EXIT
export KEUZEHULP_FUZZ_STORE_DIR=$store_base

mkdir -p fuzz/logs
summary=()
failed=0

for t in "${targets[@]}"; do
    corpus=fuzz/corpus/$t
    seeds=fuzz/seeds/$t
    artifacts=fuzz/artifacts/$t
    log=fuzz/logs/$t.log
    mkdir -p "$corpus" "$artifacts"
    # Copy the seeds into the working corpus (existing entries are kept).
    cp -n "$seeds"/* "$corpus"/ 2>/dev/null || true

    # Artifacts already present before this run do not count as new findings.
    before=$(find "$artifacts" -type f | sort)

    cmd=(cargo +nightly fuzz run "$t" "$corpus" "$seeds" --
        "-max_total_time=$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1)
    echo "== $t: ${cmd[*]}"
    {
        echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
        echo "# ${cmd[*]}"
    } >"$log"
    # Build first, so that the time below is fuzzing time only.
    set +e
    cargo +nightly fuzz build "$t" 2>&1 | tee -a "$log"
    status=${PIPESTATUS[0]}
    start=$(date +%s)
    if ((status == 0)); then
        "${cmd[@]}" 2>&1 | tee -a "$log"
        status=${PIPESTATUS[0]}
    fi
    set -e
    elapsed=$(($(date +%s) - start))

    # Figures from libFuzzer's output: the final stats (-print_final_stats=1), the
    # "Done N runs in S second(s)" line, and the last status line (#N ... cov: ft: corp:).
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -n 1 || true)
    status_line=$(grep -E '^#[0-9]+' "$log" | grep -E 'cov: ' | tail -n 1 || true)
    if [[ -z $runs && $status_line =~ ^#([0-9]+) ]]; then
        runs=${BASH_REMATCH[1]}
    fi
    cov=$(grep -oE 'cov: [0-9]+' <<<"$status_line" | cut -d' ' -f2 || true)
    ft=$(grep -oE 'ft: [0-9]+' <<<"$status_line" | cut -d' ' -f2 || true)
    corp=$(grep -oE 'corp: [0-9]+/[0-9A-Za-z]+' <<<"$status_line" | cut -d' ' -f2 || true)
    files=$(find "$corpus" -type f | wc -l)

    after=$(find "$artifacts" -type f | sort)
    new=$(comm -13 <(echo "$before") <(echo "$after") | sed '/^$/d' || true)
    if [[ -n $new ]]; then
        verdict="CRASH: $(echo "$new" | tr '\n' ' ')"
        failed=1
    elif ((status != 0)); then
        verdict="FAILED (exit $status, no artifact; see $log)"
        failed=1
    else
        verdict="no crash"
    fi
    summary+=("$(printf '%-13s %s s, %s runs (%s exec/s), cov %s, ft %s, corpus %s (%s files in %s); %s' \
        "$t" "$elapsed" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$files" "$corpus" "$verdict")")
    [[ -n $done_line ]] && summary+=("              libFuzzer: $done_line")
done

echo
echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
if ((failed)); then
    echo "fuzz.sh: a target failed; keep the input in fuzz/regressions/TARGET/ and see the log" >&2
    exit 1
fi
