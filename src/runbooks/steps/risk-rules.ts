import type { RiskLevel } from './step-types.js';

/** Extra conditions on a command's arguments; every condition given must hold. */
export interface RuleCondition {
  /** Any of these flags is present; a one-letter flag (`-f`) also matches inside bundles (`-rf`). */
  readonly flags?: readonly string[];
  /** An option's value matches: `-X DELETE`, `--request=DELETE`, `-XDELETE`. */
  readonly option?: readonly [names: readonly string[], value: RegExp];
  /** Some positional argument after the matched words matches (for `*` rules: argv0 and the first two). */
  readonly arg?: RegExp;
  /** No positional argument at all (`redis-cli` alone opens an interactive session). */
  readonly bare?: boolean;
  /** The program name itself matches. */
  readonly name?: RegExp;
}

/** One row of the tables: program, leading subcommand words, condition → level and why. */
export interface CommandRule {
  readonly programs: readonly string[];
  /** Leading positional words, each a list of alternatives (case-insensitive); `*` matches any word. */
  readonly sub: readonly (readonly string[])[];
  readonly when: RuleCondition | null;
  readonly level: RiskLevel;
  /** `{cmd}`: program and matched words as written; `{SUB}`: the matched words in capitals. */
  readonly reason: string;
}

/** `'kubectl rollout undo'`: first word = programs (`a|b`), then subcommand words (`get|describe`). */
const rule =
  (level: RiskLevel) =>
  (spec: string, reason: string, when: RuleCondition | null = null): CommandRule => {
    const [programs = '', ...sub] = spec.split(' ');
    return { programs: programs.split('|'), sub: sub.map((word) => word.split('|')), when, level, reason };
  };
const ro = rule('read-only');
const ch = rule('changing');
const de = rule('destructive');

/** Script and subcommand names that announce destruction (`purge-cache.sh`, `db:drop`). */
const destructiveName = /(^|[:_./-])(purge|wipe|destroy|drop|flush|revoke|delete)([:_.-]|$)/i;
const sendsData = [
  '-d',
  '--data',
  '--data-raw',
  '--data-binary',
  '--data-urlencode',
  '-F',
  '--form',
  '--json',
  '-T',
  '--upload-file',
];
const redisReads =
  'ping|info|keys|scan|get|mget|exists|ttl|pttl|type|strlen|dbsize|llen|lrange|lindex|hget|hgetall|hkeys|hvals|hlen|hexists|hmget|hscan|' +
  'smembers|scard|sismember|sscan|zrange|zrevrange|zrangebyscore|zcard|zscore|zscan|xlen|xrange|xinfo|time|lastsave|role|echo|pubsub|object';
const redisWrites =
  'set|setex|psetex|setnx|mset|getset|expire|pexpire|expireat|persist|incr|incrby|decr|decrby|append|rename|hset|hmset|hsetnx|hincrby|' +
  'lpush|rpush|lset|linsert|sadd|zadd|zincrby|xadd|publish|move|bgsave|save|bgrewriteaof|replicaof|slaveof|failover|eval|evalsha|acl';

