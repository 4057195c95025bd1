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
