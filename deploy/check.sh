#!/usr/bin/env bash
# Static checks of the operator configs that have a checker here (Debian: apt-get install -y prometheus
# prometheus-alertmanager nginx pgbouncer systemd). The service's test MetricsContractTest checks the same rules and
# the dashboard against a real scrape of /metrics; deploy/drill runs all of it together.
# A checker that is not installed is reported as skipped; CI installs them all (.ci/run).
set -euo pipefail
cd "$(dirname "$0")"
promtool check rules prometheus/alerts.yml
promtool test rules prometheus/alerts.test.yml
promtool check config --syntax-only prometheus/prometheus.yml
if command -v amtool > /dev/null; then
    amtool check-config alertmanager/alertmanager.yml
else
    echo "alertmanager config: skipped (no amtool)"
fi
python3 -m json.tool grafana/recallbricks-dashboard.json > /dev/null && echo "grafana dashboard: valid JSON"
bash -n maintenance/backup.sh maintenance/restore.sh maintenance/crontab-test drill drill.d/drills.sh \
    && echo "maintenance and drill scripts: syntax ok"
if command -v systemd-analyze > /dev/null; then
    systemd-analyze verify systemd/recallbricks.service && echo "systemd unit: ok (systemd-analyze verify)"
else
    echo "systemd unit: skipped (no systemd-analyze)"
fi
scratch="$(mktemp -d)"
chmod 755 "$scratch"
trap 'rm -rf "$scratch"' EXIT
if command -v nginx > /dev/null && command -v openssl > /dev/null; then
    # nginx -t resolves upstream hosts and reads the certificates: check a copy with loopback and a throwaway cert.
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$scratch/key.pem" -out "$scratch/cert.pem" -days 1 \
        -subj "/CN=check" 2> /dev/null
    sed -e "s|/etc/ssl/certs/recallbricks.crt|$scratch/cert.pem|; s|/etc/ssl/private/recallbricks.key|$scratch/key.pem|" \
        -e "s|app[0-9].internal|127.0.0.1|g" nginx/recallbricks.conf > "$scratch/site.conf"
    printf 'pid %s/nginx.pid;\nerror_log %s/error.log;\nevents {}\nhttp {\n  access_log off;\n  include %s/site.conf;\n}\n' \
        "$scratch" "$scratch" "$scratch" > "$scratch/nginx.conf"
    nginx -t -q -c "$scratch/nginx.conf" && echo "nginx config: ok"
else
    echo "nginx config: skipped (no nginx or openssl)"
fi
if command -v pgbouncer > /dev/null; then
    # PgBouncer has no config checker: start it with the shipped ini (port and paths templated; it does not need
    # the database to start) and stop it once it listens. A setting this PgBouncer does not know stops it here.
    sed -e "s|^listen_port = 6432|listen_port = 27998|" -e "s|^listen_addr = 0.0.0.0|listen_addr = 127.0.0.1|" \
        -e "s|/etc/pgbouncer/userlist.txt|$scratch/userlist.txt|" pgbouncer/pgbouncer.ini > "$scratch/pgbouncer.ini"
    printf 'unix_socket_dir = %s\n' "$scratch" >> "$scratch/pgbouncer.ini"
    echo '"recallbricks" "check-only"' > "$scratch/userlist.txt"
    as=()
    [[ $(id -u) -eq 0 ]] && { chown -R postgres: "$scratch"; as=(runuser -u postgres --); } # it refuses to run as root
    "${as[@]}" pgbouncer "$scratch/pgbouncer.ini" > "$scratch/pgbouncer.log" 2>&1 &
    pgb=$!
    up=0
    for _ in $(seq 1 50); do
        (exec 3<> /dev/tcp/127.0.0.1/27998) 2> /dev/null && { up=1; break; }
        kill -0 "$pgb" 2> /dev/null || break
        sleep 0.1
    done
    kill "$pgb" 2> /dev/null || true
    wait "$pgb" 2> /dev/null || true
    if [[ $up -eq 1 ]]; then
        echo "pgbouncer: starts with the shipped ini ($(pgbouncer --version | head -n 1))"
    else
        echo "pgbouncer: does NOT start with the shipped ini:" >&2
        cat "$scratch/pgbouncer.log" >&2
        exit 1
    fi
else
    echo "pgbouncer: skipped (not installed)"
fi