/** Known programs. The most specific matching rule wins (more subcommand words, then a condition). */
export const commandRules: readonly CommandRule[] = [
  // Looking at files, text and the system
  ro(
    'cat|tail|head|less|more|grep|egrep|fgrep|zgrep|zcat|zless|wc|sort|uniq|cut|tr|column|awk|jq|yq|diff|stat|file|strings|md5sum|sha256sum',
    '{cmd} only reads',
  ),
  ro('ls|ll|tree|pwd|which|whereis|type|realpath|readlink|basename|dirname', '{cmd} only lists or locates files'),
  ro(
    'echo|printf|date|true|false|sleep|test|[|[[|((|let|export|local|declare|readonly|typeset|set|unset|read|wait|clear|history|alias|cd|pushd|popd',
    '{cmd} has no effect outside this shell',
  ),
  ro(
    'ps|top|htop|free|uptime|vmstat|iostat|mpstat|sar|dmesg|lscpu|lsblk|lsof|df|du|w|who|whoami|id|hostname|uname|nproc|env|printenv|journalctl',
    '{cmd} only reports system state',
  ),
  ro('ping|dig|nslookup|host|traceroute|tracepath|mtr|netstat|ss|telnet|whois', '{cmd} only probes the network'),
  ro('find', 'find only lists files'),
  de('find', 'find -delete deletes every matching file', { flags: ['-delete'] }),
  ro('sed', 'sed without -i only prints'),
  ch('sed', 'sed -i edits files in place', { flags: ['-i', '--in-place'] }),
  ro('gzip|gunzip|bzip2|xz', '{cmd} -c only writes to stdout', {
    flags: ['-c', '--stdout', '-l', '--list', '-t', '--test'],
  }),
  ch('gzip|gunzip|bzip2|xz|zip|unzip', '{cmd} replaces or creates files'),
  ro('tar', 'tar -t only lists an archive', { flags: ['-t', '--list'] }),
  ch('tar', 'tar creates or extracts an archive'),
  ch(
    'cp|mv|mkdir|touch|chmod|chown|chgrp|ln|tee|install|scp|rsync|patch|ssh-keygen|vi|vim|nano|source|.',
    '{cmd} changes files',
  ),
  de('rsync', 'rsync --delete deletes files missing from the source', {
    flags: ['--delete', '--delete-after', '--delete-before'],
  }),
  de('rm|rmdir|unlink|shred|wipefs|truncate|mkfs|dd|fdisk|sfdisk|parted', '{cmd} destroys data'),
  de('rm', 'rm -r deletes whole directory trees', { flags: ['-r', '-R', '--recursive'] }),
  de('rm', 'rm -f deletes files without asking', { flags: ['-f', '--force'] }),
  ro('crontab', 'crontab -l only lists', { flags: ['-l'] }),
  ch('crontab', 'crontab changes scheduled jobs'),
  de('crontab', 'crontab -r deletes every scheduled job', { flags: ['-r'] }),
  // Processes and the host
  ch('kill', 'kill asks a process to stop (SIGTERM)'),
  de('kill', 'kill -9 kills a process without letting it clean up', { flags: ['-9', '-KILL', '-SIGKILL'] }),
  de('kill', 'kill -s KILL kills a process without letting it clean up', {
    option: [['-s', '-n'], /^(9|KILL|SIGKILL)$/i],
  }),
  de('pkill|killall', '{cmd} kills every matching process'),
  ch('reboot|shutdown|halt|poweroff', '{cmd} takes the whole host down'),
  ro('systemctl', 'systemctl without a command lists units', { bare: true }),
  ro(
    'systemctl status|is-active|is-enabled|is-failed|show|cat|list-units|list-unit-files|list-timers|list-dependencies',
    '{cmd} only reports',
  ),
  ch(
    'systemctl start|stop|restart|reload|try-restart|reload-or-restart|enable|disable|daemon-reload|kill|reset-failed|mask|unmask|edit|set-property',
    '{cmd} changes a running service',
  ),
  ro('service * status', '{cmd} only reports'),
  ch('service * start|stop|restart|reload|force-reload', '{cmd} changes a running service'),
  de('journalctl', 'journalctl --vacuum deletes archived logs', {
    flags: ['--vacuum-size', '--vacuum-time', '--vacuum-files'],
  }),
  ro('iptables|ip6tables', '{cmd} -L only lists rules', { flags: ['-L', '--list', '-S', '--list-rules'] }),
  ch('iptables|ip6tables|ufw|firewall-cmd', '{cmd} changes the firewall'),
  de('iptables|ip6tables', '{cmd} -F drops every firewall rule', { flags: ['-F', '--flush'] }),
  // HTTP
  ro('curl', 'curl only fetches (GET)'),
  ch('curl', 'curl writes the response to a file', { option: [['-o', '--output'], /^(?!\/dev\/null$)/] }),
  ch('curl', 'curl writes the response to a file', { flags: ['-O', '--remote-name'] }),
  ch('curl', 'curl sends data (POST)', { flags: sendsData }),
  ch('curl', 'curl sends a POST/PUT/PATCH request', { option: [['-X', '--request'], /^(POST|PUT|PATCH)$/i] }),
  de('curl', 'curl -X DELETE deletes a remote resource', { option: [['-X', '--request'], /^DELETE$/i] }),
  ro('wget', 'wget only fetches (GET)'),
  ch('wget', 'wget sends data (POST)', { flags: ['--post-data', '--post-file', '--method', '--body-data'] }),
  ro('openssl|nc|ncat', '{cmd} only inspects or probes'),
  ch('openssl', 'openssl writes a key or certificate', { flags: ['-out'] }),
  // Docker
  ro('docker ps|logs|inspect|stats|top|images|version|info|events|port|diff|history|search', '{cmd} only reports'),
  ro('docker container|image|volume|network|context ls|list|inspect|logs|history', '{cmd} only reports'),
  ro('docker system df|info|events', '{cmd} only reports'),
  ch(
    'docker restart|start|stop|pause|unpause|kill|pull|push|build|tag|login|update|cp|create|commit|rename|run|exec|load|save',
    '{cmd} changes containers or images',
  ),
  ch('docker network|volume create|connect|disconnect', '{cmd} changes Docker resources'),
  de('docker rm|rmi', '{cmd} deletes containers or images'),
  de('docker rm', 'docker rm -f force-removes running containers', { flags: ['-f', '--force'] }),
  de('docker volume|container|image|network|system|builder rm|prune', '{cmd} deletes Docker data'),
  ro('docker compose ps|logs|config|images|top|ls|version|port|events', '{cmd} only reports'),
  ch(
    'docker compose up|restart|start|stop|pull|build|create|run|scale|kill|pause|unpause|exec|down',
    '{cmd} changes running services',
  ),
  de('docker compose down', 'docker compose down -v also deletes the named volumes (data)', {
    flags: ['-v', '--volumes'],
  }),
  de('docker compose rm', '{cmd} deletes service containers'),
  // Kubernetes and Helm
  ro(
    'kubectl get|describe|logs|top|explain|version|cluster-info|api-resources|api-versions|events|diff|wait|port-forward|proxy',
    '{cmd} only reads',
  ),
  ro('kubectl auth|config|rollout can-i|view|get-contexts|current-context|status|history', '{cmd} only reads'),
  ch(
    'kubectl apply|patch|scale|set|edit|label|annotate|create|expose|autoscale|cordon|uncordon|drain|taint|cp|run|replace|attach|debug|exec',
    '{cmd} changes the cluster',
  ),
  ch('kubectl rollout restart', '{cmd} restarts every pod of the workload'),
  ch('kubectl rollout pause|resume', '{cmd} pauses or resumes a rollout'),
  ch('kubectl config use-context|set-context|set', '{cmd} changes the kubectl context'),
  de('kubectl delete', 'kubectl delete deletes cluster resources'),
  de('kubectl rollout undo', 'kubectl rollout undo rolls a workload back to an earlier version'),
  de('kubectl replace', 'kubectl replace --force deletes and recreates resources', { flags: ['--force'] }),
  ro('helm list|ls|status|get|history|template|show|search|version|lint|diff|env', '{cmd} only reads'),
  ch('helm install|upgrade|repo|dependency|pull|push|package|test', '{cmd} changes releases or charts'),
  de('helm rollback|uninstall|delete|del', '{cmd} rolls back or removes a release'),
  // Git and deployment tools
  ro(
    'git status|log|diff|show|fetch|branch|remote|describe|rev-parse|blame|ls-files|shortlog|reflog',
    '{cmd} only reads',
  ),
  ch(
    'git pull|checkout|switch|merge|rebase|commit|push|clone|stash|cherry-pick|revert|am|apply|tag|init|add|restore|mv|rm',
    '{cmd} changes the repository',
  ),
  de('git reset', 'git reset --hard discards local changes', { flags: ['--hard'] }),
  de('git clean', 'git clean deletes untracked files'),
  de('git push', 'git push --force rewrites remote history', { flags: ['-f', '--force', '--force-with-lease'] }),
  de('git branch', 'git branch -D deletes a branch', { flags: ['-D'] }),
  ch(
    'npm|pnpm|yarn|pip|pip3|apt|apt-get|yum|dnf|brew|snap|pm2|make|node|python|python3',
    '{cmd} runs or installs software',
  ),
  de('npm|pnpm|yarn run', '{cmd} runs a script whose name says it rolls back or deletes', { arg: destructiveName }),
  ro('npm|pnpm|yarn ls|list|view|info|outdated|audit|why|--version', '{cmd} only reads'),
  ch('npm|pnpm|yarn audit fix', '{cmd} changes dependencies'),
  ro('pm2 list|ls|status|show|describe|logs|monit|jlist|prettylist', '{cmd} only reads'),
  de('pm2 delete|kill|flush', '{cmd} removes processes or logs'),
  ro('nginx', 'nginx -t only tests the configuration', { flags: ['-t', '-T', '-v', '-V'] }),
  ch('nginx', 'nginx starts or signals the server'),
  ro('certbot certificates', '{cmd} only lists'),
  ch('certbot', 'certbot changes certificates'),
  de('certbot delete|revoke', '{cmd} removes certificates'),
  ro('aws * ls|describe-*|list-*|get-*', '{cmd} only reads'),
  ch('aws', 'aws changes cloud resources'),
  ch('aws s3 sync|cp|mv', '{cmd} copies objects (overwriting the destination)'),
  de('aws s3 rm|rb', '{cmd} deletes objects or buckets'),
  de('aws s3 sync', 'aws s3 sync --delete deletes files missing from the source', { flags: ['--delete'] }),
  de('aws * delete-*|terminate-*|remove-*', '{cmd} deletes cloud resources'),
  // Databases and queues
  ro('pg_isready|pg_dump|pg_dumpall|pg_controldata|pg_config|mysqldump', '{cmd} only reads the database'),
  ch('pg_dump|pg_dumpall|pg_basebackup', '{cmd} writes a backup to local files', {
    flags: ['-f', '--file', '-D', '--pgdata'],
  }),
  ch(
    'createdb|createuser|vacuumdb|reindexdb|clusterdb|pg_ctl|pg_ctlcluster|pg_restore',
    '{cmd} changes the database server',
  ),
  de('dropdb|dropuser|pg_resetwal|pg_resetxlog', '{cmd} destroys database data'),
  de('pg_restore', 'pg_restore --clean drops existing objects before restoring', { flags: ['-c', '--clean'] }),
  ch('psql|mysql', '{cmd} without a command opens an interactive session'),
  ro('psql|mysql', '{cmd} --list only lists databases', { flags: ['-l', '--list', '--version'] }),
  ch('redis-cli', 'redis-cli without a command opens an interactive session', { bare: true }),
  ro('redis-cli', 'redis-cli scans or monitors without writing', {
    flags: ['--scan', '--bigkeys', '--memkeys', '--hotkeys', '--stat', '--latency', '--latency-history'],
  }),
  ro(`redis-cli ${redisReads}`, 'redis-cli {SUB} only reads'),
  ro(
    'redis-cli config|client|slowlog|memory|cluster get|list|info|getname|len|usage|stats|doctor|nodes',
    'redis-cli {SUB} only reads',
  ),
  ch(`redis-cli ${redisWrites}`, 'redis-cli {SUB} writes data'),
  ch(
    'redis-cli config|client|slowlog|memory set|rewrite|resetstat|kill|reset|purge|pause',
    'redis-cli {SUB} changes the server',
  ),
  ch('redis-cli shutdown', 'redis-cli SHUTDOWN stops the Redis server'),
  de('redis-cli flushall', 'redis-cli FLUSHALL deletes every key'),
  de('redis-cli flushdb', 'redis-cli FLUSHDB deletes every key of the database'),
  de('redis-cli del|unlink|getdel', 'redis-cli {SUB} deletes keys'),
  de(
    'redis-cli hdel|srem|zrem|zremrangebyscore|zremrangebyrank|lrem|ltrim|lpop|rpop|spop|xdel|xtrim|swapdb',
    'redis-cli {SUB} removes data',
  ),
  de('redis-cli script|function flush', 'redis-cli {SUB} deletes every script'),
  ro('celery inspect|status|report|result|events|list', '{cmd} only reads'),
  ch('celery worker|beat|multi|call|upgrade|shell|control', '{cmd} changes workers or tasks'),
  de('celery purge', 'celery purge deletes every waiting task'),
  de('celery control revoke|terminate', '{cmd} cancels (revokes) tasks'),
  de('celery amqp queue.purge|queue.delete', '{cmd} deletes queued messages'),
  // Migration tools: going down is a rollback
  ch('alembic|flyway|migrate|goose|dbmate|knex|prisma|rake|rails|sequelize', '{cmd} changes the database schema'),
  de('alembic downgrade', '{cmd} rolls the schema back'),
  de('flyway clean|undo', '{cmd} removes schema objects'),
  de('migrate|goose|dbmate down|rollback|reset|drop', '{cmd} rolls the schema back'),
  de('prisma migrate reset', '{cmd} drops and recreates the database'),
  de(
    'rake|rails|knex|sequelize db:rollback|db:drop|db:reset|migrate:rollback|migrate:down|db:migrate:undo|db:migrate:undo:all',
    '{cmd} rolls back or drops the database',
  ),
];

