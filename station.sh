#!/usr/bin/env bash
# The station's two entry points: `./station.sh run` (set up, then start the station; demo mode on
# simulated chargers when no charger is configured, with the kiosk and the simulator panel when there is a
# display) and `./station.sh test` (set up, then run every test).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"

usage() {
    cat <<'USAGE'
usage: ./station.sh run [station options]   set everything up, then start the station (--headless:
                                            no screen; --help lists the options)
       ./station.sh test [pytest options]   set everything up, then run the whole test suite
       ./station.sh setup                   only set up (system packages, venv, firmware build)
       ./station.sh bench                   set up, then run the benchmarks and print the figures
       ./station.sh screenshots [DIR]       set up, then render every kiosk screen to DIR (default
                                            build/screenshots, with an index.html) and every web
                                            page, as chromium draws it, to DIR/web
USAGE
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
    run)
        scripts/setup.sh
        exec .venv/bin/python -m launcher "$@"
        ;;
    test)
        scripts/setup.sh --tests
        exec scripts/run_tests.sh "$@"
        ;;
    setup)
        exec scripts/setup.sh --tests
        ;;
    screenshots)
        # The web pages are drawn by their browser tests (Playwright and chromium: the test set-up).
        scripts/setup.sh --tests
        out=${1:-build/screenshots}
        kiosk=0
        .venv/bin/python -m launcher.screenshots --out "$out" || kiosk=$?
        SCREENSHOT_DIR="$out/web" .venv/bin/python -m pytest -q -p no:cacheprovider \
            tests/web/test_pages_browser.py tests/web/test_pages_browser_operations.py
        echo "web pages: $out/web"
        exit "$kiosk"
        ;;
    bench)
        scripts/setup.sh --tests
        exec .venv/bin/python tests/benchmarks/run_benchmarks.py "$@"
        ;;
    *)
        usage
        [ -z "$command" ] || [ "$command" = "-h" ] || [ "$command" = "--help" ] || exit 2
        ;;
esac
