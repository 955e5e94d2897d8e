#!/bin/sh
# Run after `-Dbench.args=audit` on PostgreSQL, which leaves its two fills in schemas
# catalogstore_bench_audit_1000 and catalogstore_bench_audit_1000000 (the next run drops them).
# The statements mirror catalogstore-jdbc's AuditSql.pageSql and countSql; keep them in step.
# EXPLAIN (ANALYZE, BUFFERS) of the four reads, as AuditSql builds them, on the benchmark's fills.
URL="${1:-postgresql://postgres@127.0.0.1:5432/test}"  # a libpq URL of the benchmark's database
COLS="e.event_id, e.occurred_at, e.actor_kind, e.actor_id, e.action, e.resource_type, e.resource_id, e.resource_name, e.result, e.client_address, e.details"
for N in 1000 1000000; do
  S=catalogstore_bench_audit_$N
  T=$(psql "$URL" -Atc "SELECT tenant_id FROM $S.tenants WHERE name = 'audit-bench'")
  FROM=$(python3 -c "import datetime as d; print((d.datetime(2026,1,1,tzinfo=d.timezone.utc)+d.timedelta(seconds=$N//2-300)).isoformat())")
  TO=$(python3 -c "import datetime as d; print((d.datetime(2026,1,1,tzinfo=d.timezone.utc)+d.timedelta(seconds=$N//2+300)).isoformat())")
  echo "=== $N events (schema $S, tenant $T)"
  for Q in \
    "pageSelective|SELECT $COLS FROM $S.audit_events e WHERE e.tenant_id = '$T' AND e.resource_id = 'table-hot' ORDER BY e.occurred_at DESC, e.event_id DESC LIMIT 101" \
    "pageBroad|SELECT $COLS FROM $S.audit_events e WHERE e.tenant_id = '$T' AND e.result = 'SUCCESS' ORDER BY e.occurred_at DESC, e.event_id DESC LIMIT 101" \
    "countSelective|SELECT count(*) AS events FROM $S.audit_events e WHERE e.tenant_id = '$T' AND e.resource_id = 'table-hot'" \
    "countWindow|SELECT count(*) AS events FROM $S.audit_events e WHERE e.tenant_id = '$T' AND e.occurred_at >= '$FROM' AND e.occurred_at < '$TO'"; do
    NAME=${Q%%|*}; SQL=${Q#*|}
    echo "--- $NAME"
    psql "$URL" -Atc "SET max_parallel_workers_per_gather = 0" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) $SQL" >/dev/null
    psql "$URL" -Atc "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) $SQL"
  done
done