/** For programs the table does not know: names that say what they do, else "unknown command". */
export const unknownProgramRules: readonly CommandRule[] = [
  ro('*', 'not a command: an unquoted ";" or line break probably split an argument', { name: /^[\d.,:+-]+$/ }),
  de('*', '{cmd} looks like a rollback (by its name)', { arg: /(^|[:_./-])(rollback|undo|downgrade)([:_.-]|$)/i }),
  de('*', '{cmd} looks like a backup restore over live data (by its name)', { arg: /(^|[:_./-])restore([:_.-]|$)/i }),
  de('*', '{cmd} looks like it deletes data (by its name)', { arg: destructiveName }),
];

/** When nothing matched. */
export const unknownCommandReason = 'unknown command';

/** What an SQL verb does. `anywhere`: counts inside CTEs and subqueries too, not only as first word. */
export interface SqlRule {
  readonly level: RiskLevel;
  readonly does: string;
  readonly anywhere?: boolean;
}
const sql = (level: RiskLevel, does: string, anywhere = false): SqlRule => ({ level, does, anywhere });

/** SQL statements by keyword; a statement's level is the highest of its verbs and functions. */
export const sqlVerbRules: Readonly<Record<string, SqlRule>> = {
  SELECT: sql('read-only', 'only reads'),
  WITH: sql('read-only', 'only reads'),
  TABLE: sql('read-only', 'only reads'),
  VALUES: sql('read-only', 'only computes'),
  EXPLAIN: sql('read-only', 'only plans'),
  SHOW: sql('read-only', 'only reads a setting'),
  DESCRIBE: sql('read-only', 'only describes'),
  USE: sql('read-only', 'only selects a database'),
  BEGIN: sql('read-only', 'is transaction control'),
  START: sql('read-only', 'is transaction control'),
  COMMIT: sql('read-only', 'is transaction control'),
  END: sql('read-only', 'is transaction control'),
  ROLLBACK: sql('read-only', 'is transaction control'),
  SAVEPOINT: sql('read-only', 'is transaction control'),
  SET: sql('read-only', 'changes a session setting'),
  RESET: sql('read-only', 'changes a session setting'),
  DISCARD: sql('read-only', 'resets the session'),
  INSERT: sql('changing', 'adds rows', true),
  UPDATE: sql('changing', 'modifies rows', true),
  MERGE: sql('changing', 'modifies rows', true),
  COPY: sql('changing', 'loads rows'),
  ALTER: sql('changing', 'changes the schema'),
  CREATE: sql('changing', 'creates objects'),
  GRANT: sql('changing', 'changes permissions'),
  REVOKE: sql('changing', 'changes permissions'),
  VACUUM: sql('changing', 'rewrites table storage'),
  REINDEX: sql('changing', 'rebuilds indexes'),
  ANALYZE: sql('changing', 'refreshes planner statistics'),
  CLUSTER: sql('changing', 'rewrites a table'),
  REFRESH: sql('changing', 'recomputes a materialized view'),
  LOCK: sql('changing', 'locks tables'),
  CALL: sql('changing', 'runs a procedure'),
  DO: sql('changing', 'runs a code block'),
  EXECUTE: sql('changing', 'runs a prepared statement'),
  COMMENT: sql('changing', 'changes a comment'),
  CHECKPOINT: sql('changing', 'forces a checkpoint'),
  REASSIGN: sql('changing', 'changes ownership'),
  DELETE: sql('destructive', 'deletes rows', true),
  TRUNCATE: sql('destructive', 'empties tables', true),
  DROP: sql('destructive', 'drops objects and their data', true),
};

/** Server functions that act rather than compute (`SELECT pg_terminate_backend(pid)` kills sessions). */
export const sqlFunctionRules: Readonly<Record<string, SqlRule>> = {
  pg_terminate_backend: sql('destructive', 'kills database sessions'),
  pg_drop_replication_slot: sql('destructive', 'drops a replication slot'),
  lo_unlink: sql('destructive', 'deletes large objects'),
  pg_cancel_backend: sql('changing', 'cancels running queries'),
  pg_reload_conf: sql('changing', 'reloads the server configuration'),
  set_config: sql('changing', 'changes a setting'),
  setval: sql('changing', 'moves a sequence'),
  pg_switch_wal: sql('changing', 'switches the WAL file'),
  pg_stat_reset: sql('changing', 'resets statistics'),
  pg_stat_statements_reset: sql('changing', 'resets statistics'),
  dblink_exec: sql('changing', 'runs SQL on another database'),
};
