import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_JDK_FOR_ELASTICSEARCH } from './versions';

const JVM_DIRS = ['/usr/lib/jvm', '/opt/java', '/usr/local/lib/jvm'];

function majorVersionOf(javaHome: string): number | undefined {
  const release = join(javaHome, 'release');
  if (!existsSync(release) || !existsSync(join(javaHome, 'bin', 'java'))) return undefined;
  const match = /JAVA_VERSION="(\d+)/.exec(readFileSync(release, 'utf8'));
  return match ? Number(match[1]) : undefined;
}

/**
 * A JDK Elasticsearch 9 accepts: ES_JAVA_HOME or JAVA_HOME when new enough, else the newest
 * JDK >= 21 found in the usual folders. Throws with what to install when there is none.
 */
export function findJdkForElasticsearch(): string {
  const candidates = [process.env.ES_JAVA_HOME, process.env.JAVA_HOME].filter(
    (p): p is string => !!p,
  );
  for (const dir of JVM_DIRS.filter(existsSync)) {
    candidates.push(...readdirSync(dir).map((name) => join(dir, name)));
  }
  const usable = candidates
    .map((home) => ({ home, major: majorVersionOf(home) ?? 0 }))
    .filter((jdk) => jdk.major >= MIN_JDK_FOR_ELASTICSEARCH)
    .sort((a, b) => b.major - a.major);
  if (usable.length === 0) {
    throw new Error(
      `No JDK >= ${MIN_JDK_FOR_ELASTICSEARCH} found (looked at ES_JAVA_HOME, JAVA_HOME, ${JVM_DIRS.join(', ')}); ` +
        `install a JDK 21 or newer (e.g. Temurin 21 or 25) and set ES_JAVA_HOME to it, or set ELASTICSEARCH_URL to a running cluster.`,
    );
  }
  return usable[0].home;
}
