#!/usr/bin/env bash
# Static checks of the operator configs that have a checker here (Debian: apt-get install -y prometheus
# prometheus-alertmanager). The service's test MetricsContractTest checks the same rules and the dashboard against
# a real scrape of /metrics.
set -euo pipefail
cd "$(dirname "$0")"
promtool check rules prometheus/alerts.yml
promtool test rules prometheus/alerts.test.yml
promtool check config --syntax-only prometheus/prometheus.yml
if command -v amtool > /dev/null; then
    amtool check-config alertmanager/alertmanager.yml
fi
python3 -m json.tool grafana/recallbricks-dashboard.json > /dev/null && echo "grafana dashboard: valid JSON"
bash -n maintenance/backup.sh maintenance/restore.sh && echo "maintenance scripts: syntax ok"
if command -v nginx > /dev/null && command -v openssl > /dev/null; then
    # nginx -t resolves upstream hosts and reads the certificates: check a copy with loopback and a throwaway cert.
    scratch="$(mktemp -d)"
    trap 'rm -rf "$scratch"' EXIT
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$scratch/key.pem" -out "$scratch/cert.pem" -days 1 \
        -subj "/CN=check" 2> /dev/null
    sed -e "s|/etc/ssl/certs/recallbricks.crt|$scratch/cert.pem|; s|/etc/ssl/private/recallbricks.key|$scratch/key.pem|" \
        -e "s|app[0-9].internal|127.0.0.1|g" nginx/recallbricks.conf > "$scratch/site.conf"
    printf 'pid %s/nginx.pid;\nerror_log %s/error.log;\nevents {}\nhttp {\n  access_log off;\n  include %s/site.conf;\n}\n' \
        "$scratch" "$scratch" "$scratch" > "$scratch/nginx.conf"
    nginx -t -q -c "$scratch/nginx.conf" && echo "nginx config: ok"
fi
