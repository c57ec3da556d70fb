#!/bin/bash
# Loads every table of tables.json with one embulk run each; the environment comes from /etc/embulk/shop.env
# (MYSQL_HOST, MYSQL_PORT, MYSQL_USER, MYSQL_PASSWORD, MYSQL_DATABASE).
set -uo pipefail
cd /opt/embulk
source /etc/embulk/shop.env
status=0
for row in $(jq -c '.[]' tables.json); do
  export TABLE=$(jq -r .table <<<"$row") SELECT=$(jq -r .select <<<"$row") WHERE=$(jq -r .where <<<"$row")
  if ! embulk run mysql_to_bq.yml.liquid; then
    curl -s -X POST -d "{\"text\": \"embulk failed: $TABLE\"}" "$SLACK_WEBHOOK_URL"
    status=1
  fi
done
exit $status
